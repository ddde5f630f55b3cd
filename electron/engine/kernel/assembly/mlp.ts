// The MLP kernel: forward pass, loss and its gradient, and the backward pass of a dense network in
// float32 with 128-bit SIMD, over buffers the host lays out in this module's linear memory
// (electron/engine/kernel/mlp-kernel.ts). Activations are feature-major — unit j's values for all
// rows sit together, [width, rowsPadded] with rowsPadded a multiple of 8 — so every loop runs
// over rows four at a time and the parameters keep the engine's flat layout
// (docs/formats.md, paramLayout): kernel [inputs, outputs] row-major, then bias.

import { exp4, log1p4, log4, madd, negativeAbs4, roughTanh4, sigmoid4, sigmoidFrom4, tanh4 } from './math';
import { CLIP, L1, L2, RESULTS, runWord, updateRange } from './optimize';

// Activation and loss codes, as mlp-kernel.ts writes them into the descriptor.
const RELU = 0;
const LEAKY_RELU = 1;
const TANH = 2;
const SIGMOID = 3;
const LINEAR = 4;
/** tanh to 1e-6 relative (roughTanh4): landscape grids only; its derivative is never taken. */
const ROUGH_TANH = 5;
const BCE = 0;
const CROSS_ENTROPY = 1;
const MSE = 2;

/** PyTorch's LeakyReLU slope. */
const LEAKY_SLOPE: f32 = 0.01;

// The descriptor: i32 words. Header, then LAYER_WORDS per dense layer.
const LAYERS = 0;
const ACTIVATION = 1;
const LOSS = 2;
const DELTA_A = 3;
const DELTA_B = 4;
/** Room for the largest kernel above the first, transposed (the backward pass's products). */
const TRANSPOSED = 5;
const HEADER_WORDS = 8;
const LAYER_WORDS = 8;
// Per layer: inputs, outputs, kernel, bias, kernel gradient, bias gradient, output
// (pre-activation for the last layer, activation for hidden ones), after dropout.
const IN = 0;
const OUT = 1;
const KERNEL = 2;
const BIAS = 3;
const KERNEL_GRAD = 4;
const BIAS_GRAD = 5;
const OUTPUT = 6;
const DROPPED = 7;

// @ts-ignore: decorator
@inline function word(cfg: usize, index: i32): i32 {
  return load<i32>(cfg + (<usize>index << 2));
}

// @ts-ignore: decorator
@inline function layerWord(cfg: usize, layer: i32, field: i32): i32 {
  return word(cfg, HEADER_WORDS + layer * LAYER_WORDS + field);
}

/** Inputs summed per pass of mixRows: the pass's weights (32 rows of a 128-wide kernel, 16 KB) stay in L1 across all rows. */
const INPUT_BLOCK = 32;

/**
 * out[o, r] = bias[o] + Σ_s m[o + s·strideS] · input[s, r] for o < outs, all rp rows: a dense
 * layer (m = kernel, strideS outputs) or, without a bias (0), the backward pass's product with a
 * kernel transposed (strideS inputs). Tiles of 4 outputs × 8 rows keep eight accumulators in
 * registers while the inputs stream once per tile. Wide layers are summed INPUT_BLOCK inputs a
 * pass, each pass adding to what the last stored, so every sum still runs over s in order (the
 * same floats as one pass).
 */
