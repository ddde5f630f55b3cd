/**
 * Eigenvalues (ascending) and unit eigenvectors of a small dense symmetric matrix (row-major
 * n × n), by cyclic Jacobi rotations: slow for large n but accurate to rounding for every
 * eigenvalue, small ones included — what a Lanczos tridiagonal or a PCA Gram matrix needs.
 * `vectors[i * n + k]` is component i of eigenvector k.
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      scale += a[i * n + i]! ** 2;
      for (let j = i + 1; j < n; j++) off += a[i * n + j]! ** 2;
    }
    if (off <= Number.EPSILON ** 2 * (scale + 2 * off) || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
    }
  }
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => a[x * n + x]! - a[y * n + y]!);
  const values = Float64Array.from(order, (k) => a[k * n + k]!);
  const vectors = new Float64Array(n * n);
  order.forEach((k, column) => {
    for (let i = 0; i < n; i++) vectors[i * n + column] = v[i * n + k]!;
  });
  return { values, vectors };
}

const MAX_SWEEPS = 60;

/** Zeroes a[p][q] by a rotation in the (p, q) plane (Golub & Van Loan, Algorithm 8.5.2), accumulating it into v. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q]!;
  if (apq === 0) return;
  const theta = (a[q * n + q]! - a[p * n + p]!) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p]!;
    const akq = a[k * n + q]!;
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k]!;
    const aqk = a[q * n + k]!;
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p]!;
    const vkq = v[k * n + q]!;
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
