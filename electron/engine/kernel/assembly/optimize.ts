// The optimizer half of the fused training step (mlp.ts, trainStep): torch.optim's update rules
// over the flat float32 parameters with float64 state, written op for op as the engine's JS
// optimizers (electron/engine/optimizers/*) so both give the same float32 parameters. The
// step-dependent scalars (bias corrections, schedules of momentum) come from the host each step
// (electron/engine/kernel/fused-optimizer.ts), as the JS optimizers compute them.

// Optimizer codes, as fused-optimizer.ts writes them.
export const SGD = 0;
export const ADAGRAD = 1;
export const RMSPROP = 2;
export const ADADELTA = 3;
export const ADAM = 4;
export const ADAMAX = 5;
export const NADAM = 6;
export const RADAM = 7;
export const LION = 8;

// The run block: f64 words. Kind, clipping and penalties, three state arrays, the output block,
// then HYPER words of options and STEP words of this step's scalars.
export const KIND = 0;
export const CLIP = 1;
export const L1 = 2;
export const L2 = 3;
const STATE = 4;
export const RESULTS = 7;
const HYPER = 8;
const STEP = 16;

// @ts-ignore: decorator
@inline export function runWord(run: usize, index: i32): f64 {
  return load<f64>(run + (<usize>index << 3));
}

// @ts-ignore: decorator
@inline function at(array: usize, i: i32): usize {
  return array + (<usize>i << 3);
}

/** JS's Math.sign. */
// @ts-ignore: decorator
@inline function sign(x: f64): f64 {
  return x > 0 ? 1 : x < 0 ? -1 : x;
}

/**
 * Updates parameters [from, to) of `params` from `grad` at learning rate `lr`; returns the sum of
 * squared parameter changes (the layer's update norm, squared).
 */
export function updateRange(run: usize, params: usize, grad: usize, from: i32, to: i32, lr: f64): f64 {
  const kind = <i32>runWord(run, KIND);
  const s0 = <usize>runWord(run, STATE);
  const s1 = <usize>runWord(run, STATE + 1);
  const s2 = <usize>runWord(run, STATE + 2);
  const h0 = runWord(run, HYPER), h1 = runWord(run, HYPER + 1), h2 = runWord(run, HYPER + 2);
  const h3 = runWord(run, HYPER + 3), h4 = runWord(run, HYPER + 4), h5 = runWord(run, HYPER + 5);
  const t0 = runWord(run, STEP), t1 = runWord(run, STEP + 1), t2 = runWord(run, STEP + 2), t3 = runWord(run, STEP + 3);
  let moved: f64 = 0;
  let i = from;
  if (kind == ADAM) {
    // Pairs on f64x2 (adamPairs), then the odd one left here.
    i = from + ((to - from) & ~1);
    moved = adamPairs(run, params, grad, from, i);
  }
  for (; i < to; i++) {
    const pAt = params + (<usize>i << 2);
    const old = load<f32>(pAt);
    const p = <f64>old;
    let g = <f64>load<f32>(grad + (<usize>i << 2));
    let next: f64;
    if (kind == SGD) {
      // h: momentum, dampening, nesterov, weightDecay; t0: 1 once the buffer has started.
      if (h3 != 0) g = g + h3 * p;
      if (h0 != 0) {
        const b = t0 != 0 ? load<f64>(at(s0, i)) * h0 + (1 - h1) * g : g;
        store<f64>(at(s0, i), b);
        g = h2 != 0 ? g + h0 * b : b;
      }
      next = p + -lr * g;
    } else if (kind == ADAGRAD) {
      // h: weightDecay, eps; t0: the decayed lr.
      if (h0 != 0) g = g + h0 * p;
      const s = load<f64>(at(s0, i)) + g * g;
      store<f64>(at(s0, i), s);
      next = p + (-t0 * g) / (Math.sqrt(s) + h1);
    } else if (kind == RMSPROP) {
      // h: alpha, eps, weightDecay, momentum, centered.
      if (h2 != 0) g = g + h2 * p;
      const v = load<f64>(at(s0, i)) * h0 + (1 - h0) * g * g;
      store<f64>(at(s0, i), v);
      let avg: f64;
      if (h4 != 0) {
        const m = load<f64>(at(s1, i)) * h0 + (1 - h0) * g;
        store<f64>(at(s1, i), m);
        avg = Math.sqrt(v + -1 * m * m);
      } else {
        avg = Math.sqrt(v);
      }
      avg = avg + h1;
      if (h3 > 0) {
        const b = load<f64>(at(s2, i)) * h3 + g / avg;
        store<f64>(at(s2, i), b);
        next = p + -lr * b;
      } else {
        next = p + (-lr * g) / avg;
      }
    } else if (kind == ADADELTA) {
      // h: rho, eps, weightDecay.
      if (h2 != 0) g = g + h2 * p;
      const v = load<f64>(at(s0, i)) * h0 + (1 - h0) * g * g;
      store<f64>(at(s0, i), v);
      const acc = load<f64>(at(s1, i));
      const delta = (Math.sqrt(acc + h1) / Math.sqrt(v + h1)) * g;
      store<f64>(at(s1, i), acc * h0 + (1 - h0) * delta * delta);
      next = p + -lr * delta;
    } else if (kind == ADAM) {
      // h: beta1, beta2, eps, weightDecay, amsgrad, decoupled (AdamW); t: step size, sqrt(bc2), shrink.
      let q = p;
      if (h5 != 0) q = q * t2;
      else if (h3 != 0) g = g + h3 * q;
      const m = load<f64>(at(s0, i)) * h0 + (1 - h0) * g;
      let v = load<f64>(at(s1, i)) * h1 + (1 - h1) * g * g;
      store<f64>(at(s0, i), m);
      store<f64>(at(s1, i), v);
      if (h4 != 0) {
        v = max(load<f64>(at(s2, i)), v);
        store<f64>(at(s2, i), v);
      }
      next = q + (-t0 * m) / (Math.sqrt(v) / t1 + h2);
    } else if (kind == ADAMAX) {
      // h: beta1, beta2, eps, weightDecay; t0: lr / bc1.
      if (h3 != 0) g = g + h3 * p;
      const m = load<f64>(at(s0, i)) * h0 + (1 - h0) * g;
      const u = max(load<f64>(at(s1, i)) * h1, Math.abs(g) + h2);
      store<f64>(at(s0, i), m);
      store<f64>(at(s1, i), u);
      next = p + (-t0 * m) / u;
    } else if (kind == NADAM) {
      // h: beta1, beta2, eps, weightDecay; t: bc2, gradient step, average step.
      if (h3 != 0) g = g + h3 * p;
      const m = load<f64>(at(s0, i)) * h0 + (1 - h0) * g;
      const v = load<f64>(at(s1, i)) * h1 + (1 - h1) * g * g;
      store<f64>(at(s0, i), m);
      store<f64>(at(s1, i), v);
      const denom = Math.sqrt(v / t0) + h2;
      const q = p + (t1 * g) / denom;
      next = q + (t2 * m) / denom;
    } else if (kind == RADAM) {
      // h: beta1, beta2, eps, weightDecay; t: bc1, rectified, rectification, sqrt(bc2).
      if (h3 != 0) g = g + h3 * p;
      const m = load<f64>(at(s0, i)) * h0 + (1 - h0) * g;
      const v = load<f64>(at(s1, i)) * h1 + (1 - h1) * g * g;
      store<f64>(at(s0, i), m);
      store<f64>(at(s1, i), v);
      const corrected = m / t0;
      const update = t1 != 0 ? corrected * lr * (t3 / (Math.sqrt(v) + h2)) * t2 : corrected * lr;
      next = p + -1 * update;
    } else {
      // LION. h: beta1, beta2, weightDecay; t0: shrink.
      const m = load<f64>(at(s0, i));
      const direction = sign(m * h0 + (1 - h0) * g);
      next = p * t0 + -lr * direction;
      store<f64>(at(s0, i), m * h1 + (1 - h1) * g);
    }
    const stored = <f32>next;
    store<f32>(pAt, stored);
    const change = <f64>stored - <f64>old;
    moved += change * change;
  }
  return moved;
}

