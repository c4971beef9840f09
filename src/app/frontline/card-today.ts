import { periodOf } from '../../domain/policy/entitlement-period';
import { ENTITLEMENT_PERIODS } from '../../domain/policy/policy.schema';

/** The keys of every period `today` falls in: whatever an entitlement's period, its key is one of these. */
export function periodKeysOn(today: string): string[] {
  return ENTITLEMENT_PERIODS.map((p) => periodOf(p, today).key);
}

/** The month `n` months before `today`'s ('YYYY-MM'); with n = 11, the start of the last 12 months. */
export function monthsBack(today: string, n: number): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1 - n;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${yy}-${String(mm + 1).padStart(2, '0')}`;
}