function mixRows(input: usize, ins: i32, outs: i32, m: usize, strideS: i32, bias: usize, out: usize, rp: i32): void {
  const rowBytes = <usize>rp << 2;
  const wStep = <usize>strideS << 2;
  for (let from = 0; from < ins; from += INPUT_BLOCK) {
    const count = min(INPUT_BLOCK, ins - from);
    const first = from == 0;
    const inputs = input + <usize>from * rowBytes;
    const weights = m + (<usize>(from * strideS) << 2);
    for (let r = 0; r < rp; r += 8) {
      const column = <usize>r << 2;
      let o = 0;
      for (; o + 4 <= outs; o += 4) {
        const dst = out + <usize>o * rowBytes + column;
        let a0 = f32x4.splat(0), a1 = f32x4.splat(0), b0 = f32x4.splat(0), b1 = f32x4.splat(0);
        let c0 = f32x4.splat(0), c1 = f32x4.splat(0), d0 = f32x4.splat(0), d1 = f32x4.splat(0);
        if (!first) {
          a0 = v128.load(dst);
          a1 = v128.load(dst, 16);
          b0 = v128.load(dst + rowBytes);
          b1 = v128.load(dst + rowBytes, 16);
          c0 = v128.load(dst + 2 * rowBytes);
          c1 = v128.load(dst + 2 * rowBytes, 16);
          d0 = v128.load(dst + 3 * rowBytes);
          d1 = v128.load(dst + 3 * rowBytes, 16);
        } else if (bias) {
          a0 = a1 = v128.load32_splat(bias + (<usize>o << 2));
          b0 = b1 = v128.load32_splat(bias + (<usize>(o + 1) << 2));
          c0 = c1 = v128.load32_splat(bias + (<usize>(o + 2) << 2));
          d0 = d1 = v128.load32_splat(bias + (<usize>(o + 3) << 2));
        }
        let src = inputs + column;
        const srcEnd = src + <usize>count * rowBytes;
        let w = weights + (<usize>o << 2);
        // The four outputs' weights side by side, read at constant offsets from one pointer.
        for (; src < srcEnd; src += rowBytes) {
          const x0 = v128.load(src);
          const x1 = v128.load(src, 16);
          const wa = v128.load32_splat(w);
          const wb = v128.load32_splat(w, 4);
          const wc = v128.load32_splat(w, 8);
          const wd = v128.load32_splat(w, 12);
          a0 = madd(wa, x0, a0);
          a1 = madd(wa, x1, a1);
          b0 = madd(wb, x0, b0);
          b1 = madd(wb, x1, b1);
          c0 = madd(wc, x0, c0);
          c1 = madd(wc, x1, c1);
          d0 = madd(wd, x0, d0);
          d1 = madd(wd, x1, d1);
          w += wStep;
        }
        v128.store(dst, a0);
        v128.store(dst, a1, 16);
        v128.store(dst + rowBytes, b0);
        v128.store(dst + rowBytes, b1, 16);
        v128.store(dst + 2 * rowBytes, c0);
        v128.store(dst + 2 * rowBytes, c1, 16);
        v128.store(dst + 3 * rowBytes, d0);
        v128.store(dst + 3 * rowBytes, d1, 16);
      }
    }
    // The outputs beyond the tiles of four (a one-output layer's only one): 32 rows a pass, so
    // eight sums run side by side where one row tile's two would each wait on its last add.
    for (let o = outs & ~3; o < outs; o++) {
      const line = out + <usize>o * rowBytes;
      const start = bias ? v128.load32_splat(bias + (<usize>o << 2)) : f32x4.splat(0);
      const w0 = weights + (<usize>o << 2);
      let r = 0;
      for (; r + 32 <= rp; r += 32) {
        const dst = line + (<usize>r << 2);
        let a0 = start, a1 = start, a2 = start, a3 = start, a4 = start, a5 = start, a6 = start, a7 = start;
        if (!first) {
          a0 = v128.load(dst);
          a1 = v128.load(dst, 16);
          a2 = v128.load(dst, 32);
          a3 = v128.load(dst, 48);
          a4 = v128.load(dst, 64);
          a5 = v128.load(dst, 80);
          a6 = v128.load(dst, 96);
          a7 = v128.load(dst, 112);
        }
        let src = inputs + (<usize>r << 2);
        let w = w0;
        for (let s = 0; s < count; s++) {
          const wa = v128.load32_splat(w);
          a0 = madd(wa, v128.load(src), a0);
          a1 = madd(wa, v128.load(src, 16), a1);
          a2 = madd(wa, v128.load(src, 32), a2);
          a3 = madd(wa, v128.load(src, 48), a3);
          a4 = madd(wa, v128.load(src, 64), a4);
          a5 = madd(wa, v128.load(src, 80), a5);
          a6 = madd(wa, v128.load(src, 96), a6);
          a7 = madd(wa, v128.load(src, 112), a7);
          src += rowBytes;
          w += wStep;
        }
        v128.store(dst, a0);
        v128.store(dst, a1, 16);
        v128.store(dst, a2, 32);
        v128.store(dst, a3, 48);
        v128.store(dst, a4, 64);
        v128.store(dst, a5, 80);
        v128.store(dst, a6, 96);
        v128.store(dst, a7, 112);
      }
      for (; r < rp; r += 8) {
        const dst = line + (<usize>r << 2);
        let a0 = start, a1 = start;
        if (!first) {
          a0 = v128.load(dst);
          a1 = v128.load(dst, 16);
        }
        let src = inputs + (<usize>r << 2);
        let w = w0;
        for (let s = 0; s < count; s++) {
          const wa = v128.load32_splat(w);
          a0 = madd(wa, v128.load(src), a0);
          a1 = madd(wa, v128.load(src, 16), a1);
          src += rowBytes;
          w += wStep;
        }
        v128.store(dst, a0);
        v128.store(dst, a1, 16);
      }
    }
  }
}

