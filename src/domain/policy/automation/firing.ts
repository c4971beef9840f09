import type { RuleKey } from './rule-catalog';

/**
 * One thing a rule found about one customer. The dedupe key (rule, customer, period) makes a
 * rule fire once for the same thing however often it is evaluated: the quarter for late
 * payments, the last order for a silence, the month for satisfaction, and so on.
 */
export interface Firing<E = object> {
  rule: RuleKey;
  customerId: number;
  period: string;
  dedupeKey: string;
  evidence: E;
}

/** Builds a firing with its dedupe key `rule:customer:period`. */
export function firing<E>(
  rule: RuleKey,
  customerId: number,
  period: string,
  evidence: E,
): Firing<E> {
  return { rule, customerId, period, dedupeKey: `${rule}:${customerId}:${period}`, evidence };
}

/** Rounds for evidence shown to people (decisions use the exact values). */
export function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
