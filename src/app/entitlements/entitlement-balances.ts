import type { Kysely } from 'kysely';
import { balanceOf } from '../../domain/policy/entitlement-balance';
import { type PeriodSpan, periodOf } from '../../domain/policy/entitlement-period';
import type { Entitlement } from '../../domain/policy/policy.schema';
import { usedInPeriods } from '../../store/entitlements/entitlement-balances.repository';
import { receivedChoices } from '../../store/entitlements/entitlement-uses.repository';
import type { DB } from '../../store/schema';

/** One entitlement of the customer's tier with what is left of it this period. */
export interface EntitlementBalance {
  key: string;
  name: { zh: string; en: string };
  quantity: number | null;
  period: Entitlement['period'];
  periodKey: string;
  periodStart: string | null;
  periodEnd: string | null;
  used: number;
  /** Uses left this period; null = unlimited. */
  remaining: number | null;
  minBatch: number | null;
  choices: { key: string; name: { zh: string; en: string } }[];
  noRepeat: boolean;
  /** Choices the customer already received (not voided), in the order given. */
  received: string[];
}

/**
 * The balances of a tier's entitlements on `today` from uses already read: `usedOf(key, period)`
 * gives the uses counted in a period, `received` the choices given per entitlement.
 */
export function balancesFrom(
  entitlements: readonly Entitlement[],
  today: string,
  usedOf: (key: string, periodKey: string) => number,
  received: ReadonlyMap<string, string[]>,
): EntitlementBalance[] {
  return entitlements.map((e) => {
    const span: PeriodSpan = periodOf(e.period, today);
    const b = balanceOf(e, usedOf(e.key, span.key));
    return {
      key: e.key,
      name: e.name,
      quantity: e.quantity,
      period: e.period,
      periodKey: span.key,
      periodStart: span.start,
      periodEnd: span.end,
      used: b.used,
      remaining: b.remaining,
      minBatch: e.minBatch,
      choices: e.choices,
      noRepeat: e.noRepeat,
      received: received.get(e.key) ?? [],
    };
  });
}

/**
 * The balances of a tier's entitlements for one customer on `today`: two indexed reads (the
 * balance rows of the current periods and the choices received), whatever the number of
 * entitlements.
 */
export async function balancesFor(
  db: Kysely<DB>,
  customerId: number,
  entitlements: readonly Entitlement[],
  today: string,
): Promise<EntitlementBalance[]> {
  if (entitlements.length === 0) return [];
  const withChoices = entitlements.some((e) => e.choices.length > 0);
  const [used, received] = await Promise.all([
    usedInPeriods(
      db,
      customerId,
      entitlements.map((e) => ({ key: e.key, periodKey: periodOf(e.period, today).key })),
    ),
    withChoices ? receivedChoices(db, customerId) : Promise.resolve(new Map<string, string[]>()),
  ]);
  return balancesFrom(entitlements, today, (key) => used.get(key) ?? 0, received);
}