// @ts-ignore: decorator
@inline function lanes(v: v128): f32 {
  return f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** target[j·ins + i] = kernel[i·outs + j]: an [ins, outs] kernel as [outs, ins]. */
function transpose(kernel: usize, ins: i32, outs: i32, target: usize): void {
  for (let i = 0; i < ins; i++) {
    for (let j = 0; j < outs; j++) store<f32>(target + (<usize>(j * ins + i) << 2), load<f32>(kernel + (<usize>(i * outs + j) << 2)));
  }
}

/**
 * grad[i·outs + j] = Σ_r input[i, r] · delta[j, r] over all rp rows (padding rows carry a zero
 * delta), and biasGrad[j] = Σ_r delta[j, r]. Tiles of 4 inputs × 2 outputs: each delta row is read
 * once per four inputs, which halves what a wide layer streams from L2 against 2 × 4 tiles.
 */
function kernelGradient(input: usize, ins: i32, delta: usize, outs: i32, grad: usize, biasGrad: usize, rp: i32): void {
  const rowBytes = <usize>rp << 2;
  const end = rowBytes;
  const outBytes = <usize>outs << 2;
  let i = 0;
  for (; i + 4 <= ins; i += 4) {
    const x0 = input + <usize>i * rowBytes;
    let j = 0;
    for (; j + 2 <= outs; j += 2) {
      const d = delta + <usize>j * rowBytes;
      let s00 = f32x4.splat(0), s01 = f32x4.splat(0), s10 = f32x4.splat(0), s11 = f32x4.splat(0);
      let s20 = f32x4.splat(0), s21 = f32x4.splat(0), s30 = f32x4.splat(0), s31 = f32x4.splat(0);
      for (let b: usize = 0; b < end; b += 16) {
        const d0 = v128.load(d + b);
        const d1 = v128.load(d + rowBytes + b);
        const u0 = v128.load(x0 + b);
        const u1 = v128.load(x0 + rowBytes + b);
        const u2 = v128.load(x0 + 2 * rowBytes + b);
        const u3 = v128.load(x0 + 3 * rowBytes + b);
        s00 = madd(u0, d0, s00);
        s01 = madd(u0, d1, s01);
        s10 = madd(u1, d0, s10);
        s11 = madd(u1, d1, s11);
        s20 = madd(u2, d0, s20);
        s21 = madd(u2, d1, s21);
        s30 = madd(u3, d0, s30);
        s31 = madd(u3, d1, s31);
      }
      const g = grad + (<usize>(i * outs + j) << 2);
      store<f32>(g, lanes(s00));
      store<f32>(g, lanes(s01), 4);
      store<f32>(g + outBytes, lanes(s10));
      store<f32>(g + outBytes, lanes(s11), 4);
      store<f32>(g + 2 * outBytes, lanes(s20));
      store<f32>(g + 2 * outBytes, lanes(s21), 4);
      store<f32>(g + 3 * outBytes, lanes(s30));
      store<f32>(g + 3 * outBytes, lanes(s31), 4);
    }
    if (j < outs) {
      // The last output alone: four independent sums, so no add waits on the one before.
      const d = delta + <usize>j * rowBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let b: usize = 0; b < end; b += 16) {
        const dv = v128.load(d + b);
        s0 = madd(v128.load(x0 + b), dv, s0);
        s1 = madd(v128.load(x0 + rowBytes + b), dv, s1);
        s2 = madd(v128.load(x0 + 2 * rowBytes + b), dv, s2);
        s3 = madd(v128.load(x0 + 3 * rowBytes + b), dv, s3);
      }
      const g = grad + (<usize>(i * outs + j) << 2);
      store<f32>(g, lanes(s0));
      store<f32>(g + outBytes, lanes(s1));
      store<f32>(g + 2 * outBytes, lanes(s2));
      store<f32>(g + 3 * outBytes, lanes(s3));
    }
  }
  for (; i < ins; i++) {
    const x0 = input + <usize>i * rowBytes;
    let j = 0;
    for (; j + 4 <= outs; j += 4) {
      const d = delta + <usize>j * rowBytes;
      let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
      for (let b: usize = 0; b < end; b += 16) {
        const u = v128.load(x0 + b);
        s0 = madd(u, v128.load(d + b), s0);
        s1 = madd(u, v128.load(d + rowBytes + b), s1);
        s2 = madd(u, v128.load(d + 2 * rowBytes + b), s2);
        s3 = madd(u, v128.load(d + 3 * rowBytes + b), s3);
      }
      const g = grad + (<usize>(i * outs + j) << 2);
      store<f32>(g, lanes(s0));
      store<f32>(g, lanes(s1), 4);
      store<f32>(g, lanes(s2), 8);
      store<f32>(g, lanes(s3), 12);
    }
    for (; j < outs; j++) {
      const d = delta + <usize>j * rowBytes;
      let s0 = f32x4.splat(0);
      for (let b: usize = 0; b < end; b += 16) s0 = madd(v128.load(x0 + b), v128.load(d + b), s0);
      store<f32>(grad + (<usize>(i * outs + j) << 2), lanes(s0));
    }
  }
  // Four outputs' sums at a time, each its own chain of adds.
  let j = 0;
  for (; j + 4 <= outs; j += 4) {
    const d = delta + <usize>j * rowBytes;
    let s0 = f32x4.splat(0), s1 = f32x4.splat(0), s2 = f32x4.splat(0), s3 = f32x4.splat(0);
    for (let b: usize = 0; b < end; b += 16) {
      s0 = f32x4.add(s0, v128.load(d + b));
      s1 = f32x4.add(s1, v128.load(d + rowBytes + b));
      s2 = f32x4.add(s2, v128.load(d + 2 * rowBytes + b));
      s3 = f32x4.add(s3, v128.load(d + 3 * rowBytes + b));
    }
    const g = biasGrad + (<usize>j << 2);
    store<f32>(g, lanes(s0));
    store<f32>(g, lanes(s1), 4);
    store<f32>(g, lanes(s2), 8);
    store<f32>(g, lanes(s3), 12);
  }
  for (; j < outs; j++) {
    const d = delta + <usize>j * rowBytes;
    let s0 = f32x4.splat(0);
    for (let b: usize = 0; b < end; b += 16) s0 = f32x4.add(s0, v128.load(d + b));
    store<f32>(biasGrad + (<usize>j << 2), lanes(s0));
  }
}

