import { validationError } from '../../errors';
import { checkColumns } from '../pareto/check-columns';

/**
 * How customers moved between nine-grid cells from one period to the next: counts[9·from + to]
 * (row = first period's cell). `from[i]` and `to[i]` are the same customer's cells (0…8), so
 * each row sums to the first period's count of that cell and each column to the second's.
 * Customers present in one period only are left out by the caller (match by customer first).
 */
export function movementMatrix(from: ArrayLike<number>, to: ArrayLike<number>): Int32Array {
  const n = checkColumns('movementMatrix', [
    { field: 'from', values: from, rule: { integer: true } },
    { field: 'to', values: to, rule: { integer: true } },
  ]);
  const counts = new Int32Array(81);
  for (let i = 0; i < n; i++) {
    const a = from[i]!;
    const b = to[i]!;
    if (a > 8 || b > 8) {
      const field = a > 8 ? 'from' : 'to';
      throw validationError('movementMatrix: invalid input', [
        { field, row: i, value: a > 8 ? a : b, message: 'must be a cell index', expected: '0…8' },
      ]);
    }
    counts[9 * a + b]!++;
  }
  return counts;
}
