// shared/random.ts
function splitmix32(seed) {
  let state = seed >>> 0;
  return () => {
    state = state + 2654435769 >>> 0;
    let z3 = state;
    z3 = Math.imul(z3 ^ z3 >>> 16, 2246822507) >>> 0;
    z3 = Math.imul(z3 ^ z3 >>> 13, 3266489909) >>> 0;
    return (z3 ^ z3 >>> 16) >>> 0;
  };
}
function createRandom(seed) {
  const mix = splitmix32(seed);
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next32 = () => {
    const t = (a + b >>> 0) + d >>> 0;
    d = d + 1 >>> 0;
    a = b ^ b >>> 9;
    b = c + (c << 3) >>> 0;
    c = (c << 21 | c >>> 11) >>> 0;
    c = c + t >>> 0;
    return t;
  };
  const uniform = () => (next32() * 2 ** 21 + (next32() >>> 11)) / 2 ** 53;
  let spare;
  const normal = () => {
    if (spare !== void 0) {
      const s = spare;
      spare = void 0;
      return s;
    }
    let u = 0;
    while (u === 0) u = uniform();
    const r = Math.sqrt(-2 * Math.log(u));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { uniform, normal, int: (n) => Math.floor(uniform() * n) };
}

// electron/engine/optimizers/adadelta.ts
function createAdadelta(spec, size) {
  const { rho, eps, weightDecay } = spec;
  const squareAvg = new Float64Array(size);
  const accDelta = new Float64Array(size);
  return {
    step(params, grad, lr) {
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let g = grad[i];
        if (weightDecay !== 0) g = g + weightDecay * p;
        const v = squareAvg[i] * rho + (1 - rho) * g * g;
        squareAvg[i] = v;
        const delta = Math.sqrt(accDelta[i] + eps) / Math.sqrt(v + eps) * g;
        accDelta[i] = accDelta[i] * rho + (1 - rho) * delta * delta;
        params[i] = p + -lr * delta;
      }
    }
  };
}

// electron/engine/optimizers/adagrad.ts
function createAdagrad(spec, size) {
  const { lrDecay, weightDecay, initialAccumulatorValue, eps } = spec;
  const sum3 = new Float64Array(size).fill(initialAccumulatorValue);
  let t = 0;
  return {
    step(params, grad, lr) {
      t++;
      const clr = lr / (1 + (t - 1) * lrDecay);
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let g = grad[i];
        if (weightDecay !== 0) g = g + weightDecay * p;
        const s = sum3[i] + g * g;
        sum3[i] = s;
        params[i] = p + -clr * g / (Math.sqrt(s) + eps);
      }
    }
  };
}

// electron/engine/optimizers/adam.ts
function createAdam(spec, size) {
  const { betas: [beta1, beta2], eps, weightDecay, amsgrad } = spec;
  const decoupled = spec.name === "adamw";
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  const maxExpAvgSq = new Float64Array(amsgrad ? size : 0);
  let t = 0;
  return {
    step(params, grad, lr) {
      t++;
      const stepSize = lr / (1 - Math.pow(beta1, t));
      const bc2Sqrt = Math.sqrt(1 - Math.pow(beta2, t));
      const shrink = 1 - lr * weightDecay;
      for (let i = 0; i < size; i++) {
        let p = params[i];
        let g = grad[i];
        if (decoupled) p = p * shrink;
        else if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i] * beta1 + (1 - beta1) * g;
        let v = expAvgSq[i] * beta2 + (1 - beta2) * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        if (amsgrad) {
          v = Math.max(maxExpAvgSq[i], v);
          maxExpAvgSq[i] = v;
        }
        params[i] = p + -stepSize * m / (Math.sqrt(v) / bc2Sqrt + eps);
      }
    }
  };
}

// electron/engine/optimizers/adamax.ts
function createAdamax(spec, size) {
  const { betas: [beta1, beta2], eps, weightDecay } = spec;
  const expAvg = new Float64Array(size);
  const expInf = new Float64Array(size);
  let t = 0;
  return {
    step(params, grad, lr) {
      t++;
      const clr = lr / (1 - Math.pow(beta1, t));
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let g = grad[i];
        if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i] * beta1 + (1 - beta1) * g;
        const u = Math.max(expInf[i] * beta2, Math.abs(g) + eps);
        expAvg[i] = m;
        expInf[i] = u;
        params[i] = p + -clr * m / u;
      }
    }
  };
}

// electron/engine/optimizers/lion.ts
function createLion(spec, size) {
  const { betas: [beta1, beta2], weightDecay } = spec;
  const expAvg = new Float64Array(size);
  return {
    step(params, grad, lr) {
      const shrink = 1 - lr * weightDecay;
      for (let i = 0; i < size; i++) {
        const g = grad[i];
        const m = expAvg[i];
        const direction = Math.sign(m * beta1 + (1 - beta1) * g);
        params[i] = params[i] * shrink + -lr * direction;
        expAvg[i] = m * beta2 + (1 - beta2) * g;
      }
    }
  };
}

// electron/engine/optimizers/nadam.ts
function createNadam(spec, size) {
  const { betas: [beta1, beta2], eps, weightDecay, momentumDecay } = spec;
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  let t = 0;
  let muProduct = 1;
  return {
    step(params, grad, lr) {
      t++;
      const bc2 = 1 - Math.pow(beta2, t);
      const mu = beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
      const muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * momentumDecay));
      muProduct *= mu;
      const gradStep = -lr * (1 - mu) / (1 - muProduct);
      const avgStep = -lr * muNext / (1 - muProduct * muNext);
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let g = grad[i];
        if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i] * beta1 + (1 - beta1) * g;
        const v = expAvgSq[i] * beta2 + (1 - beta2) * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        const denom = Math.sqrt(v / bc2) + eps;
        const q = p + gradStep * g / denom;
        params[i] = q + avgStep * m / denom;
      }
    }
  };
}

// electron/engine/optimizers/radam.ts
function createRadam(spec, size) {
  const { betas: [beta1, beta2], eps, weightDecay } = spec;
  const expAvg = new Float64Array(size);
  const expAvgSq = new Float64Array(size);
  const rhoInf = 2 / (1 - beta2) - 1;
  let t = 0;
  return {
    step(params, grad, lr) {
      t++;
      const bc1 = 1 - Math.pow(beta1, t);
      const bc2 = 1 - Math.pow(beta2, t);
      const rhoT = rhoInf - 2 * t * Math.pow(beta2, t) / bc2;
      const rectified = rhoT > 5;
      const rect = rectified ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
      const bc2Sqrt = Math.sqrt(bc2);
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let g = grad[i];
        if (weightDecay !== 0) g = g + weightDecay * p;
        const m = expAvg[i] * beta1 + (1 - beta1) * g;
        const v = expAvgSq[i] * beta2 + (1 - beta2) * g * g;
        expAvg[i] = m;
        expAvgSq[i] = v;
        const corrected = m / bc1;
        const update = rectified ? corrected * lr * (bc2Sqrt / (Math.sqrt(v) + eps)) * rect : corrected * lr;
        params[i] = p + -1 * update;
      }
    }
  };
}

// electron/engine/optimizers/rmsprop.ts
function createRmsprop(spec, size) {
  const { alpha, eps, weightDecay, momentum, centered } = spec;
  const squareAvg = new Float64Array(size);
  const gradAvg = new Float64Array(size);
  const buffer = new Float64Array(size);
  return {
    step(params, grad, lr) {
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let g = grad[i];
        if (weightDecay !== 0) g = g + weightDecay * p;
        const v = squareAvg[i] * alpha + (1 - alpha) * g * g;
        squareAvg[i] = v;
        let avg;
        if (centered) {
          const m = gradAvg[i] * alpha + (1 - alpha) * g;
          gradAvg[i] = m;
          avg = Math.sqrt(v + -1 * m * m);
        } else {
          avg = Math.sqrt(v);
        }
        avg = avg + eps;
        if (momentum > 0) {
          const b = buffer[i] * momentum + g / avg;
          buffer[i] = b;
          params[i] = p + -lr * b;
        } else {
          params[i] = p + -lr * g / avg;
        }
      }
    }
  };
}