/**
 * The hidden activation in place over `count` values (a multiple of 8). The transcendental ones
 * take several vectors a pass: each is one long dependency chain, and chains side by side let the
 * CPU overlap them (V8 does not reorder them itself). Both tanhs take four (then two for the rest).
 */
function activate(values: usize, count: i32, activation: i32): void {
  const end = values + (<usize>count << 2);
  if (activation == RELU) {
    for (let p = values; p < end; p += 16) v128.store(p, f32x4.pmax(v128.load(p), f32x4.splat(0)));
  } else if (activation == LEAKY_RELU) {
    for (let p = values; p < end; p += 16) {
      const z = v128.load(p);
      v128.store(p, v128.bitselect(z, f32x4.mul(z, f32x4.splat(LEAKY_SLOPE)), f32x4.gt(z, f32x4.splat(0))));
    }
  } else if (activation == TANH) {
    tanhLoop(values, end, false);
  } else if (activation == SIGMOID) {
    for (let p = values; p < end; p += 32) {
      const a = sigmoid4(v128.load(p));
      const b = sigmoid4(v128.load(p, 16));
      v128.store(p, a);
      v128.store(p, b, 16);
    }
  } else if (activation == ROUGH_TANH) {
    tanhLoop(values, end, true);
  }
}

/** tanh or, with `rough` (a constant once inlined), the rough tanh over [values, end): four vectors a pass, then two. */
// @ts-ignore: decorator
@inline function tanhLoop(values: usize, end: usize, rough: bool): void {
  let p = values;
  for (; p + 64 <= end; p += 64) {
    const a = rough ? roughTanh4(v128.load(p)) : tanh4(v128.load(p));
    const b = rough ? roughTanh4(v128.load(p, 16)) : tanh4(v128.load(p, 16));
    const c = rough ? roughTanh4(v128.load(p, 32)) : tanh4(v128.load(p, 32));
    const d = rough ? roughTanh4(v128.load(p, 48)) : tanh4(v128.load(p, 48));
    v128.store(p, a);
    v128.store(p, b, 16);
    v128.store(p, c, 32);
    v128.store(p, d, 48);
  }
  for (; p < end; p += 32) {
    const a = rough ? roughTanh4(v128.load(p)) : tanh4(v128.load(p));
    const b = rough ? roughTanh4(v128.load(p, 16)) : tanh4(v128.load(p, 16));
    v128.store(p, a);
    v128.store(p, b, 16);
  }
}

/** delta = upstream ⊙ f'(z), from the activation's output a (in place over upstream). */
function activationSlope(upstream: usize, a: usize, count: i32, activation: i32): void {
  // One loop per activation: the choice is made once, not at every vector.
  if (activation == RELU) slopeLoop(upstream, a, count, RELU);
  else if (activation == LEAKY_RELU) slopeLoop(upstream, a, count, LEAKY_RELU);
  else if (activation == TANH) slopeLoop(upstream, a, count, TANH);
  else if (activation == SIGMOID) slopeLoop(upstream, a, count, SIGMOID);
}

