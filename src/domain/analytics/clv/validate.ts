import { validationError } from '../../errors';

/** Throws a VALIDATION error naming the field unless value is a finite number. */
export function requireFinite(field: string, value: number, row?: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw validationError(`${field} must be a finite number`, [
      { field, message: 'must be a finite number', value, ...(row === undefined ? {} : { row }) },
    ]);
  }
}

/** Finite and ≥ 0 (or > 0 when strict). */
export function requireNonNegative(field: string, value: number, row?: number, strict = false) {
  requireFinite(field, value, row);
  if (strict ? value <= 0 : value < 0) {
    const expected = strict ? '> 0' : '>= 0';
    throw validationError(`${field} must be ${expected}`, [
      {
        field,
        message: `must be ${expected}`,
        value,
        expected,
        ...(row === undefined ? {} : { row }),
      },
    ]);
  }
}

/** Model parameters must be finite and strictly positive. */
export function requirePositiveParams(params: Record<string, number>): void {
  for (const [field, value] of Object.entries(params))
    requireNonNegative(field, value, undefined, true);
}

/**
 * A customer's calibration summary must satisfy 0 ≤ t_x ≤ T, x ≥ 0 integer, and t_x = 0 when
 * x = 0 (no repeat purchase means recency equals the origin).
 */
export function requireSummary(x: number, tX: number, T: number, row?: number): void {
  requireNonNegative('x', x, row);
  requireNonNegative('t_x', tX, row);
  requireNonNegative('T', T, row);
  const issue = !Number.isInteger(x)
    ? { field: 'x', message: 'must be a whole number of repeat purchases', value: x }
    : tX > T
      ? { field: 't_x', message: 'must not exceed T', value: tX }
      : undefined;
  if (issue) {
    throw validationError(`${issue.field} ${issue.message}`, [
      { ...issue, ...(row === undefined ? {} : { row }) },
    ]);
  }
}