/**
 * updateRange's ADAM branch over [from, to) (an even count), two parameters a pass on f64x2:
 * each lane does the scalar branch's operations in its order (IEEE results are the same per
 * lane) and the squared changes are summed one after another as there, so the parameters, state
 * and update norm are bit-identical, while the square roots and divisions, the costly steps,
 * take half the instructions. Returns the sum of squared parameter changes.
 */
function adamPairs(run: usize, params: usize, grad: usize, from: i32, to: i32): f64 {
  const s0 = <usize>runWord(run, STATE);
  const s1 = <usize>runWord(run, STATE + 1);
  const s2 = <usize>runWord(run, STATE + 2);
  const h0 = runWord(run, HYPER), h1 = runWord(run, HYPER + 1);
  const h3 = runWord(run, HYPER + 3), h4 = runWord(run, HYPER + 4), h5 = runWord(run, HYPER + 5);
  const beta1 = f64x2.splat(h0), keep1 = f64x2.splat(1 - h0);
  const beta2 = f64x2.splat(h1), keep2 = f64x2.splat(1 - h1);
  const eps = f64x2.splat(runWord(run, HYPER + 2)), decay = f64x2.splat(h3);
  const step = f64x2.splat(-runWord(run, STEP)), root = f64x2.splat(runWord(run, STEP + 1)), shrink = f64x2.splat(runWord(run, STEP + 2));
  let moved: f64 = 0;
  for (let i = from; i < to; i += 2) {
    const pAt = params + (<usize>i << 2);
    const old = v128.load64_zero(pAt);
    let q = f64x2.promote_low_f32x4(old);
    let g = f64x2.promote_low_f32x4(v128.load64_zero(grad + (<usize>i << 2)));
    if (h5 != 0) q = f64x2.mul(q, shrink);
    else if (h3 != 0) g = f64x2.add(g, f64x2.mul(decay, q));
    const m = f64x2.add(f64x2.mul(v128.load(at(s0, i)), beta1), f64x2.mul(keep1, g));
    let v = f64x2.add(f64x2.mul(v128.load(at(s1, i)), beta2), f64x2.mul(f64x2.mul(keep2, g), g));
    v128.store(at(s0, i), m);
    v128.store(at(s1, i), v);
    if (h4 != 0) {
      v = f64x2.max(v128.load(at(s2, i)), v);
      v128.store(at(s2, i), v);
    }
    const next = f64x2.add(q, f64x2.div(f64x2.mul(step, m), f64x2.add(f64x2.div(f64x2.sqrt(v), root), eps)));
    const stored = f32x4.demote_f64x2_zero(next);
    v128.store64_lane(pAt, stored, 0);
    const change = f64x2.sub(f64x2.promote_low_f32x4(stored), f64x2.promote_low_f32x4(old));
    const c0 = f64x2.extract_lane(change, 0);
    const c1 = f64x2.extract_lane(change, 1);
    moved += c0 * c0;
    moved += c1 * c1;
  }
  return moved;
}