/** activationSlope's loop for one activation, a constant once inlined. */
// @ts-ignore: decorator
@inline function slopeLoop(upstream: usize, a: usize, count: i32, activation: i32): void {
  const bytes = <usize>count << 2;
  for (let b: usize = 0; b < bytes; b += 16) {
    const u = v128.load(upstream + b);
    const y = v128.load(a + b);
    let slope: v128;
    if (activation == RELU) slope = v128.and(f32x4.gt(y, f32x4.splat(0)), f32x4.splat(1));
    else if (activation == LEAKY_RELU) slope = v128.bitselect(f32x4.splat(1), f32x4.splat(LEAKY_SLOPE), f32x4.gt(y, f32x4.splat(0)));
    else if (activation == TANH) slope = f32x4.sub(f32x4.splat(1), f32x4.mul(y, y));
    else slope = f32x4.mul(y, f32x4.sub(f32x4.splat(1), y));
    v128.store(upstream + b, f32x4.mul(u, slope));
  }
}

/** target[j, r] = source[j, r] · mask[r·width + j] for r < rows: dropout's row-major [rows, width] factors. */
function applyMask(source: usize, mask: usize, target: usize, width: i32, rows: i32, rp: i32): void {
  for (let j = 0; j < width; j++) {
    const line = <usize>(j * rp) << 2;
    for (let r = 0; r < rows; r++) {
      const at = line + (<usize>r << 2);
      store<f32>(target + at, load<f32>(source + at) * load<f32>(mask + (<usize>(r * width + j) << 2)));
    }
  }
}

/**
 * The forward pass of `rp` padded rows of `x` ([inputs, rp]); with `dropout`, each hidden
 * layer's DROPPED buffer gets its activation times its mask, at `masks` (row-major, one after another).
 */
export function forward(cfg: usize, x: usize, rows: i32, rp: i32, masks: usize): void {
  const layers = word(cfg, LAYERS);
  const activation = word(cfg, ACTIVATION);
  let input = x;
  let mask = masks;
  for (let l = 0; l < layers; l++) {
    const outs = layerWord(cfg, l, OUT);
    const out = <usize>layerWord(cfg, l, OUTPUT);
    mixRows(input, layerWord(cfg, l, IN), outs, layerWord(cfg, l, KERNEL), outs, layerWord(cfg, l, BIAS), out, rp);
    if (l == layers - 1) break;
    activate(out, outs * rp, activation);
    input = out;
    if (masks) {
      input = layerWord(cfg, l, DROPPED);
      applyMask(out, mask, input, outs, rows, rp);
      mask += <usize>(rows * outs) << 2;
    }
  }
}

/** True lanes for the rows r0 … r0 + 3 that are below `rows` (the rest is padding). */
// @ts-ignore: decorator
@inline function validLanes(r0: i32, rows: i32): v128 {
  return i32x4.lt_s(i32x4.add(i32x4.splat(r0), i32x4(0, 1, 2, 3)), i32x4.splat(rows));
}

// @ts-ignore: decorator
@inline function sumLanes(total: f64, v: v128): f64 {
  return total + <f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1) + <f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3);
}

/**
 * The mean loss over the first `rows` of the last forward pass's logits against `target`
 * (bce labels, mse values, or class indices for cross-entropy, one per row); with `withGradient`,
 * its gradient with respect to the logits into DELTA_A (zero on padding rows).
 */