// electron/engine/optimizers/sgd.ts
function createSgd(spec, size) {
  const { momentum, dampening, nesterov, weightDecay } = spec;
  const buffer = new Float64Array(size);
  let started = false;
  return {
    step(params, grad, lr) {
      for (let i = 0; i < size; i++) {
        const p = params[i];
        let d = grad[i];
        if (weightDecay !== 0) d = d + weightDecay * p;
        if (momentum !== 0) {
          const b = started ? buffer[i] * momentum + (1 - dampening) * d : d;
          buffer[i] = b;
          d = nesterov ? d + momentum * b : b;
        }
        params[i] = p + -lr * d;
      }
      started = true;
    }
  };
}

// electron/engine/optimizers/index.ts
function createOptimizer(spec, size) {
  switch (spec.name) {
    case "sgd":
      return createSgd(spec, size);
    case "adagrad":
      return createAdagrad(spec, size);
    case "rmsprop":
      return createRmsprop(spec, size);
    case "adadelta":
      return createAdadelta(spec, size);
    case "adam":
    case "adamw":
      return createAdam(spec, size);
    case "adamax":
      return createAdamax(spec, size);
    case "nadam":
      return createNadam(spec, size);
    case "radam":
      return createRadam(spec, size);
    case "lion":
      return createLion(spec, size);
  }
}

// electron/engine/optimizers/gradient-transforms.ts
function clipGradientNorm(grad, maxNorm) {
  let sumOfSquares = 0;
  for (let i = 0; i < grad.length; i++) sumOfSquares += grad[i] * grad[i];
  const norm2 = Math.sqrt(sumOfSquares);
  const coef = maxNorm / (norm2 + 1e-6);
  if (coef < 1) {
    for (let i = 0; i < grad.length; i++) grad[i] = grad[i] * coef;
  }
  return norm2;
}

// electron/engine/optimizers/schedule.ts
function createSchedule(spec, baseLr) {
  if (!spec || spec.name === "constant") return () => baseLr;
  const { warmupSteps, startFactor } = spec;
  const decay2 = decayAfterWarmup(spec, baseLr);
  return (step2) => step2 < warmupSteps ? baseLr * (startFactor + (1 - startFactor) * step2 / warmupSteps) : decay2(step2 - warmupSteps);
}
function decayAfterWarmup(spec, baseLr) {
  switch (spec.name) {
    case "warmup":
      return () => baseLr;
    case "step":
      return (t) => baseLr * Math.pow(spec.gamma, Math.floor(t / spec.stepSize));
    case "exponential":
      return (t) => baseLr * Math.pow(spec.gamma, t);
    case "cosine":
      return (t) => spec.etaMin + (baseLr - spec.etaMin) * (1 + Math.cos(Math.PI * t / spec.tMax)) / 2;
  }
}

// electron/engine/network/param-layout.ts
function denseLayerSlices(sizes) {
  const slices = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l];
    const outputs = sizes[l + 1];
    const biasOffset = offset + inputs * outputs;
    slices.push({ inputs, outputs, kernelOffset: offset, biasOffset, end: biasOffset + outputs });
    offset = biasOffset + outputs;
  }
  return slices;
}
function paramCount(sizes) {
  return denseLayerSlices(sizes).at(-1)?.end ?? 0;
}
function layerName(layer, layers) {
  return layer === layers - 1 ? "output" : `hidden${layer + 1}`;
}
function paramLayout(sizes) {
  const slices = denseLayerSlices(sizes);
  return slices.flatMap(({ inputs, outputs }, l) => [
    { name: `${layerName(l, slices.length)}.kernel`, shape: [inputs, outputs] },
    { name: `${layerName(l, slices.length)}.bias`, shape: [outputs] }
  ]);
}

// electron/engine/network/initializers.ts
function initializeParams(sizes, init) {
  const params = new Float32Array(paramCount(sizes));
  const random = createRandom(init.seed);
  for (const { inputs, outputs, kernelOffset, biasOffset, end } of denseLayerSlices(sizes)) {
    params.set(kernel(inputs, outputs, init, random), kernelOffset);
    params.fill(init.bias, biasOffset, end);
  }
  return params;
}
function kernel(fanIn, fanOut, init, random) {
  const size = fanIn * fanOut;
  const normal = (std) => Float64Array.from({ length: size }, () => std * random.normal());
  const uniform = (limit) => Float64Array.from({ length: size }, () => limit * (2 * random.uniform() - 1));
  switch (init.scheme) {
    case "zeros":
      return new Float64Array(size);
    case "constant":
      return new Float64Array(size).fill(init.value);
    case "normal":
      return normal(init.std);
    case "uniform":
      return uniform(init.limit);
    case "glorot_normal":
      return normal(Math.sqrt(2 / (fanIn + fanOut)));
    case "glorot_uniform":
      return uniform(Math.sqrt(6 / (fanIn + fanOut)));
    case "he_normal":
      return normal(Math.sqrt(2 / fanIn));
    case "he_uniform":
      return uniform(Math.sqrt(6 / fanIn));
    case "lecun_normal":
      return normal(Math.sqrt(1 / fanIn));
    case "orthogonal":
      return orthogonal(fanIn, fanOut, init.gain, random);
  }
}
function orthogonal(rows, cols, gain, random) {
  const tall = rows >= cols;
  const n = tall ? rows : cols;
  const k = tall ? cols : rows;
  const vectors = Array.from({ length: k }, () => Float64Array.from({ length: n }, () => random.normal()));
  vectors.forEach((v, j) => {
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const q = vectors[i];
        let dot = 0;
        for (let r = 0; r < n; r++) dot += q[r] * v[r];
        for (let r = 0; r < n; r++) v[r] = v[r] - dot * q[r];
      }
    }
    let norm2 = 0;
    for (let r = 0; r < n; r++) norm2 += v[r] * v[r];
    norm2 = Math.sqrt(norm2);
    for (let r = 0; r < n; r++) v[r] = v[r] / norm2;
  });
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (tall ? vectors[c][r] : vectors[r][c]);
  }
  return out;
}

// electron/engine/network/mlp-model.ts
import * as tf3 from "@tensorflow/tfjs";

// electron/engine/network/activations.ts
import * as tf from "@tensorflow/tfjs";
var LEAKY_SLOPE = 0.01;
var INV_SQRT2 = Math.SQRT1_2;
var INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
var ACTIVATION_KERNELS = {
  // tf.step(a, alpha) is 1 where a > 0 and alpha elsewhere: PyTorch's choice at 0 for both.
  relu: { fused: "relu", needsInput: false, derivative: (a) => tf.step(a) },
  leaky_relu: {
    fused: "leakyrelu",
    leakyreluAlpha: LEAKY_SLOPE,
    needsInput: false,
    derivative: (a) => tf.step(a, LEAKY_SLOPE)
  },
  tanh: { fused: "linear", apply: (z3) => tf.tanh(z3), needsInput: false, derivative: (a) => tf.sub(1, tf.square(a)) },
  sigmoid: { fused: "sigmoid", needsInput: false, derivative: (a) => tf.mul(a, tf.sub(1, a)) },
  // The exact (erf) form, PyTorch's default: z Φ(z), derivative Φ(z) + z φ(z).
  gelu: {
    fused: "linear",
    apply: (z3) => tf.mul(z3, normalCdf(z3)),
    needsInput: true,
    derivative: (_a, z3) => tf.add(normalCdf(z3), tf.mul(z3, tf.mul(INV_SQRT_2PI, tf.exp(tf.mul(-0.5, tf.square(z3))))))
  },
  linear: { fused: "linear", needsInput: false }
};
function normalCdf(z3) {
  return tf.mul(0.5, tf.add(1, tf.erf(tf.mul(z3, INV_SQRT2))));
}

