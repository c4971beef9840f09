import { type FieldIssue, validationError } from '../../errors';

/** What a numeric input column may hold. */
export interface ColumnRule {
  /** Negative values allowed (profit can be a loss; counts and days cannot). */
  allowNegative?: boolean;
  /** Only whole numbers (purchase counts, day numbers). */
  integer?: boolean;
}

/** Issues found so far stop at this many per column: one bad column in a million rows must not build a million-entry error. */
const MAX_ISSUES_PER_COLUMN = 5;

/**
 * Checks one column: every value finite (never NaN), non-negative unless allowed, whole when
 * asked. Returns the problems with the field name and the 0-based row, at most a few per column.
 */
export function columnIssues(
  field: string,
  values: ArrayLike<number>,
  rule: ColumnRule = {},
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (let i = 0; i < values.length && issues.length < MAX_ISSUES_PER_COLUMN; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) {
      issues.push({ field, row: i, value: v, message: 'must be a finite number' });
    } else if (!rule.allowNegative && v < 0) {
      issues.push({ field, row: i, value: v, message: 'must not be negative', expected: '≥ 0' });
    } else if (rule.integer && !Number.isInteger(v)) {
      issues.push({ field, row: i, value: v, message: 'must be a whole number' });
    }
  }
  return issues;
}

/**
 * Validates a set of per-customer columns of one computation: none empty, all the same length,
 * every value allowed by its rule. Throws one VALIDATION DomainError listing every issue, each
 * naming its field (and row), so a caller sees all that is wrong at once.
 */
export function checkColumns(
  computation: string,
  columns: ReadonlyArray<{ field: string; values: ArrayLike<number>; rule?: ColumnRule }>,
): number {
  const first = columns[0];
  const n = first ? first.values.length : 0;
  const issues: FieldIssue[] = [];
  for (const c of columns) {
    if (c.values.length === 0) {
      issues.push({ field: c.field, message: 'must not be empty', expected: '≥ 1 customer' });
    } else if (c.values.length !== n) {
      issues.push({
        field: c.field,
        message: `has ${c.values.length} values where ${first!.field} has ${n}`,
        value: c.values.length,
        expected: `${n} values`,
      });
    } else {
      issues.push(...columnIssues(c.field, c.values, c.rule));
    }
  }
  if (issues.length > 0) throw validationError(`${computation}: invalid input`, issues);
  return n;
}

/** Throws a VALIDATION DomainError for one bad option. */
export function invalidOption(
  computation: string,
  field: string,
  value: unknown,
  expected: string,
): never {
  throw validationError(`${computation}: invalid ${field}`, [
    { field, value, expected, message: `must be ${expected}` },
  ]);
}