export function loss(cfg: usize, target: usize, rows: i32, rp: i32, withGradient: bool): f64 {
  const last = word(cfg, LAYERS) - 1;
  const logits = <usize>layerWord(cfg, last, OUTPUT);
  const classes = layerWord(cfg, last, OUT);
  const delta = <usize>word(cfg, DELTA_A);
  const kind = word(cfg, LOSS);
  const rowBytes = <usize>rp << 2;
  const scale = f32x4.splat(<f32>1 / <f32>rows);
  let total: f64 = 0;
  for (let r = 0; r < rp; r += 4) {
    const at = <usize>r << 2;
    const valid = validLanes(r, rows);
    const y = v128.load(target + at);
    let rowLoss: v128;
    if (kind == CROSS_ENTROPY) {
      let top = v128.load(logits + at);
      for (let c = 1; c < classes; c++) top = f32x4.pmax(top, v128.load(logits + <usize>c * rowBytes + at));
      let sum = f32x4.splat(0);
      let picked = f32x4.splat(0);
      for (let c = 0; c < classes; c++) {
        const shifted = f32x4.sub(v128.load(logits + <usize>c * rowBytes + at), top);
        const e = exp4(shifted);
        sum = f32x4.add(sum, e);
        picked = v128.bitselect(shifted, picked, f32x4.eq(y, f32x4.splat(<f32>c)));
        if (withGradient) v128.store(delta + <usize>c * rowBytes + at, e);
      }
      // -log p(class) = log Σ exp(z - max) - (z_class - max)
      rowLoss = f32x4.sub(log4(sum), picked);
      if (withGradient) {
        const inverse = f32x4.div(scale, sum);
        for (let c = 0; c < classes; c++) {
          const p = delta + <usize>c * rowBytes + at;
          const onehot = v128.and(f32x4.eq(y, f32x4.splat(<f32>c)), scale);
          v128.store(p, v128.and(f32x4.sub(f32x4.mul(v128.load(p), inverse), onehot), valid));
        }
      }
    } else {
      const z = v128.load(logits + at);
      if (kind == BCE) {
        // softplus(z) - z·y = max(z, 0) + ln(1 + e^-|z|) - z·y; gradient sigmoid(z) - y
        const e = exp4(negativeAbs4(z));
        const softplus = f32x4.add(f32x4.pmax(z, f32x4.splat(0)), log1p4(e));
        rowLoss = f32x4.sub(softplus, f32x4.mul(z, y));
        if (withGradient) v128.store(delta + at, v128.and(f32x4.mul(f32x4.sub(sigmoidFrom4(e, z), y), scale), valid));
      } else {
        const error = f32x4.sub(z, y);
        rowLoss = f32x4.mul(error, error);
        if (withGradient) v128.store(delta + at, v128.and(f32x4.mul(f32x4.add(error, error), scale), valid));
      }
    }
    total = sumLanes(total, v128.and(rowLoss, valid));
  }
  return total / <f64>rows;
}

/**
 * The backward pass from the logit gradient in DELTA_A (left by loss()) through the forward
 * pass of `x`: every layer's kernel and bias gradient. `masks` as forward() took them.
 */
export function backward(cfg: usize, x: usize, rows: i32, rp: i32, masks: usize): void {
  const layers = word(cfg, LAYERS);
  const activation = word(cfg, ACTIVATION);
  let delta = <usize>word(cfg, DELTA_A);
  let spare = <usize>word(cfg, DELTA_B);
  // Masks of layer l start after those of the layers before it.
  let maskEnd = masks;
  for (let l = 0; l + 1 < layers; l++) maskEnd += <usize>(rows * layerWord(cfg, l, OUT)) << 2;
  for (let l = layers - 1; l >= 0; l--) {
    const ins = layerWord(cfg, l, IN);
    const outs = layerWord(cfg, l, OUT);
    const input: usize = l == 0 ? x : masks ? layerWord(cfg, l - 1, DROPPED) : layerWord(cfg, l - 1, OUTPUT);
    kernelGradient(input, ins, delta, outs, layerWord(cfg, l, KERNEL_GRAD), layerWord(cfg, l, BIAS_GRAD), rp);
    if (l == 0) break;
    // upstream[i, r] = Σ_j kernel[i, j] δ[j, r], from the kernel transposed so that four inputs'
    // weights lie side by side as a forward pass reads them.
    const transposed = <usize>word(cfg, TRANSPOSED);
    transpose(layerWord(cfg, l, KERNEL), ins, outs, transposed);
    mixRows(delta, outs, ins, transposed, ins, 0, spare, rp);
    const a = <usize>layerWord(cfg, l - 1, OUTPUT);
    if (masks) {
      maskEnd -= <usize>(rows * ins) << 2;
      applyMask(spare, maskEnd, spare, ins, rows, rp);
    }
    activationSlope(spare, a, ins * rp, activation);
    const used = delta;
    delta = spare;
    spare = used;
  }
}

/**
 * One training step in one call: forward, loss and backward over the batch `x`, `target`; the l1/l2
 * penalty over the kernels added to the gradient; each layer's gradient norm; then, when `update`
 * is set and the loss, penalty and norms are finite, clipping and the optimizer's update at `lr`
 * (optimize.ts). The run block `run` says which; its output block gets [penalty, updated (0 or 1),
 * gradient norm per layer, update norm per layer]. Returns the batch loss.
 */
