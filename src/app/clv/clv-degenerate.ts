import type { BgNbdParams } from '../../domain/analytics/clv/bgnbd';

/**
 * Largest a + b (dropout) and r (purchase rate) a stored model keeps. When every customer of a
 * data set has nearly the same dropout probability (or purchase rate), the likelihood keeps
 * rising as a + b (or r and α together) grow without bound at a fixed mean, and the fit runs
 * off to values such as a = 7·10⁶; the ₂F₁ in E[Y] then overflows. A Beta (or Gamma) this
 * concentrated is the same population for every practical purpose (at a + b = 1000 the spread
 * of the dropout probability is below 0.016), and the predictions stay computable.
 */
export const MAX_CONCENTRATION = 1000;

export interface TamedParams {
  params: BgNbdParams;
  /** What was scaled down, with the fitted values, or undefined when nothing was. */
  dropout?: { a: number; b: number };
  rate?: { r: number; alpha: number };
}

/**
 * Scales a and b (keeping a/(a + b), the mean dropout probability) and r and α (keeping r/α,
 * the mean purchase rate) down to {@link MAX_CONCENTRATION} when the fit ran past it.
 */
export function tameBgNbd(p: BgNbdParams): TamedParams {
  const out: TamedParams = { params: { ...p } };
  if (p.a + p.b > MAX_CONCENTRATION) {
    const s = MAX_CONCENTRATION / (p.a + p.b);
    out.params.a = p.a * s;
    out.params.b = p.b * s;
    out.dropout = { a: p.a, b: p.b };
  }
  if (p.r > MAX_CONCENTRATION) {
    const s = MAX_CONCENTRATION / p.r;
    out.params.r = p.r * s;
    out.params.alpha = p.alpha * s;
    out.rate = { r: p.r, alpha: p.alpha };
  }
  return out;
}