// electron/engine/network/losses.ts
import * as tf2 from "@tensorflow/tfjs";
var LOSS_HEADS = {
  // One sigmoid output, from the logit: softplus(z) - z·y never overflows (tfjs's softplus is
  // the stable form), and its gradient is sigmoid(z) - y.
  bce: {
    value: (z3, y) => tf2.mean(tf2.sub(tf2.softplus(z3), tf2.mul(z3, y))),
    valueAndGradient: (z3, y) => [
      tf2.mean(tf2.sub(tf2.softplus(z3), tf2.mul(z3, y))),
      tf2.mul(tf2.sub(tf2.sigmoid(z3), y), 1 / z3.shape[0])
    ]
  },
  // Softmax over the classes: -mean log p(class); gradient softmax(z) - onehot.
  cross_entropy: {
    value: (z3, y) => tf2.mul(tf2.sum(tf2.mul(tf2.logSoftmax(z3), y)), -1 / z3.shape[0]),
    valueAndGradient: (z3, y) => {
      const logP = tf2.logSoftmax(z3);
      return [tf2.mul(tf2.sum(tf2.mul(logP, y)), -1 / z3.shape[0]), tf2.mul(tf2.sub(tf2.exp(logP), y), 1 / z3.shape[0])];
    }
  },
  // Linear output: mean squared error, gradient 2 (z - y).
  mse: {
    value: (z3, y) => tf2.mean(tf2.squaredDifference(z3, y)),
    valueAndGradient: (z3, y) => {
      const error = tf2.sub(z3, y);
      return [tf2.mean(tf2.square(error)), tf2.mul(error, 2 / z3.shape[0])];
    }
  }
};

// electron/engine/network/mlp-model.ts
var MlpModel = class {
  constructor(sizes, activation, loss) {
    this.sizes = sizes;
    this.loss = loss;
    this.layers = denseLayerSlices(sizes);
    this.activation = ACTIVATION_KERNELS[activation];
    this.head = LOSS_HEADS[loss];
  }
  sizes;
  loss;
  layers;
  activation;
  head;
  /** Uploads a dataset; release() frees it. */
  upload(dataset) {
    return tf3.tidy(() => {
      const x = tf3.tensor2d(dataset.x, [dataset.rows, dataset.features]);
      return { rows: dataset.rows, x, xT: tf3.transpose(x), target: this.targetTensor(dataset.y) };
    });
  }
  /** A minibatch of `data`'s rows; release() frees it. */
  gather(data, rows) {
    return tf3.tidy(() => {
      const index = tf3.tensor1d(rows, "int32");
      const x = tf3.gather(data.x, index);
      return { rows: rows.length, x, xT: tf3.transpose(x), target: tf3.gather(data.target, index) };
    });
  }
  release(data) {
    tf3.dispose([data.x, data.xT, data.target]);
  }
  /** The batch's loss and its gradient with respect to `params` (into `gradient`), and what `request` asks besides. */
  compute(params, gradient, request) {
    const hiddenWidths = this.sizes.slice(1, -1);
    const report = tf3.tidy(() => {
      const weights = this.layers.map((layer) => ({
        kernel: tf3.tensor2d(params.subarray(layer.kernelOffset, layer.biasOffset), [layer.inputs, layer.outputs]),
        bias: tf3.tensor1d(params.subarray(layer.biasOffset, layer.end))
      }));
      const masks = request.dropoutMasks?.map((mask, l) => tf3.tensor2d(mask, [request.batch.rows, hiddenWidths[l]]));
      const batchForward = this.forward(weights, request.batch.x, masks);
      const [batchLoss2, logitGradient] = this.head.valueAndGradient(batchForward.logits, request.batch.target);
      const parts = this.backward(weights, request.batch, batchForward, masks, logitGradient);
      parts.push(batchLoss2.reshape([1]));
      const reuse = (set) => set === request.batch && !masks;
      const evaluated = /* @__PURE__ */ new Map();
      const evaluate = (set) => {
        if (reuse(set)) return batchForward;
        if (!evaluated.has(set)) evaluated.set(set, this.forward(weights, set.x));
        return evaluated.get(set);
      };
      for (const set of request.evaluate) {
        parts.push(reuse(set) ? batchLoss2.reshape([1]) : this.head.value(evaluate(set).logits, set.target).reshape([1]));
      }
      if (request.unitActivity) {
        for (const { a } of evaluate(request.unitActivity).hidden) parts.push(tf3.max(a, 0));
      }
      return tf3.concat(parts);
    });
    const values = report.dataSync();
    report.dispose();
    gradient.set(values.subarray(0, gradient.length));
    let offset = gradient.length;
    const batchLoss = values[offset++];
    const losses = request.evaluate.map(() => values[offset++]);
    const unitMaxima = request.unitActivity ? hiddenWidths.map((width) => values.slice(offset, offset += width)) : void 0;
    return { batchLoss, losses, unitMaxima };
  }
  forward(weights, x, masks) {
    const hidden = [];
    let input = x;
    weights.slice(0, -1).forEach(({ kernel: kernel3, bias: bias2 }, l) => {
      const { fused: fused2, leakyreluAlpha, apply, needsInput } = this.activation;
      const out = tf3.fused.matMul({ a: input, b: kernel3, bias: bias2, activation: fused2, leakyreluAlpha });
      const a = apply ? apply(out) : out;
      const dropped = masks ? tf3.mul(a, masks[l]) : a;
      hidden.push({ a, z: needsInput ? out : void 0, dropped });
      input = dropped;
    });
    const { kernel: kernel2, bias } = weights.at(-1);
    return { logits: tf3.fused.matMul({ a: input, b: kernel2, bias }), hidden };
  }
  /** Kernel and bias gradients, layer by layer in the flat layout's order, as 1-D tensors. */
  backward(weights, batch, forward, masks, logitGradient) {
    const parts = [];
    let delta = logitGradient;
    for (let l = this.layers.length - 1; l >= 0; l--) {
      const inputT = l === 0 ? batch.xT : tf3.transpose(forward.hidden[l - 1].dropped);
      parts.unshift(tf3.matMul(inputT, delta).reshape([-1]), tf3.sum(delta, 0));
      if (l === 0) break;
      let upstream = tf3.matMul(delta, tf3.transpose(weights[l].kernel));
      if (masks) upstream = tf3.mul(upstream, masks[l - 1]);
      const { a, z: z3 } = forward.hidden[l - 1];
      delta = this.activation.derivative ? tf3.mul(upstream, this.activation.derivative(a, z3)) : upstream;
    }
    return parts;
  }
  targetTensor(y) {
    if (this.loss !== "cross_entropy") return tf3.tensor2d(y, [y.length, 1]);
    return tf3.oneHot(tf3.tensor1d(Int32Array.from(y), "int32"), this.sizes.at(-1)).toFloat();
  }
};