export function trainStep(cfg: usize, run: usize, x: usize, target: usize, rows: i32, rp: i32, masks: usize, lr: f64, update: bool): f64 {
  forward(cfg, x, rows, rp, masks);
  const batchLoss = loss(cfg, target, rows, rp, true);
  backward(cfg, x, rows, rp, masks);
  const layers = word(cfg, LAYERS);
  const out = <usize>runWord(run, RESULTS);
  const l1 = runWord(run, L1);
  const l2 = runWord(run, L2);
  let penalty: f64 = 0;
  if (l1 != 0 || l2 != 0) {
    for (let l = 0; l < layers; l++) {
      const weights = <usize>layerWord(cfg, l, KERNEL);
      const grad = <usize>layerWord(cfg, l, KERNEL_GRAD);
      const count = layerWord(cfg, l, IN) * layerWord(cfg, l, OUT);
      for (let i = 0; i < count; i++) {
        const w = <f64>load<f32>(weights + (<usize>i << 2));
        penalty += l1 * Math.abs(w) + l2 * w * w;
        const g = grad + (<usize>i << 2);
        store<f32>(g, <f32>(<f64>load<f32>(g) + l1 * (w > 0 ? 1 : w < 0 ? -1 : w) + 2 * l2 * w));
      }
    }
  }
  // Kernel then bias of each layer lie one after another, layer after layer: the flat gradient.
  const grad = <usize>layerWord(cfg, 0, KERNEL_GRAD);
  const params = <usize>layerWord(cfg, 0, KERNEL);
  let total: f64 = 0;
  let finite = isFinite(batchLoss) && isFinite(penalty);
  let from = 0;
  for (let l = 0; l < layers; l++) {
    const to = from + (layerWord(cfg, l, IN) + 1) * layerWord(cfg, l, OUT);
    let sum: f64 = 0;
    for (let i = from; i < to; i++) {
      const g = <f64>load<f32>(grad + (<usize>i << 2));
      sum += g * g;
      total += g * g;
    }
    finite = finite && isFinite(sum);
    store<f64>(out + (<usize>(2 + l) << 3), Math.sqrt(sum));
    from = to;
  }
  store<f64>(out, penalty);
  const stepping = update && finite;
  store<f64>(out, stepping ? 1 : 0, 8);
  if (!stepping) return batchLoss;
  // torch.nn.utils.clip_grad_norm_ over the whole vector (optimizers/gradient-transforms.ts).
  const maxNorm = runWord(run, CLIP);
  if (maxNorm >= 0) {
    const coef = maxNorm / (Math.sqrt(total) + 1e-6);
    if (coef < 1) {
      for (let i = 0; i < from; i++) {
        const g = grad + (<usize>i << 2);
        store<f32>(g, <f32>(<f64>load<f32>(g) * coef));
      }
    }
  }
  from = 0;
  for (let l = 0; l < layers; l++) {
    const to = from + (layerWord(cfg, l, IN) + 1) * layerWord(cfg, l, OUT);
    store<f64>(out + (<usize>(2 + layers + l) << 3), Math.sqrt(updateRange(run, params, grad, from, to, lr)));
    from = to;
  }
  return batchLoss;
}

/** out[j] = the largest of hidden layer `layer`'s outputs over the first `rows` rows of the last forward pass. */
export function unitMaxima(cfg: usize, layer: i32, rows: i32, rp: i32, out: usize): void {
  const width = layerWord(cfg, layer, OUT);
  const a = <usize>layerWord(cfg, layer, OUTPUT);
  const whole = rows & ~3;
  for (let j = 0; j < width; j++) {
    const line = a + (<usize>(j * rp) << 2);
    let top = f32x4.splat(-Infinity);
    for (let r = 0; r < whole; r += 4) top = f32x4.max(top, v128.load(line + (<usize>r << 2)));
    let best = max(max(f32x4.extract_lane(top, 0), f32x4.extract_lane(top, 1)), max(f32x4.extract_lane(top, 2), f32x4.extract_lane(top, 3)));
    for (let r = whole; r < rows; r++) best = max(best, load<f32>(line + (<usize>r << 2)));
    store<f32>(out + (<usize>j << 2), best);
  }
}

/**
 * Copies rows `index[0 … count)` of `source` ([features, sourceRp]) into `target`
 * ([features, targetRp], padding rows zeroed), and their targets likewise.
 */
export function gather(source: usize, sourceTarget: usize, features: i32, sourceRp: i32, index: usize, count: i32, target: usize, targetTarget: usize, targetRp: i32): void {
  for (let f = 0; f <= features; f++) {
    const from = f < features ? source + (<usize>(f * sourceRp) << 2) : sourceTarget;
    const to = f < features ? target + (<usize>(f * targetRp) << 2) : targetTarget;
    for (let k = 0; k < count; k++) store<f32>(to + (<usize>k << 2), load<f32>(from + (<usize>load<i32>(index + (<usize>k << 2)) << 2)));
    for (let k = count; k < targetRp; k++) store<f32>(to + (<usize>k << 2), 0);
  }
}

/**
 * This core's multiply-add peak, for the bench's FLOP floor: `iterations` rounds of twelve
 * independent chains of four-lane multiply-adds, in registers (eight chains would just cover the
 * latency of two pipes; twelve leave room). 96 FLOPs a round; returns a lane so none is dead code.
 */
