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

/** e^r where r = x - k ln 2 (|r| ≤ ln2/2), by Cephes' degree-7 polynomial: e^x = 2^k of it. */
// @ts-ignore: decorator
@inline function expReduced(x: v128, k: v128): v128 {
  let r = f32x4.sub(x, f32x4.mul(k, f32x4.splat(LN2_HI)));
  r = f32x4.sub(r, f32x4.mul(k, f32x4.splat(LN2_LO)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  const er = f32x4.add(f32x4.add(f32x4.mul(f32x4.mul(p, r), r), r), f32x4.splat(1));
  return er;
}

/** e^x: x = k ln 2 + r with |r| ≤ ln2/2, e^r by a degree-7 polynomial, then 2^k in two halves so denormal results keep their bits. */
// @ts-ignore: decorator
@inline export function exp4(x: v128): v128 {
  const clamped = f32x4.pmin(f32x4.pmax(x, f32x4.splat(EXP_MIN)), f32x4.splat(EXP_MAX));
  const rounded = f32x4.add(f32x4.mul(clamped, f32x4.splat(LOG2E)), f32x4.splat(ROUNDER));
  const k = f32x4.sub(rounded, f32x4.splat(ROUNDER));
  const er = expReduced(clamped, k);
  const ki = i32x4.sub(rounded, i32x4.splat(ROUNDER_BITS));
  const half = i32x4.shr_s(ki, 1);
  const scale1 = i32x4.shl(i32x4.add(half, i32x4.splat(127)), 23);
  const scale2 = i32x4.shl(i32x4.add(i32x4.sub(ki, half), i32x4.splat(127)), 23);
  const result = f32x4.mul(f32x4.mul(er, scale1), scale2);
  // Beyond the clamp: infinity above, zero below; NaN passes through.
  const over = f32x4.gt(x, f32x4.splat(EXP_MAX));
  const under = f32x4.lt(x, f32x4.splat(EXP_MIN));
  const bounded = v128.bitselect(f32x4.splat(Infinity), v128.andnot(result, under), over);
  return v128.bitselect(x, bounded, f32x4.ne(x, x));
}

/** ln x for x > 0 (denormals included): x = m·2^e with m in [√½, √2), ln m by Cephes' degree-9 series in m - 1. 0 → -∞, x < 0 → NaN, ∞ → ∞. */
// @ts-ignore: decorator
@inline export function log4(x: v128): v128 {
  // Denormals: scale by 2^25 first so the exponent field holds all of x's scale.
  const tiny = f32x4.lt(x, f32x4.splat(1.17549435e-38));
  const scaled = v128.bitselect(f32x4.mul(x, f32x4.splat(33554432)), x, tiny);
  const bits = scaled;
  let e = i32x4.sub(i32x4.shr_u(bits, 23), i32x4.splat(126));
  e = i32x4.sub(e, v128.and(tiny, i32x4.splat(25)));
  // m in [0.5, 1)
  let m = v128.or(v128.and(bits, i32x4.splat(0x007fffff)), i32x4.splat(0x3f000000));
  const small = f32x4.lt(m, f32x4.splat(SQRT_HALF));
  e = i32x4.add(e, small); // true lanes are -1
  m = f32x4.sub(f32x4.add(m, v128.and(m, small)), f32x4.splat(1));
  const ef = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(m, m);
  let p = f32x4.splat(7.0376836292e-2);
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-1.1514610310e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(1.1676998740e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-1.2420140846e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(1.4249322787e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-1.6668057665e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(2.0000714765e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(-2.4999993993e-1));
  p = f32x4.add(f32x4.mul(p, m), f32x4.splat(3.3333331174e-1));
  let y = f32x4.mul(f32x4.mul(p, m), z);
  y = f32x4.add(y, f32x4.mul(ef, f32x4.splat(LN2_LO)));
  y = f32x4.sub(y, f32x4.mul(z, f32x4.splat(0.5)));
  let result = f32x4.add(f32x4.add(m, y), f32x4.mul(ef, f32x4.splat(LN2_HI)));
  result = v128.bitselect(f32x4.splat(-Infinity), result, f32x4.eq(x, f32x4.splat(0)));
  result = v128.bitselect(x, result, f32x4.eq(x, f32x4.splat(Infinity)));
  return v128.bitselect(f32x4.splat(NaN), result, v128.or(f32x4.lt(x, f32x4.splat(0)), f32x4.ne(x, x)));
}

/** ln(1 + u) for u ≥ 0, accurate where 1 + u rounds to 1 (Goldberg: ln(w)·u / (w - 1) with w = 1 + u). */
// @ts-ignore: decorator
@inline export function log1p4(u: v128): v128 {
  const w = f32x4.add(f32x4.splat(1), u);
  const wm1 = f32x4.sub(w, f32x4.splat(1));
  const lnW = log4(w);
  const corrected = f32x4.mul(lnW, f32x4.div(u, wm1));
  const exact = f32x4.eq(wm1, f32x4.splat(0));
  // Where w is infinite, ln w already is the answer.
  return v128.bitselect(u, v128.bitselect(lnW, corrected, f32x4.eq(w, f32x4.splat(Infinity))), exact);
}

/** 1 / (1 + e^-x), from e^-|x| so neither side overflows. */
// @ts-ignore: decorator
@inline export function sigmoid4(x: v128): v128 {
  const e = exp4(f32x4.neg(f32x4.abs(x)));
  const inverse = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
  return v128.bitselect(inverse, f32x4.mul(e, inverse), f32x4.ge(x, f32x4.splat(0)));
}

/**
 * e^t for t ≤ 0 where a result below 2^-126 may as well be 0 (tanh of large |x|):
 * exp4's reduction and polynomial without its overflow, denormal and NaN-preserving steps
 * (NaN still propagates through the polynomial).
 */
// @ts-ignore: decorator
@inline function expNonPositive4(t: v128): v128 {
  const clamped = f32x4.pmax(t, f32x4.splat(-87));
  const rounded = f32x4.add(f32x4.mul(clamped, f32x4.splat(LOG2E)), f32x4.splat(ROUNDER));
  const k = f32x4.sub(rounded, f32x4.splat(ROUNDER));
  const er = expReduced(clamped, k);
  return f32x4.mul(er, i32x4.shl(i32x4.add(i32x4.sub(rounded, i32x4.splat(ROUNDER_BITS)), i32x4.splat(127)), 23));
}

/**
 * tanh to about 6 float32 ulps (1e-6 relative), for landscape grids, whose loss values need
 * 1e-4: one rational function (odd degree 13 over even degree 6, Eigen's float coefficients) of
 * x clamped to ±7.9053111, without exp and with one division, half tanh4's work; x itself below 0.0004.
 */
// @ts-ignore: decorator
@inline export function roughTanh4(x: v128): v128 {
  const clamped = f32x4.pmin(f32x4.pmax(x, f32x4.splat(-7.90531110763549805)), f32x4.splat(7.90531110763549805));
  // Estrin's scheme in y = x²: short dependency chains, so neighbouring lanes' work overlaps.
  const y = f32x4.mul(clamped, clamped);
  const y2 = f32x4.mul(y, y);
  const y4 = f32x4.mul(y2, y2);
  const p01 = f32x4.add(f32x4.splat(4.89352455891786e-3), f32x4.mul(f32x4.splat(6.37261928875436e-4), y));
  const p23 = f32x4.add(f32x4.splat(1.48572235717979e-5), f32x4.mul(f32x4.splat(5.12229709037114e-8), y));
  const p45 = f32x4.add(f32x4.splat(-8.60467152213735e-11), f32x4.mul(f32x4.splat(2.00018790482477e-13), y));
  const p456 = f32x4.add(p45, f32x4.mul(f32x4.splat(-2.76076847742355e-16), y2));
  const p = f32x4.add(f32x4.add(p01, f32x4.mul(p23, y2)), f32x4.mul(p456, y4));
  const q01 = f32x4.add(f32x4.splat(4.89352518554385e-3), f32x4.mul(f32x4.splat(2.26843463243900e-3), y));
  const q23 = f32x4.add(f32x4.splat(1.18534705686654e-4), f32x4.mul(f32x4.splat(1.19825839466702e-6), y));
  const q = f32x4.add(q01, f32x4.mul(q23, y2));
  // Below 0.0004 tanh x rounds to x, which the rational form loses among denormals.
  return v128.bitselect(x, f32x4.div(f32x4.mul(p, clamped), q), f32x4.lt(f32x4.abs(x), f32x4.splat(0.0004)));
}

/** tanh: Cephes' odd polynomial below |x| = 0.625, else (1 - e) / (1 + e) with e = e^-2|x|; both from |x|, then x's sign (tanh(-0) = -0). */
// @ts-ignore: decorator
@inline export function tanh4(x: v128): v128 {
  const ax = f32x4.abs(x);
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-5.70498872745e-3);
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(2.06390887954e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.37397155531e-2));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.33314422036e-1));
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.33332819422e-1));
  const near = f32x4.add(f32x4.mul(f32x4.mul(p, z), ax), ax);
  const e = expNonPositive4(f32x4.neg(f32x4.add(ax, ax)));
  const far = f32x4.div(f32x4.sub(f32x4.splat(1), e), f32x4.add(f32x4.splat(1), e));
  return v128.or(v128.bitselect(near, far, f32x4.lt(ax, f32x4.splat(0.625))), v128.and(x, i32x4.splat(0x80000000)));
}
