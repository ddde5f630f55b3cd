// float32 transcendentals on four lanes at once (f32x4), to float32 rounding over the whole range
// (tests/unit/kernel/kernel-math.test.ts measures them against float64 at the extremes). The
// polynomials are Cephes' single-precision ones (expf, logf, tanhf).

const LOG2E: f32 = 1.44269504088896341;
// ln 2 in two parts: k·LN2_HI is exact for the k that occur, so r = x - k ln 2 keeps its bits.
const LN2_HI: f32 = 0.693359375;
const LN2_LO: f32 = -2.12194440e-4;
/** Above this exp overflows to infinity; below EXP_MIN it underflows to zero (denormals included). */
const EXP_MAX: f32 = 88.7228394;
const EXP_MIN: f32 = -103.972076;
const SQRT_HALF: f32 = 0.707106781186547524;
/** 1.5·2^23: adding it rounds a float below 2^22 in magnitude to an integer, which the sum's low bits then hold. */
const ROUNDER: f32 = 12582912;
const ROUNDER_BITS = 0x4b400000;
// Clamps use pmin/pmax (one instruction each) rather than min/max, whose NaN and signed-zero rules
// cost several; a NaN input still comes out NaN (pmax(NaN, c) is NaN).


// V8 as in Node 20 builds every v128 constant from general registers, three instructions at each
// use, which doubled these functions' cost; a broadcast load from a table in memory is one. So
// every constant on four lanes is f4(index) or i4(index) into these tables, its value beside it.
const F32_TABLE = memory.data<f32>([
  LN2_HI,
  LN2_LO,
  1.9875691500e-4,
  1.3981999507e-3,
  8.3334519073e-3,
  4.1665795894e-2,
  1.6666665459e-1,
  5.0000001201e-1,
  1,
  EXP_MIN,
  EXP_MAX,
  LOG2E,
  ROUNDER,
  Infinity,
  1.17549435e-38,
  33554432,
  SQRT_HALF,
  7.0376836292e-2,
  -1.1514610310e-1,
  1.1676998740e-1,
  -1.2420140846e-1,
  1.4249322787e-1,
  -1.6668057665e-1,
  2.0000714765e-1,
  -2.4999993993e-1,
  3.3333331174e-1,
  0.5,
  -Infinity,
  NaN,
  -87,
  -7.90531110763549805,
  7.90531110763549805,
  4.89352455891786e-3,
  6.37261928875436e-4,
  1.48572235717979e-5,
  5.12229709037114e-8,
  -8.60467152213735e-11,
  2.00018790482477e-13,
  -2.76076847742355e-16,
  4.89352518554385e-3,
  2.26843463243900e-3,
  1.18534705686654e-4,
  1.19825839466702e-6,
  -5.70498872745e-3,
  2.06390887954e-2,
  -5.37397155531e-2,
  1.33314422036e-1,
  -3.33332819422e-1,
  0.625,
  -2,
]);
const I32_TABLE = memory.data<i32>([
  ROUNDER_BITS,
  127,
  126,
  25,
  0x007fffff,
  0x3f000000,
  0x80000000,
  0x7fffffff,
]);

/**
 * a·b + c. The kernel is built twice (scripts/build.mjs): with relaxed SIMD this is one fused
 * multiply-add, rounded once as PyTorch's CPU products and polynomials are; without it, a multiply
 * and an add. The loader (mlp-kernel.ts) takes the fused build where the engine runs it.
 */
// @ts-ignore: decorator
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// @ts-ignore: decorator
@inline function f4(index: i32): v128 {
  return v128.load32_splat(F32_TABLE + (<usize>index << 2));
}

// @ts-ignore: decorator
@inline function i4(index: i32): v128 {
  return v128.load32_splat(I32_TABLE + (<usize>index << 2));
}

/**
 * e^r where r = x - k ln 2 (|r| ≤ ln2/2), by Cephes' degree-7 polynomial: e^x = 2^k of it.
 * Estrin's scheme in r: the chain from r to the result is four multiply-adds deep rather than
 * seven, and these functions are bound by that chain (tanh's far side waits on it).
 */
// @ts-ignore: decorator
@inline function expReduced(x: v128, k: v128): v128 {
  let r = f32x4.sub(x, f32x4.mul(k, f4(0 /* LN2_HI */)));
  r = f32x4.sub(r, f32x4.mul(k, f4(1 /* LN2_LO */)));
  const r2 = f32x4.mul(r, r);
  const r4 = f32x4.mul(r2, r2);
  const p01 = madd(f4(2 /* 1.9875691500e-4 */), r, f4(3 /* 1.3981999507e-3 */));
  const p23 = madd(f4(4 /* 8.3334519073e-3 */), r, f4(5 /* 4.1665795894e-2 */));
  const p45 = madd(f4(6 /* 1.6666665459e-1 */), r, f4(7 /* 5.0000001201e-1 */));
  const p = madd(p01, r4, madd(p23, r2, p45));
  return f32x4.add(madd(p, r2, r), f4(8 /* 1 */));
}

