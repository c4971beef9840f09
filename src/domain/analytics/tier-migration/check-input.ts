import { type FieldIssue, validationError } from '../../errors';

/** Issues found so far stop at this many a column, so one bad column never builds a huge error. */
const MAX_ISSUES = 5;

/** A per-customer column of tier indexes or money to check. */
export interface TierColumn {
  field: string;
  values: ArrayLike<number>;
  /** Tier indexes: whole numbers from −1 (no tier) to tiers − 1. Otherwise money: finite. */
  tiers?: number;
}

/**
 * Checks the columns of one computation: all the same length (empty is fine: an empty figure),
 * tier indexes whole and in range, money finite. Throws one VALIDATION error naming every bad
 * field and row. Returns the number of customers.
 */
export function checkTierColumns(computation: string, columns: readonly TierColumn[]): number {
  const n = columns[0]?.values.length ?? 0;
  const issues: FieldIssue[] = [];
  for (const c of columns) {
    if (c.values.length !== n) {
      issues.push({
        field: c.field,
        message: `has ${c.values.length} values where ${columns[0]!.field} has ${n}`,
        value: c.values.length,
        expected: `${n} values`,
      });
      continue;
    }
    let found = 0;
    for (let i = 0; i < n && found < MAX_ISSUES; i++) {
      const v = c.values[i]!;
      const bad =
        c.tiers === undefined
          ? !Number.isFinite(v)
          : !Number.isInteger(v) || v < -1 || v >= c.tiers;
      if (!bad) continue;
      found++;
      issues.push(
        c.tiers === undefined
          ? { field: c.field, row: i, value: v, message: 'must be a finite number' }
          : {
              field: c.field,
              row: i,
              value: v,
              message: 'must be a tier index',
              expected: `-1 (no tier) … ${c.tiers - 1}`,
            },
      );
    }
  }
  if (issues.length > 0) throw validationError(`${computation}: invalid input`, issues);
  return n;
}