export function multiplyAddPeak(iterations: i32): f32 {
  const m = f32x4.splat(0.999);
  const c = f32x4.splat(0.001);
  let a0 = f32x4.splat(1), a1 = f32x4.splat(2), a2 = f32x4.splat(3), a3 = f32x4.splat(4);
  let a4 = f32x4.splat(5), a5 = f32x4.splat(6), a6 = f32x4.splat(7), a7 = f32x4.splat(8);
  let a8 = f32x4.splat(9), a9 = f32x4.splat(10), a10 = f32x4.splat(11), a11 = f32x4.splat(12);
  for (let i = 0; i < iterations; i++) {
    a0 = madd(a0, m, c);
    a1 = madd(a1, m, c);
    a2 = madd(a2, m, c);
    a3 = madd(a3, m, c);
    a4 = madd(a4, m, c);
    a5 = madd(a5, m, c);
    a6 = madd(a6, m, c);
    a7 = madd(a7, m, c);
    a8 = madd(a8, m, c);
    a9 = madd(a9, m, c);
    a10 = madd(a10, m, c);
    a11 = madd(a11, m, c);
  }
  const sum = f32x4.add(f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)), f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)));
  return lanes(f32x4.add(sum, f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11))));
}

/** The transcendentals over `count` values (a multiple of 4), for tests: 0 exp, 1 log, 2 log1p, 3 sigmoid, 4 tanh, 5 rough tanh. */
export function mapMath(values: usize, count: i32, fn: i32): void {
  const end = values + (<usize>count << 2);
  for (let p = values; p < end; p += 16) {
    const v = v128.load(p);
    v128.store(p, fn == 0 ? exp4(v) : fn == 1 ? log4(v) : fn == 2 ? log1p4(v) : fn == 3 ? sigmoid4(v) : fn == 4 ? tanh4(v) : roughTanh4(v));
  }
}

/**
 * A landscape point's first hidden layer from the products made once per plane:
 * out = f(center + α·alongD1 + β·alongD2) over `count` values (a multiple of 4), where each
 * product is X·W + b for the first layer's weights of the plane's center and directions.
 * One unit's row at a time, so the activation reads what the combination just wrote from cache.
 */
function planeFirstLayer(center: usize, alongD1: usize, alongD2: usize, alpha: f32, beta: f32, out: usize, count: i32, rp: i32, activation: i32): void {
  const bytes = <usize>count << 2;
  const rowBytes = <usize>rp << 2;
  const a = f32x4.splat(alpha);
  const b = f32x4.splat(beta);
  for (let row: usize = 0; row < bytes; row += rowBytes) {
    for (let p: usize = row; p < row + rowBytes; p += 16) {
      const z = madd(b, v128.load(alongD2 + p), madd(a, v128.load(alongD1 + p), v128.load(center + p)));
      v128.store(out + p, z);
    }
    activate(out + row, rp, activation);
  }
}

/**
 * The losses at `points` points (α, β) of a plane, the loop over points inside the kernel: per
 * point the first hidden layer from the plane's products (planeFirstLayer), the weights above it
 * formed in float64 from the plane's float64 vectors and rounded once into the `upper` network's
 * weights, then its forward pass from `hidden` and the loss against `target`. `plane` holds the
 * byte offsets [center product, d1 product, d2 product, center, d1, d2 (f64 over the upper
 * layers' weightCount parameters), weights (f32)]; alphas, betas and out are f64.
 */
export function planeLosses(
  upper: usize, plane: usize, weightCount: i32, hidden: usize, width: i32, activation: i32,
  target: usize, rows: i32, rp: i32, alphas: usize, betas: usize, points: i32, out: usize,
): void {
  const products0 = <usize>load<i32>(plane), products1 = <usize>load<i32>(plane, 4), products2 = <usize>load<i32>(plane, 8);
  const center = <usize>load<i32>(plane, 12), d1 = <usize>load<i32>(plane, 16), d2 = <usize>load<i32>(plane, 20);
  const weights = <usize>load<i32>(plane, 24);
  for (let k = 0; k < points; k++) {
    const alpha = load<f64>(alphas + (<usize>k << 3));
    const beta = load<f64>(betas + (<usize>k << 3));
    planeFirstLayer(products0, products1, products2, <f32>alpha, <f32>beta, hidden, width * rp, rp, activation);
    for (let p = 0; p < weightCount; p++) {
      const at = <usize>p << 3;
      store<f32>(weights + (<usize>p << 2), <f32>(load<f64>(center + at) + alpha * load<f64>(d1 + at) + beta * load<f64>(d2 + at)));
    }
    forward(upper, hidden, rows, rp, 0);
    store<f64>(out + (<usize>k << 3), loss(upper, target, rows, rp, false));
  }
}