/** e^x: x = k ln 2 + r with |r| ≤ ln2/2, e^r by a degree-7 polynomial, then 2^k in two halves so denormal results keep their bits. */
// @ts-ignore: decorator
@inline export function exp4(x: v128): v128 {
  const clamped = f32x4.pmin(f32x4.pmax(x, f4(9 /* EXP_MIN */)), f4(10 /* EXP_MAX */));
  const rounded = madd(clamped, f4(11 /* LOG2E */), f4(12 /* ROUNDER */));
  const k = f32x4.sub(rounded, f4(12 /* ROUNDER */));
  const er = expReduced(clamped, k);
  const ki = i32x4.sub(rounded, i4(0 /* ROUNDER_BITS */));
  const half = i32x4.shr_s(ki, 1);
  const scale1 = i32x4.shl(i32x4.add(half, i4(1 /* 127 */)), 23);
  const scale2 = i32x4.shl(i32x4.add(i32x4.sub(ki, half), i4(1 /* 127 */)), 23);
  const result = f32x4.mul(f32x4.mul(er, scale1), scale2);
  // Beyond the clamp: infinity above, zero below; NaN passes through.
  const over = f32x4.gt(x, f4(10 /* EXP_MAX */));
  const under = f32x4.lt(x, f4(9 /* EXP_MIN */));
  const bounded = v128.bitselect(f4(13 /* Infinity */), v128.andnot(result, under), over);
  return v128.bitselect(x, bounded, f32x4.ne(x, x));
}

/** ln x for x > 0 (denormals included): x = m·2^e with m in [√½, √2), ln m by Cephes' degree-9 series in m - 1. 0 → -∞, x < 0 → NaN, ∞ → ∞. */
// @ts-ignore: decorator
@inline export function log4(x: v128): v128 {
  // Denormals: scale by 2^25 first so the exponent field holds all of x's scale.
  const tiny = f32x4.lt(x, f4(14 /* 1.17549435e-38 */));
  const scaled = v128.bitselect(f32x4.mul(x, f4(15 /* 33554432 */)), x, tiny);
  const bits = scaled;
  let e = i32x4.sub(i32x4.shr_u(bits, 23), i4(2 /* 126 */));
  e = i32x4.sub(e, v128.and(tiny, i4(3 /* 25 */)));
  // m in [0.5, 1)
  let m = v128.or(v128.and(bits, i4(4 /* 0x007fffff */)), i4(5 /* 0x3f000000 */));
  const small = f32x4.lt(m, f4(16 /* SQRT_HALF */));
  e = i32x4.add(e, small); // true lanes are -1
  m = f32x4.sub(f32x4.add(m, v128.and(m, small)), f4(8 /* 1 */));
  const ef = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(m, m);
  // Estrin's scheme, as in expReduced: four multiply-adds deep rather than nine.
  const z2 = f32x4.mul(z, z);
  const p01 = madd(f4(17 /* 7.0376836292e-2 */), m, f4(18 /* -1.1514610310e-1 */));
  const p23 = madd(f4(19 /* 1.1676998740e-1 */), m, f4(20 /* -1.2420140846e-1 */));
  const p45 = madd(f4(21 /* 1.4249322787e-1 */), m, f4(22 /* -1.6668057665e-1 */));
  const p67 = madd(f4(23 /* 2.0000714765e-1 */), m, f4(24 /* -2.4999993993e-1 */));
  const p03 = madd(p01, z, p23);
  const p47 = madd(p45, z, p67);
  const p = madd(madd(p03, z2, p47), m, f4(25 /* 3.3333331174e-1 */));
  let y = f32x4.mul(f32x4.mul(p, m), z);
  y = madd(ef, f4(1 /* LN2_LO */), y);
  y = f32x4.sub(y, f32x4.mul(z, f4(26 /* 0.5 */)));
  let result = madd(ef, f4(0 /* LN2_HI */), f32x4.add(m, y));
  result = v128.bitselect(f4(27 /* -Infinity */), result, f32x4.eq(x, f32x4.splat(0)));
  result = v128.bitselect(x, result, f32x4.eq(x, f4(13 /* Infinity */)));
  return v128.bitselect(f4(28 /* NaN */), result, v128.or(f32x4.lt(x, f32x4.splat(0)), f32x4.ne(x, x)));
}

/** ln(1 + u) for u ≥ 0, accurate where 1 + u rounds to 1 (Goldberg: ln(w)·u / (w - 1) with w = 1 + u). */
// @ts-ignore: decorator
@inline export function log1p4(u: v128): v128 {
  const w = f32x4.add(f4(8 /* 1 */), u);
  const wm1 = f32x4.sub(w, f4(8 /* 1 */));
  const lnW = log4(w);
  const corrected = f32x4.mul(lnW, f32x4.div(u, wm1));
  const exact = f32x4.eq(wm1, f32x4.splat(0));
  // Where w is infinite, ln w already is the answer.
  return v128.bitselect(u, v128.bitselect(lnW, corrected, f32x4.eq(w, f4(13 /* Infinity */))), exact);
}

