import type { InitSpec } from '../../../shared/spec/network-spec';
import { createRandom, type Random } from '../../../shared/random';
import { denseLayerSlices, paramCount } from './param-layout';

/**
 * Initial parameters for the layer widths `sizes`, drawn layer by layer (kernel row-major) from
 * the spec's seed, so a spec reproduces them exactly. fan_in / fan_out of an [in, out] kernel are
 * in / out, as in Keras and PyTorch; the normal schemes are untruncated, as PyTorch's. Biases are
 * the constant `bias`.
 */
export function initializeParams(sizes: readonly number[], init: InitSpec): Float32Array {
  const params = new Float32Array(paramCount(sizes));
  const random = createRandom(init.seed);
  for (const { inputs, outputs, kernelOffset, biasOffset, end } of denseLayerSlices(sizes)) {
    params.set(kernel(inputs, outputs, init, random), kernelOffset);
    params.fill(init.bias, biasOffset, end);
  }
  return params;
}

function kernel(fanIn: number, fanOut: number, init: InitSpec, random: Random): Float64Array {
  const size = fanIn * fanOut;
  const normal = (std: number) => Float64Array.from({ length: size }, () => std * random.normal());
  const uniform = (limit: number) => Float64Array.from({ length: size }, () => limit * (2 * random.uniform() - 1));
  switch (init.scheme) {
    case 'zeros':
      return new Float64Array(size);
    case 'constant':
      return new Float64Array(size).fill(init.value!);
    case 'normal':
      return normal(init.std!);
    case 'uniform':
      return uniform(init.limit!);
    case 'glorot_normal':
      return normal(Math.sqrt(2 / (fanIn + fanOut)));
    case 'glorot_uniform':
      return uniform(Math.sqrt(6 / (fanIn + fanOut)));
    case 'he_normal':
      return normal(Math.sqrt(2 / fanIn));
    case 'he_uniform':
      return uniform(Math.sqrt(6 / fanIn));
    case 'lecun_normal':
      return normal(Math.sqrt(1 / fanIn));
    case 'orthogonal':
      return orthogonal(fanIn, fanOut, init.gain!, random);
  }
}

/**
 * A random orthogonal [rows, cols] matrix times `gain`: orthonormal columns when rows ≥ cols,
 * orthonormal rows otherwise (PyTorch's orthogonal_). Gram–Schmidt on a Gaussian matrix gives the
 * QR factor whose R has a positive diagonal — the sign correction that makes Q uniformly
 * distributed (Mezzadri 2007).
 */
function orthogonal(rows: number, cols: number, gain: number, random: Random): Float64Array {
  const tall = rows >= cols;
  const n = tall ? rows : cols;
  const k = tall ? cols : rows;
  // k Gaussian vectors of length n, made orthonormal one after another.
  const vectors = Array.from({ length: k }, () => Float64Array.from({ length: n }, () => random.normal()));
  vectors.forEach((v, j) => {
    // Two passes of modified Gram–Schmidt keep the columns orthogonal to rounding error.
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < j; i++) {
        const q = vectors[i]!;
        let dot = 0;
        for (let r = 0; r < n; r++) dot += q[r]! * v[r]!;
        for (let r = 0; r < n; r++) v[r] = v[r]! - dot * q[r]!;
      }
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += v[r]! * v[r]!;
    norm = Math.sqrt(norm);
    for (let r = 0; r < n; r++) v[r] = v[r]! / norm;
  });
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = gain * (tall ? vectors[c]![r]! : vectors[r]![c]!);
  }
  return out;
}
