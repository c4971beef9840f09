/**
 * Seeded random numbers for the lifetime-value benchmark's synthetic customers. Everything is
 * reproducible from one integer seed, so two runs simulate the same million customers and their
 * fitted parameters can be compared.
 *
 * - Uniforms: xoshiro128** (Blackman & Vigna), 32-bit state words seeded by splitmix32; a double
 *   takes 53 bits from two outputs and is never 0 or 1 (log(u) and u^(1/a) stay finite).
 * - Normals: Marsaglia's polar method (no trigonometry; the second value is kept for the next
 *   call).
 * - Gamma(shape, rate): Marsaglia & Tsang (2000), "A simple method for generating gamma
 *   variables", ACM TOMS 26(3): squeeze and log tests on a transformed normal, ~1.03 normals a
 *   draw for shape ≥ 1; shape < 1 draws Gamma(shape + 1) and multiplies by u^(1/shape)
 *   (their section 6), taken in logs so a very small shape does not underflow to 0.
 * - Beta(a, b) = X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b).
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare: number | null = null;

  constructor(seed: number) {
    // splitmix32 spreads a small seed over the four state words (never all zero).
    let x = seed >>> 0;
    const next = () => {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next() | 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1), 53 bits. */
  uniform(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67_108_864 + lo + 0.5) / 9_007_199_254_740_992;
  }

  /** Standard normal, Marsaglia's polar method. */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    for (;;) {
      const u = 2 * this.uniform() - 1;
      const v = 2 * this.uniform() - 1;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      this.spare = v * m;
      return u * m;
    }
  }

  /** Exponential with the given rate (mean 1/rate). */
  exponential(rate: number): number {
    return -Math.log(this.uniform()) / rate;
  }

  /** ln of a Gamma(shape, 1) draw; see the class comment. */
  logGamma1(shape: number): number {
    if (shape < 1) return this.logGamma1(shape + 1) + Math.log(this.uniform()) / shape;
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = this.normal();
      const t = 1 + c * x;
      if (t <= 0) continue;
      const v = t * t * t;
      const u = this.uniform();
      const x2 = x * x;
      // The squeeze accepts ~98% of draws without a logarithm.
      if (u < 1 - 0.0331 * x2 * x2) return Math.log(d * v);
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return Math.log(d * v);
    }
  }

  /** Gamma with shape k and rate θ (mean k/θ). */
  gamma(shape: number, rate: number): number {
    return Math.exp(this.logGamma1(shape)) / rate;
  }

  /** Beta(a, b), as the ratio of two gammas (computed in logs: small shapes do not underflow). */
  beta(a: number, b: number): number {
    const lx = this.logGamma1(a);
    const ly = this.logGamma1(b);
    // x / (x + y) = 1 / (1 + e^{ly − lx})
    return 1 / (1 + Math.exp(ly - lx));
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