// electron/engine/network/network-events.ts
var VANISHING_RATIO = 1e-3;
var GRADIENT_FLOOR = 1e-8;
var EXPLODING_PER_LOSS = 1e3;
var EXPLODING_GROWTH = 1e3;
var FLAT_CHANGE = 1e-3;
var STUCK_FRACTION = 0.5;
var SAME_UNIT_TOLERANCE = 1e-6;
var MIN_STRETCH = 10;
function createNetworkEventDetector(sizes, activation, steps) {
  const layers = denseLayerSlices(sizes);
  const minStretch = Math.min(MIN_STRETCH, steps + 1);
  const plateauWindow = Math.max(MIN_STRETCH, Math.round(steps / 20));
  const losses = [];
  let initialGradNorm = 0;
  const vanishing = new Stretch();
  const exploding = new Stretch();
  const plateau = new Stretch();
  const symmetry = new SymmetryWatch(layers);
  const dead = new DeadUnitWatch(sizes);
  const vanishingEvent = (s) => {
    if (s.length < minStretch) return void 0;
    const { layer, later, ratio } = s.worst;
    const which = `hidden layer ${layer + 1}`;
    const cause = ratio > 0 ? `was ${timesSmaller(ratio)} smaller than at the ${describeLayer(later, layers.length)}` : `fell below ${GRADIENT_FLOOR}, too small to move its weights`;
    return {
      type: "vanishing_gradient",
      step: s.start,
      endStep: s.end,
      message: `From step ${s.start} to ${s.end} the gradient reaching ${which} ${cause}, so the early layers barely learn; an initialization scaled to the layer sizes (glorot, he) or a ReLU activation helps.`
    };
  };
  const explodingEvent = (s) => ({
    type: "exploding_gradient",
    step: s.start,
    endStep: s.end,
    message: `From step ${s.start} to ${s.end} the gradient norm reached ${s.worst.peak.toPrecision(3)}, so each step can throw the weights far; a smaller learning rate or gradient clipping (clipNorm) tames it.`
  });
  const plateauEvent = (s, stuck) => ({
    type: "plateau",
    step: s.start,
    endStep: s.end,
    message: stuck ? `From step ${s.start} to the end the loss stayed near ${formatLoss(losses[s.end])}: training is stuck on a plateau, where the gradient is too weak to make progress.` : `From step ${s.start} to ${s.end} the loss stayed near ${formatLoss(losses[s.end])}: a plateau, where the gradient is weak, before it fell again.`
  });
  return {
    observe(point) {
      const events = [];
      const { step: step2, loss, gradNorm, layerGradNorms } = point;
      losses.push(loss);
      if (step2 === 0) initialGradNorm = gradNorm;
      const worstVanishing = findVanishingLayer(layerGradNorms);
      if (worstVanishing) vanishing.hold(step2, worstVanishing, (a, b) => b.ratio < a.ratio ? b : a);
      else push(events, close(vanishing, vanishingEvent));
      const scale = Math.max(1, Math.abs(loss));
      const explodes = gradNorm > EXPLODING_PER_LOSS * scale || gradNorm > 10 * scale && gradNorm > EXPLODING_GROWTH * initialGradNorm;
      if (explodes) exploding.hold(step2, { peak: gradNorm }, (a, b) => b.peak > a.peak ? b : a);
      else push(events, close(exploding, explodingEvent));
      const past = losses[step2 - plateauWindow];
      if (past !== void 0 && Math.abs(loss - past) <= FLAT_CHANGE * Math.abs(past)) {
        plateau.hold(step2, void 0, () => void 0, step2 - plateauWindow);
      } else {
        const ended = plateau.close();
        if (ended && loss < losses[ended.end]) events.push(plateauEvent(ended, false));
      }
      push(events, ...symmetry.observe(point.params, step2, minStretch));
      if (activation === "relu" && point.unitMaxima) events.push(...dead.observe(point.unitMaxima, step2));
      return events;
    },
    finish(_status, lastStep) {
      const events = [];
      push(events, close(vanishing, vanishingEvent), close(exploding, explodingEvent));
      const openPlateau = plateau.close();
      if (openPlateau && openPlateau.end === lastStep && losses[lastStep] > STUCK_FRACTION * losses[0]) {
        events.push(plateauEvent(openPlateau, true));
      }
      push(events, ...symmetry.finish(minStretch));
      return events.sort((a, b) => a.step - b.step);
    }
  };
}
function divergedEvent(step2) {
  return {
    type: "diverged",
    step: step2,
    message: `At step ${step2} the loss stopped being a finite number, so the run stopped and kept its last finite weights; a smaller learning rate or gradient clipping usually prevents this.`
  };
}
function findVanishingLayer(norms) {
  let relative;
  let belowFloor;
  let laterMax = norms[norms.length - 1];
  let laterIndex = norms.length - 1;
  for (let l = norms.length - 2; l >= 0; l--) {
    const norm2 = norms[l];
    if (norm2 > 0) {
      const ratio = laterMax > 0 ? norm2 / laterMax : 1;
      if (ratio < VANISHING_RATIO && (!relative || ratio < relative.ratio)) relative = { layer: l, later: laterIndex, ratio };
      if (norm2 < GRADIENT_FLOOR) belowFloor = { layer: l, later: laterIndex, ratio: 0 };
    }
    if (norm2 > laterMax) {
      laterMax = norm2;
      laterIndex = l;
    }
  }
  return relative ?? belowFloor;
}
var Stretch = class {
  start = -1;
  end = -1;
  worst;
  /** The condition holds at `step`; a new stretch is dated from `from` (conditions that look back start earlier). */
  hold(step2, value, pick, from = step2) {
    if (this.start < 0) {
      this.start = Math.max(0, from);
      this.worst = value;
    } else {
      this.worst = pick(this.worst, value);
    }
    this.end = step2;
  }
  /** The condition stopped holding (or the run did): the stretch that ends here, if one was open. */
  close() {
    if (this.start < 0) return void 0;
    const closed = { start: this.start, end: this.end, length: this.end - this.start + 1, worst: this.worst };
    this.start = -1;
    this.worst = void 0;
    return closed;
  }
};
var SymmetryWatch = class {
  constructor(layers) {
    this.layers = layers;
  }
  layers;
  groups = [];
  started = false;
  observe(params, step2, minStretch) {
    if (!this.started) {
      this.started = true;
      for (let l = 0; l + 1 < this.layers.length; l++) {
        for (const units of identicalGroups(params, this.layers[l], this.layers[l + 1])) {
          this.groups.push({ layer: l, units, since: step2, last: step2 });
        }
      }
      return [];
    }
    const events = [];
    this.groups = this.groups.filter((group) => {
      const [first, ...rest] = group.units;
      const same = rest.every((unit) => sameUnit(params, this.layers[group.layer], this.layers[group.layer + 1], first, unit));
      if (same) group.last = step2;
      else events.push(this.event(group, minStretch, false));
      return same;
    });
    return events;
  }
  finish(minStretch) {
    return this.groups.map((group) => this.event(group, minStretch, true));
  }
  event(group, minStretch, open) {
    if (group.last - group.since + 1 < minStretch) return void 0;
    const width = this.layers[group.layer].outputs;
    const which = group.units.length === width ? `All ${width} units` : `${group.units.length} of the ${width} units`;
    const until = open ? `through step ${group.last}` : `until step ${group.last}`;
    return {
      type: "symmetry",
      step: group.since,
      endStep: group.last,
      message: `${which} of hidden layer ${group.layer + 1} started identical and stayed identical ${until}, so they compute one feature between them; random initial weights break this symmetry.`
    };
  }
};
function identicalGroups(params, into, out) {
  const fingerprint = (unit) => {
    let sum3 = params[into.biasOffset + unit];
    for (let i = 0; i < into.inputs; i++) sum3 += params[into.kernelOffset + i * into.outputs + unit] * (1 + i / into.inputs);
    for (let o = 0; o < out.outputs; o++) sum3 += params[out.kernelOffset + unit * out.outputs + o] * (2 + o / out.outputs);
    return sum3;
  };
  const order = Array.from({ length: into.outputs }, (_, unit) => unit).sort((a, b) => fingerprint(a) - fingerprint(b));
  const groups = [];
  let group = [order[0]];
  for (const unit of order.slice(1)) {
    if (sameUnit(params, into, out, group[0], unit)) group.push(unit);
    else {
      if (group.length > 1) groups.push(group);
      group = [unit];
    }
  }
  if (group.length > 1) groups.push(group);
  return groups;
}
function sameUnit(params, into, out, a, b) {
  const values = [[params[into.biasOffset + a], params[into.biasOffset + b]]];
  for (let i = 0; i < into.inputs; i++) {
    const row = into.kernelOffset + i * into.outputs;
    values.push([params[row + a], params[row + b]]);
  }
  for (let o = 0; o < out.outputs; o++) {
    values.push([params[out.kernelOffset + a * out.outputs + o], params[out.kernelOffset + b * out.outputs + o]]);
  }
  const scale = Math.max(...values.map(([x, y]) => Math.max(Math.abs(x), Math.abs(y))));
  return values.every(([x, y]) => Math.abs(x - y) <= SAME_UNIT_TOLERANCE * scale);
}
var DeadUnitWatch = class {
  constructor(sizes) {
    this.sizes = sizes;
    this.reported = sizes.slice(1, -1).map(() => 0);
  }
  sizes;
  reported;
  observe(unitMaxima, step2) {
    const events = [];
    unitMaxima.forEach((maxima, l) => {
      const width = this.sizes[l + 1];
      let count = 0;
      for (const value of maxima) if (value <= 0) count++;
      const last = this.reported[l];
      if (count > 0 && (last === 0 || count >= 2 * last || count === width && last < width)) {
        this.reported[l] = count;
        const which = count === width ? `All ${width} ReLU units` : `${count} of the ${width} ReLU units`;
        events.push({
          type: "dead_units",
          step: step2,
          message: `${which} of hidden layer ${l + 1} output zero for every training sample, so no gradient reaches them and they have stopped learning; a smaller learning rate, leaky_relu or he initialization helps.`
        });
      }
    });
    return events;
  }
};
function describeLayer(layer, layers) {
  return layer === layers - 1 ? "output layer" : `hidden layer ${layer + 1}`;
}
function timesSmaller(ratio) {
  const exponent = Math.round(-Math.log10(ratio));
  const superscript = String(exponent).replace(/\d/g, (d) => "\u2070\xB9\xB2\xB3\u2074\u2075\u2076\u2077\u2078\u2079"[Number(d)]);
  return `about 10${superscript} times`;
}
function formatLoss(loss) {
  return Math.abs(loss) >= 1e-3 && Math.abs(loss) < 1e4 ? loss.toFixed(4) : loss.toExponential(3);
}
function close(stretch, describe) {
  const closed = stretch.close();
  return closed && describe(closed);
}
function push(events, ...candidates) {
  for (const event of candidates) if (event) events.push(event);
}