// V8 as in Node 20 builds f32x4.abs's and f32x4.neg's masks in registers at each use (three
// instructions); a mask from the table is one load and one bitwise op.

/** -|x|: the sign bit set. */
// @ts-ignore: decorator
@inline export function negativeAbs4(x: v128): v128 {
  return v128.or(x, i4(6 /* 0x80000000 */));
}

/** 1 / (1 + e^-x), from e^-|x| so neither side overflows. */
// @ts-ignore: decorator
@inline export function sigmoid4(x: v128): v128 {
  return sigmoidFrom4(exp4(negativeAbs4(x)), x);
}

/** sigmoid(x) from e = e^-|x|, for a caller that has e already (the bce loss). */
// @ts-ignore: decorator
@inline export function sigmoidFrom4(e: v128, x: v128): v128 {
  const inverse = f32x4.div(f4(8 /* 1 */), f32x4.add(f4(8 /* 1 */), e));
  return v128.bitselect(inverse, f32x4.mul(e, inverse), f32x4.ge(x, f32x4.splat(0)));
}

/**
 * e^t for t ≤ 0 where a result below 2^-126 may as well be 0 (tanh of large |x|):
 * exp4's reduction and polynomial without its overflow, denormal and NaN-preserving steps
 * (NaN still propagates through the polynomial).
 */
// @ts-ignore: decorator
@inline function expNonPositive4(t: v128): v128 {
  const clamped = f32x4.pmax(t, f4(29 /* -87 */));
  const rounded = madd(clamped, f4(11 /* LOG2E */), f4(12 /* ROUNDER */));
  const k = f32x4.sub(rounded, f4(12 /* ROUNDER */));
  const er = expReduced(clamped, k);
  return f32x4.mul(er, i32x4.shl(i32x4.add(i32x4.sub(rounded, i4(0 /* ROUNDER_BITS */)), i4(1 /* 127 */)), 23));
}

/**
 * tanh to about 5 float32 ulps (1e-6 relative), for landscape grids, whose loss values need
 * 1e-4: one rational function (odd degree 13 over even degree 6, Eigen's float coefficients) of
 * x clamped to ±7.9053111, without exp and with one division, half tanh4's work. x times the
 * even ratio P/Q (rather than x·P over Q) keeps tiny and denormal x exact to the last ulp: the
 * ratio is 1 - 1.3e-7 there, so no select for small x is needed.
 */
// @ts-ignore: decorator
@inline export function roughTanh4(x: v128): v128 {
  const clamped = f32x4.pmin(f32x4.pmax(x, f4(30 /* -7.90531110763549805 */)), f4(31 /* 7.90531110763549805 */));
  // Horner's scheme in y = x²: the fewest multiplies, and the multiply pipes are what a grid's
  // tanh passes wait on (their values are independent, so the chains overlap; 9% faster than
  // Estrin's scheme per grid point).
  const y = f32x4.mul(clamped, clamped);
  let p = madd(f4(38 /* -2.76076847742355e-16 */), y, f4(37 /* 2.00018790482477e-13 */));
  p = madd(p, y, f4(36 /* -8.60467152213735e-11 */));
  p = madd(p, y, f4(35 /* 5.12229709037114e-8 */));
  p = madd(p, y, f4(34 /* 1.48572235717979e-5 */));
  p = madd(p, y, f4(33 /* 6.37261928875436e-4 */));
  p = madd(p, y, f4(32 /* 4.89352455891786e-3 */));
  let q = madd(f4(42 /* 1.19825839466702e-6 */), y, f4(41 /* 1.18534705686654e-4 */));
  q = madd(q, y, f4(40 /* 2.26843463243900e-3 */));
  q = madd(q, y, f4(39 /* 4.89352518554385e-3 */));
  return f32x4.mul(clamped, f32x4.div(p, q));
}

/** tanh: Cephes' odd polynomial below |x| = 0.625, else (1 - e) / (1 + e) with e = e^-2|x|; both from |x|, then x's sign (tanh(-0) = -0). */
// @ts-ignore: decorator
@inline export function tanh4(x: v128): v128 {
  const ax = v128.and(x, i4(7 /* 0x7fffffff */));
  const z = f32x4.mul(x, x);
  let p = f4(43 /* -5.70498872745e-3 */);
  p = madd(p, z, f4(44 /* 2.06390887954e-2 */));
  p = madd(p, z, f4(45 /* -5.37397155531e-2 */));
  p = madd(p, z, f4(46 /* 1.33314422036e-1 */));
  p = madd(p, z, f4(47 /* -3.33332819422e-1 */));
  const near = madd(f32x4.mul(p, z), ax, ax);
  const e = expNonPositive4(f32x4.mul(ax, f4(49 /* -2 */)));
  const far = f32x4.div(f32x4.sub(f4(8 /* 1 */), e), f32x4.add(f4(8 /* 1 */), e));
  return v128.or(v128.bitselect(near, far, f32x4.lt(ax, f4(48 /* 0.625 */))), v128.and(x, i4(6 /* 0x80000000 */)));
}
