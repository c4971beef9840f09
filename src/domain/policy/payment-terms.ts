import type { PaymentTerm, PolicyCatalog } from './policy.schema';

/** A term's position on the ladder (0 = most generous), or -1 when it is not on it. */
export function termIndex(ladder: readonly PaymentTerm[], termId: string): number {
  return ladder.findIndex((t) => t.id === termId);
}

/**
 * The term a customer may have: the tier's term moved `stepsDown` rungs toward the strict end
 * (late payments drop terms one level at once, seed 002), never past the last rung.
 */
export function effectiveTerm(
  catalog: PolicyCatalog,
  tierTerm: string,
  stepsDown: number,
): PaymentTerm {
  const ladder = catalog.paymentTerms;
  const base = Math.max(0, termIndex(ladder, tierTerm));
  const i = Math.min(ladder.length - 1, base + Math.max(0, stepsDown));
  return ladder[i] as PaymentTerm;
}

/** True when `requested` is no more generous than `allowed` on the ladder. */
export function termWithin(
  ladder: readonly PaymentTerm[],
  requested: string,
  allowed: string,
): boolean {
  const r = termIndex(ladder, requested);
  const a = termIndex(ladder, allowed);
  return r >= 0 && a >= 0 && r >= a;
}