// electron/engine/network/tensor-backend.ts
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf4 from "@tensorflow/tfjs";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
var wasmPathsSet = false;
async function useTensorBackend(preferred = "wasm") {
  tf4.env().set("PROD", true);
  if (preferred === "wasm") {
    if (!wasmPathsSet) {
      setWasmPaths(`${dirname(createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm"))}/`);
      wasmPathsSet = true;
    }
    if (tf4.getBackend() === "wasm" || await tf4.setBackend("wasm")) return "wasm";
  }
  if (tf4.getBackend() !== "cpu") await tf4.setBackend("cpu");
  return "cpu";
}

// electron/engine/network/network-run.ts
var MAX_CHECKPOINTS = 101;
var DEFAULT_CHECKPOINT_VALUES = 1e6;
var DROPOUT_STREAM = 668265263;
async function createNetworkRun(problem2, spec, options = {}) {
  const backend = await useTensorBackend(options.backend);
  return new NetworkRun(problem2, spec, options, backend);
}
var NetworkRun = class {
  constructor(problem2, spec, options, backend) {
    this.problem = problem2;
    this.spec = spec;
    this.backend = backend;
    const { sizes, mlp: mlp2 } = problem2;
    this.model = new MlpModel(sizes, mlp2.activation, mlp2.loss);
    this.layers = denseLayerSlices(sizes);
    this.initialParams = options.initialParams ? Float32Array.from(options.initialParams) : initializeParams(sizes, spec.init);
    if (this.initialParams.length !== this.layers.at(-1).end) {
      throw new Error(`initialParams holds ${this.initialParams.length} values; the network has ${this.layers.at(-1).end}`);
    }
    this.params = Float32Array.from(this.initialParams);
    this.previous = Float32Array.from(this.initialParams);
    this.gradient = new Float32Array(this.params.length);
    this.optimizer = createOptimizer(spec.optimizer, this.params.length);
    this.lrAt = createSchedule(spec.schedule, spec.optimizer.lr);
    this.detector = createNetworkEventDetector(sizes, mlp2.activation, spec.steps);
    this.batches = new BatchStream(problem2.train.rows, spec.batchSize, spec.seed);
    if (spec.dropout) {
      this.dropout = { rate: spec.dropout, random: createRandom((spec.seed ^ DROPOUT_STREAM) >>> 0), widths: sizes.slice(1, -1) };
    }
    this.train = this.model.upload(problem2.train);
    this.test = problem2.test && this.model.upload(problem2.test);
    const n = spec.steps + 1;
    const perLayer = n * this.layers.length;
    this.record = {
      loss: new Float64Array(n),
      testLoss: problem2.test && new Float64Array(n),
      gradNorm: new Float64Array(n),
      lr: new Float64Array(n),
      layerGradNorms: new Float64Array(perLayer),
      layerUpdateNorms: new Float64Array(perLayer),
      events: [],
      checkpoints: { steps: [], params: [] }
    };
    const budget = options.checkpointValues ?? DEFAULT_CHECKPOINT_VALUES;
    const stored = Math.min(MAX_CHECKPOINTS, Math.max(2, Math.floor(budget / this.params.length)));
    this.checkpointEvery = Math.max(1, Math.ceil(spec.steps / (stored - 1)));
  }
  problem;
  spec;
  backend;
  status = "running";
  model;
  layers;
  params;
  initialParams;
  /** The parameters before the latest step: the last finite ones if that step diverges. */
  previous;
  gradient;
  optimizer;
  lrAt;
  detector;
  batches;
  dropout;
  train;
  test;
  record;
  checkpointEvery;
  /** Points recorded so far. */
  count = 0;
  advance(maxSteps) {
    const from = this.count;
    const events = [];
    const limit = Math.min(this.spec.steps + 1, from + maxSteps + (from === 0 ? 1 : 0));
    while (this.status === "running" && this.count < limit) this.visitPoint(events);
    this.record.events.push(...events);
    const to = this.count;
    const layers = this.layers.length;
    return {
      fromStep: from,
      loss: this.record.loss.slice(from, to),
      testLoss: this.record.testLoss?.slice(from, to),
      gradNorm: this.record.gradNorm.slice(from, to),
      lr: this.record.lr.slice(from, to),
      layerGradNorms: this.record.layerGradNorms.slice(from * layers, to * layers),
      layerUpdateNorms: this.record.layerUpdateNorms.slice(from * layers, to * layers),
      events
    };
  }
  /** The run so far, trimmed to the points it reached. */
  result() {
    const n = this.count;
    const layers = this.layers.length;
    const { record } = this;
    return {
      status: this.status,
      backend: this.backend,
      paramLayout: paramLayout(this.problem.sizes),
      initialParams: this.initialParams,
      finalParams: Float32Array.from(this.params),
      loss: record.loss.subarray(0, n),
      testLoss: record.testLoss?.subarray(0, n),
      gradNorm: record.gradNorm.subarray(0, n),
      lr: record.lr.subarray(0, n),
      layerGradNorms: Array.from({ length: n }, (_, k) => Array.from(record.layerGradNorms.subarray(k * layers, (k + 1) * layers))),
      checkpoints: record.checkpoints,
      events: record.events
    };
  }
  /** Frees the run's tensors; it happens by itself when the run completes or diverges. */
  dispose() {
    if (this.train) this.model.release(this.train);
    if (this.test) this.model.release(this.test);
    this.train = this.test = void 0;
  }
  /** Records the current point, then steps away from it (or stops). */
  visitPoint(events) {
    const k = this.count;
    const train = this.train;
    const rows = this.batches.next();
    const batch = rows ? this.model.gather(train, rows) : train;
    const request = {
      batch,
      dropoutMasks: this.dropout && this.dropoutMasks(batch.rows),
      evaluate: this.test ? [train, this.test] : [train],
      unitActivity: this.problem.mlp.activation === "relu" ? train : void 0
    };
    let result;
    try {
      result = this.model.compute(this.params, this.gradient, request);
    } finally {
      if (batch !== train) this.model.release(batch);
    }
    const penalty = this.addPenalty();
    const loss = result.losses[0] + penalty;
    const testLoss = this.test ? result.losses[1] + penalty : 0;
    const layerNorms = this.layerGradNorms(k);
    const gradNorm = Math.hypot(...layerNorms);
    if (![loss, testLoss, result.batchLoss, gradNorm].every(Number.isFinite)) {
      this.diverge(k, events);
      return;
    }
    const lr = this.lrAt(k);
    this.record.loss[k] = loss;
    if (this.record.testLoss) this.record.testLoss[k] = testLoss;
    this.record.gradNorm[k] = gradNorm;
    this.record.lr[k] = lr;
    this.count++;
    events.push(
      ...this.detector.observe({ step: k, loss, gradNorm, layerGradNorms: layerNorms, params: this.params, unitMaxima: result.unitMaxima })
    );
    if (k === this.spec.steps) {
      this.checkpoint(k);
      this.end("completed", events, k);
      return;
    }
    if (k % this.checkpointEvery === 0) this.checkpoint(k);
    this.previous.set(this.params);
    if (this.spec.clipNorm !== void 0) clipGradientNorm(this.gradient, this.spec.clipNorm);
    this.optimizer.step(this.params, this.gradient, lr);
    this.recordUpdateNorms(k);
  }
  /** Adds l1·Σ|w| + l2·Σw² over the kernels to the gradient; returns the penalty. */
  addPenalty() {
    const { l1 = 0, l2 = 0 } = this.spec;
    if (!l1 && !l2) return 0;
    const { params, gradient } = this;
    let penalty = 0;
    for (const { kernelOffset, biasOffset } of this.layers) {
      for (let i = kernelOffset; i < biasOffset; i++) {
        const w = params[i];
        penalty += l1 * Math.abs(w) + l2 * w * w;
        gradient[i] = gradient[i] + l1 * Math.sign(w) + 2 * l2 * w;
      }
    }
    return penalty;
  }
  layerGradNorms(k) {
    const norms = this.record.layerGradNorms.subarray(k * this.layers.length, (k + 1) * this.layers.length);
    this.layers.forEach(({ kernelOffset, end }, l) => norms[l] = norm(this.gradient, kernelOffset, end));
    return norms;
  }
  recordUpdateNorms(k) {
    const out = this.record.layerUpdateNorms;
    this.layers.forEach(({ kernelOffset, end }, l) => {
      let sum3 = 0;
      for (let i = kernelOffset; i < end; i++) sum3 += (this.params[i] - this.previous[i]) ** 2;
      out[k * this.layers.length + l] = Math.sqrt(sum3);
    });
  }
  dropoutMasks(rows) {
    const { rate, random, widths } = this.dropout;
    const keep = 1 / (1 - rate);
    return widths.map((width) => Float32Array.from({ length: rows * width }, () => random.uniform() < rate ? 0 : keep));
  }
  checkpoint(k) {
    this.record.checkpoints.steps.push(k);
    this.record.checkpoints.params.push(Float32Array.from(this.params));
  }
  /** Point k is not finite: go back to the parameters of point k - 1, the last finite one. */
  diverge(k, events) {
    if (k > 0) {
      this.params.set(this.previous);
      if (this.record.checkpoints.steps.at(-1) !== k - 1) this.checkpoint(k - 1);
    }
    this.end("diverged", events, k - 1);
    events.push(divergedEvent(k));
  }
  end(status, events, lastStep) {
    this.status = status;
    events.push(...this.detector.finish(status, lastStep));
    this.dispose();
  }
};
function norm(values, from, to) {
  let sum3 = 0;
  for (let i = from; i < to; i++) sum3 += values[i] * values[i];
  return Math.sqrt(sum3);
}
var BatchStream = class {
  constructor(rows, batchSize, seed) {
    this.rows = rows;
    this.batchSize = batchSize;
    this.order = Int32Array.from({ length: rows }, (_, i) => i);
    this.random = createRandom(seed);
    this.position = rows;
  }
  rows;
  batchSize;
  order;
  random;
  position;
  /** The next batch's rows, or undefined for the full batch. */
  next() {
    if (this.batchSize === void 0 || this.batchSize >= this.rows) return void 0;
    if (this.position >= this.rows) {
      for (let i = this.rows - 1; i > 0; i--) {
        const j = this.random.int(i + 1);
        [this.order[i], this.order[j]] = [this.order[j], this.order[i]];
      }
      this.position = 0;
    }
    const batch = this.order.subarray(this.position, Math.min(this.rows, this.position + this.batchSize));
    this.position += batch.length;
    return batch;
  }
};

// electron/engine/network/network-problem.ts
import { isAbsolute, resolve } from "node:path";

// electron/engine/network/csv-dataset.ts
import { readFile } from "node:fs/promises";

// electron/engine/network/dataset.ts
var DatasetError = class extends Error {
};
var SPLIT_STREAM = 1540483477;
function splitDataset(dataset, testFraction, seed) {
  if (testFraction <= 0) return { train: dataset };
  const testRows = Math.max(1, Math.round(dataset.rows * testFraction));
  if (testRows >= dataset.rows) {
    throw new DatasetError(`testFraction ${testFraction} leaves no training rows out of ${dataset.rows}`);
  }
  const order = Uint32Array.from({ length: dataset.rows }, (_, i) => i);
  const random = createRandom((seed ^ SPLIT_STREAM) >>> 0);
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const test = order.subarray(0, testRows).sort();
  const train = order.subarray(testRows).sort();
  return { train: selectRows(dataset, train), test: selectRows(dataset, test) };
}
function selectRows(dataset, rows) {
  const { features } = dataset;
  const x = new Float32Array(rows.length * features);
  const y = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    x.set(dataset.x.subarray(row * features, (row + 1) * features), i * features);
    y[i] = dataset.y[row];
  }
  return { ...dataset, x, y, rows: rows.length };
}

// electron/engine/network/csv-dataset.ts
var LISTED_BAD_ROWS = 10;
function parseCsvDataset(text, target, source) {
  const lines = text.split(/\r?\n/);
  const headerIndex = lines.findIndex((line) => line.trim() !== "");
  if (headerIndex < 0) throw new DatasetError(`${source}: the file is empty; it needs a header row and data rows`);
  const header = splitFields(lines[headerIndex]);
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== void 0) throw new DatasetError(`${source}: column "${duplicate}" appears twice in the header`);
  const targetColumn = header.indexOf(target);
  if (targetColumn < 0) {
    throw new DatasetError(`${source}: no column "${target}" in the header (columns: ${header.join(", ")})`);
  }
  if (header.length < 2) throw new DatasetError(`${source}: needs at least one input column besides "${target}"`);
  const features = header.length - 1;
  const x = [];
  const y = [];
  const problems = [];
  for (let i = headerIndex + 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const lineNumber = i + 1;
    const fields = splitFields(lines[i]);
    if (fields.length !== header.length) {
      problems.push(`line ${lineNumber}: ${fields.length} values where the header has ${header.length}`);
      continue;
    }
    const values = fields.map(Number);
    const bad = fields.findIndex((field, column) => field === "" || !Number.isFinite(values[column]));
    if (bad >= 0) {
      problems.push(`line ${lineNumber}: "${fields[bad]}" in column "${header[bad]}" is not a finite number`);
      continue;
    }
    values.forEach((value, column) => column === targetColumn ? y.push(value) : x.push(value));
  }
  if (problems.length) {
    const listed = problems.slice(0, LISTED_BAD_ROWS).join("; ");
    const more = problems.length > LISTED_BAD_ROWS ? `; and ${problems.length - LISTED_BAD_ROWS} more` : "";
    throw new DatasetError(`${source}: ${problems.length} bad row${problems.length > 1 ? "s" : ""}: ${listed}${more}`);
  }
  if (!y.length) throw new DatasetError(`${source}: has a header but no data rows`);
  return {
    x: Float32Array.from(x),
    y: Float32Array.from(y),
    rows: y.length,
    features,
    featureNames: header.filter((_, column) => column !== targetColumn),
    targetName: target
  };
}
function splitFields(line) {
  return line.split(",").map((field) => field.trim().replace(/^"(.*)"$/, "$1"));
}
async function readCsvDataset(path, target) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new DatasetError(`${path}: cannot read (${error.code ?? "error"})`);
  }
  return parseCsvDataset(text, target, path);
}

// electron/engine/network/iris-dataset.ts
import { existsSync } from "node:fs";
import { dirname as dirname2, join } from "node:path";
import { fileURLToPath } from "node:url";
var IRIS_CSV = join("electron", "engine", "network", "data", "iris.csv");
function loadIris() {
  return readCsvDataset(findIrisCsv(), "species");
}
function findIrisCsv() {
  let dir = dirname2(fileURLToPath(import.meta.url));
  for (; ; ) {
    const candidate = join(dir, IRIS_CSV);
    if (existsSync(candidate)) return candidate;
    const parent = dirname2(dir);
    if (parent === dir) throw new Error(`the shipped ${IRIS_CSV} is missing`);
    dir = parent;
  }
}

// electron/engine/network/synthetic-datasets.ts
function generateDataset({ name, samples, noise, seed }) {
  const random = createRandom(seed);
  if (name === "sine") return sine(samples, noise, random);
  const x = new Float32Array(2 * samples);
  const y = new Float32Array(samples);
  const firstClass = Math.floor(samples / 2);
  for (let i = 0; i < samples; i++) {
    const label = i < firstClass ? 0 : 1;
    const index = label === 0 ? i : i - firstClass;
    const count = label === 0 ? firstClass : samples - firstClass;
    const [px, py, assigned] = POINT[name](label, index, count, random);
    x[2 * i] = px + noise * random.normal();
    x[2 * i + 1] = py + noise * random.normal();
    y[i] = assigned ?? label;
  }
  return { x, y, rows: samples, features: 2, featureNames: ["x1", "x2"], targetName: "label" };
}
var POINT = {
  // Two arms, 1.75 turns each, radius 0 → 1, the second turned by half a turn (tensorflow/playground).
  spiral: (label, index, count) => {
    const t = index / count;
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    return [t * Math.sin(angle), t * Math.cos(angle)];
  },
  // scikit-learn's make_moons.
  moons: (label, index, count) => {
    const t = Math.PI * index / Math.max(1, count - 1);
    return label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 1 - Math.sin(t) - 0.5];
  },
  // scikit-learn's make_circles with factor 0.5: class 1 is the inner circle.
  circles: (label, index, count) => {
    const t = 2 * Math.PI * index / count;
    const radius = label === 0 ? 1 : 0.5;
    return [radius * Math.cos(t), radius * Math.sin(t)];
  },
  // Uniform in [-1, 1]²; class 1 where the coordinates' signs differ. Labelled before the noise.
  xor: (_label, _index, _count, random) => {
    const px = 2 * random.uniform() - 1;
    const py = 2 * random.uniform() - 1;
    return [px, py, px * py < 0 ? 1 : 0];
  },
  // Two blobs centred on (-1, -1) and (1, 1); the noise is their spread.
  gaussians: (label) => label === 0 ? [-1, -1] : [1, 1]
};
function sine(samples, noise, random) {
  const x = new Float32Array(samples);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    x[i] = Math.PI * (2 * random.uniform() - 1);
    y[i] = Math.sin(x[i]) + noise * random.normal();
  }
  return { x, y, rows: samples, features: 1, featureNames: ["x"], targetName: "y" };
}

// electron/engine/network/network-problem.ts
async function resolveNetworkProblem(mlp2, options = {}) {
  const dataset = await loadDataset(mlp2.dataset, options.baseDir ?? process.cwd());
  const classes = mlp2.loss === "mse" ? void 0 : countClasses(dataset, mlp2.loss);
  const outputs = mlp2.loss === "cross_entropy" ? classes : 1;
  const { train, test } = splitDataset(dataset, mlp2.testFraction, mlp2.dataset.seed);
  return { mlp: mlp2, train, test, sizes: [dataset.features, ...mlp2.hidden, outputs], classes };
}
function loadDataset(spec, baseDir) {
  if ("csv" in spec) return readCsvDataset(isAbsolute(spec.csv) ? spec.csv : resolve(baseDir, spec.csv), spec.target);
  if (spec.name === "iris") return loadIris();
  return generateDataset(spec);
}
function countClasses(dataset, loss) {
  let highest = 0;
  for (const label of dataset.y) {
    if (!Number.isInteger(label) || label < 0) {
      throw new DatasetError(
        `target "${dataset.targetName}" holds ${label}, but ${loss} needs class labels 0, 1, \u2026; use mse to fit real values`
      );
    }
    highest = Math.max(highest, label);
  }
  if (loss === "bce" && highest > 1) {
    throw new DatasetError(`target "${dataset.targetName}" has ${highest + 1} classes and bce takes two (0 and 1): use cross_entropy`);
  }
  return Math.max(2, highest + 1);
}

// shared/spec/network-spec.ts
import { z } from "zod";
var missing = (message) => ({
  error: (issue) => issue.input === void 0 ? message : void 0
});
var seedSchema = z.number(missing("is required: a whole number that makes the run reproducible")).int("must be a whole number").min(0, "must be at least 0").max(2 ** 32 - 1, "must be below 2^32");
var GENERATED_DATASET_NAMES = ["spiral", "moons", "circles", "xor", "gaussians", "sine"];
var DATASET_NAMES = [...GENERATED_DATASET_NAMES, "iris"];
var DEFAULT_DATASET_NOISE = {
  spiral: 0.05,
  moons: 0.1,
  circles: 0.05,
  xor: 0.05,
  gaussians: 0.5,
  sine: 0.1
};
var generatedDatasetSchema = z.object({
  name: z.enum(GENERATED_DATASET_NAMES),
  samples: z.number().int("must be a whole number").min(4, "must be at least 4").max(1e5, "must be at most 100000").default(200),
  noise: z.number().min(0, "must be at least 0").max(10, "must be at most 10").optional(),
  seed: seedSchema.default(0)
}).strict().transform((dataset) => ({ ...dataset, noise: dataset.noise ?? DEFAULT_DATASET_NOISE[dataset.name] }));
var irisDatasetSchema = z.object({
  name: z.literal("iris"),
  samples: z.never({ error: "does not apply to iris, which has its 150 samples" }).optional(),
  noise: z.never({ error: "does not apply to iris, which is real data" }).optional(),
  seed: seedSchema.default(0)
}).strict().transform(({ name, seed }) => ({ name, seed }));
var namedDatasetSchema = z.discriminatedUnion("name", [generatedDatasetSchema, irisDatasetSchema], {
  error: `must be one of ${DATASET_NAMES.join(", ")}, or give { "csv", "target" }`
});
var csvDatasetSchema = z.object({
  csv: z.string(missing("is required: the path of the CSV file")).min(1, "is empty"),
  target: z.string(missing("is required: the name of the column to predict")).min(1, "is empty"),
  seed: seedSchema.default(0)
}).strict();
var isObjectWith = (value, key) => value !== null && typeof value === "object" && key in value;
var datasetSpecSchema = z.unknown().transform((value, ctx) => {
  const schema = isObjectWith(value, "csv") ? csvDatasetSchema : namedDatasetSchema;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: "custom", message: issue.message });
  return z.NEVER;
});
var ACTIVATIONS = ["relu", "leaky_relu", "tanh", "sigmoid", "gelu", "linear"];
var LOSSES = ["bce", "cross_entropy", "mse"];
var mlpProblemSchema = z.object({
  dataset: datasetSpecSchema,
  hidden: z.array(
    z.number().int("must be a whole number").min(1, "must be at least 1").max(4096, "must be at most 4096"),
    missing("is required: the sizes of the hidden layers, e.g. [16, 16]")
  ).max(32, "may have at most 32 hidden layers"),
  activation: z.enum(ACTIVATIONS, missing(`is required: one of ${ACTIVATIONS.join(", ")}`)),
  loss: z.enum(LOSSES, missing(`is required: one of ${LOSSES.join(", ")}`)),
  testFraction: z.number().min(0, "must be at least 0").max(0.9, "must be at most 0.9").default(0)
}).strict().superRefine((mlp2, ctx) => {
  const name = "name" in mlp2.dataset ? mlp2.dataset.name : void 0;
  if (name === "sine" && mlp2.loss !== "mse") {
    ctx.addIssue({ code: "custom", path: ["loss"], message: "sine is a regression dataset: use mse" });
  }
  if (name === "iris" && mlp2.loss === "bce") {
    ctx.addIssue({ code: "custom", path: ["loss"], message: "iris has 3 classes and bce takes two: use cross_entropy" });
  }
});
var INIT_SCHEMES = [
  "zeros",
  "constant",
  "normal",
  "uniform",
  "glorot_normal",
  "glorot_uniform",
  "he_normal",
  "he_uniform",
  "lecun_normal",
  "orthogonal"
];
var SCHEME_FIELDS = {
  std: { scheme: "normal", default: 0.01 },
  limit: { scheme: "uniform", default: void 0 },
  value: { scheme: "constant", default: void 0 },
  gain: { scheme: "orthogonal", default: 1 }
};
var initSpecSchema = z.object({
  scheme: z.enum(INIT_SCHEMES),
  seed: seedSchema,
  std: z.number().positive("must be above 0").finite().optional(),
  limit: z.number().positive("must be above 0").finite().optional(),
  value: z.number().finite().optional(),
  gain: z.number().positive("must be above 0").finite().optional(),
  bias: z.number().finite().default(0)
}).strict().superRefine((init, ctx) => {
  for (const [field, { scheme, default: fallback }] of Object.entries(SCHEME_FIELDS)) {
    const given = init[field] !== void 0;
    if (given && init.scheme !== scheme) {
      ctx.addIssue({ code: "custom", path: [field], message: `applies only to the ${scheme} scheme` });
    }
    if (!given && init.scheme === scheme && fallback === void 0) {
      ctx.addIssue({ code: "custom", path: [field], message: `is required for the ${scheme} scheme` });
    }
  }
}).transform((init) => {
  const filled = { ...init };
  for (const [field, { scheme, default: fallback }] of Object.entries(SCHEME_FIELDS)) {
    if (init.scheme === scheme && fallback !== void 0) filled[field] ??= fallback;
  }
  return filled;
});

// shared/spec/optimizer-spec.ts
import { z as z2 } from "zod";
var OPTIMIZER_NAMES = [
  "sgd",
  "adagrad",
  "rmsprop",
  "adadelta",
  "adam",
  "adamw",
  "adamax",
  "nadam",
  "radam",
  "lion"
];
var positive = () => z2.number().gt(0, "must be greater than 0");
var nonNegative = () => z2.number().min(0, "must be at least 0");
var decay = () => nonNegative().lt(1, "must be less than 1");
var betas = (beta1, beta2) => z2.tuple([decay(), decay()]).default([beta1, beta2]);
var sgd = z2.object({
  name: z2.literal("sgd"),
  lr: positive().default(0.01),
  momentum: decay().default(0),
  dampening: nonNegative().max(1, "must be at most 1").default(0),
  nesterov: z2.boolean().default(false),
  weightDecay: nonNegative().default(0)
}).strict().superRefine((spec, ctx) => {
  if (spec.nesterov && (spec.momentum <= 0 || spec.dampening !== 0)) {
    ctx.addIssue({ code: "custom", path: ["nesterov"], message: "requires momentum > 0 and dampening 0" });
  }
});
var adagrad = z2.object({
  name: z2.literal("adagrad"),
  lr: positive().default(0.01),
  lrDecay: nonNegative().default(0),
  weightDecay: nonNegative().default(0),
  initialAccumulatorValue: nonNegative().default(0),
  eps: positive().default(1e-10)
}).strict();
var rmsprop = z2.object({
  name: z2.literal("rmsprop"),
  lr: positive().default(0.01),
  alpha: decay().default(0.99),
  eps: positive().default(1e-8),
  weightDecay: nonNegative().default(0),
  momentum: decay().default(0),
  centered: z2.boolean().default(false)
}).strict();
var adadelta = z2.object({
  name: z2.literal("adadelta"),
  lr: positive().default(1),
  rho: decay().default(0.9),
  eps: positive().default(1e-6),
  weightDecay: nonNegative().default(0)
}).strict();
var adamOptions = {
  lr: positive().default(1e-3),
  betas: betas(0.9, 0.999),
  eps: positive().default(1e-8),
  amsgrad: z2.boolean().default(false)
};
var adam = z2.object({ name: z2.literal("adam"), ...adamOptions, weightDecay: nonNegative().default(0) }).strict();
var adamw = z2.object({ name: z2.literal("adamw"), ...adamOptions, weightDecay: nonNegative().default(0.01) }).strict();
var adamax = z2.object({
  name: z2.literal("adamax"),
  lr: positive().default(2e-3),
  betas: betas(0.9, 0.999),
  eps: positive().default(1e-8),
  weightDecay: nonNegative().default(0)
}).strict();
var nadam = z2.object({
  name: z2.literal("nadam"),
  lr: positive().default(2e-3),
  betas: betas(0.9, 0.999),
  eps: positive().default(1e-8),
  weightDecay: nonNegative().default(0),
  momentumDecay: nonNegative().default(4e-3)
}).strict();
var radam = z2.object({
  name: z2.literal("radam"),
  lr: positive().default(1e-3),
  betas: betas(0.9, 0.999),
  eps: positive().default(1e-8),
  weightDecay: nonNegative().default(0)
}).strict();
var lion = z2.object({
  name: z2.literal("lion"),
  lr: positive().default(1e-4),
  betas: betas(0.9, 0.99),
  weightDecay: nonNegative().default(0)
}).strict();
var OPTIONS = [sgd, adagrad, rmsprop, adadelta, adam, adamw, adamax, nadam, radam, lion];
var optimizerSpecSchema = z2.discriminatedUnion("name", OPTIONS, {
  error: (issue) => issue.code === "invalid_union" ? `must be one of ${OPTIMIZER_NAMES.join(", ")}` : void 0
});

// ../../tmp/probe/run-probe.ts
import * as tf5 from "@tensorflow/tfjs";
var mlp = mlpProblemSchema.parse({ dataset: { name: "spiral", samples: 200 }, hidden: [16, 16, 16, 16, 16, 16], activation: "tanh", loss: "bce" });
var problem = await resolveNetworkProblem(mlp);
for (const init of [{ scheme: "zeros", seed: 1 }, { scheme: "normal", seed: 1 }, { scheme: "glorot_uniform", seed: 1 }]) {
  const run = await createNetworkRun(problem, { init: initSpecSchema.parse(init), optimizer: optimizerSpecSchema.parse({ name: process.argv[2] ?? "sgd", lr: Number(process.argv[3] ?? 0.1) }), steps: 300, seed: 0 });
  const t = performance.now();
  run.advance(1e3);
  const r = run.result();
  console.log(init.scheme, r.status, "loss", r.loss[0].toFixed(4), "->", r.loss.at(-1).toFixed(4), "ms", (performance.now() - t).toFixed(0), "tensors", tf5.memory().numTensors);
  console.log("  layer norms @0", r.layerGradNorms[0].map((v) => v.toExponential(1)).join(" "));
  console.log("  layer norms @300", r.layerGradNorms.at(-1).map((v) => v.toExponential(1)).join(" "));
  for (const e of r.events) console.log("  ", e.type, e.step, e.endStep, e.message);
}
