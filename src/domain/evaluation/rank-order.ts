import { radixPositions, radixPositionsF64 } from './radix-order';

export interface TieBreakColumn {
  values: Float64Array;
  order: 'desc' | 'asc';
}

export interface RankKeys {
  score: Float64Array;
  tieBreaks: readonly TieBreakColumn[];
  codes: readonly string[];
}

/** Scores carry six decimals (see score-total.ts), so score × 1e6 is an exact integer key. */
const SCORE_STEPS = 1e6;
const sortedCodes = new WeakMap<readonly string[], boolean>();

/**
 * True when codes are strictly ascending in binary (code unit) order, as rows read with
 * `ORDER BY code COLLATE "C"` are. Cached per codes array, so what-if steps pay it once.
 */
export function codesAscending(codes: readonly string[]): boolean {
  const known = sortedCodes.get(codes);
  if (known !== undefined) return known;
  let ok = true;
  for (let i = 1; i < codes.length; i++) {
    if (!(codes[i - 1]! < codes[i]!)) {
      ok = false;
      break;
    }
  }
  sortedCodes.set(codes, ok);
  return ok;
}

/**
 * Orders `rows` (ascending row numbers) best first: score descending (NaN last), then each
 * tie-break column (missing values last), then customer code ascending (binary order).
 * Stable radix passes do all of it without a comparator: least significant key first (each
 * tie-break column from the last), the score last; rows enter in row order, which is code
 * order when the input comes sorted by code. Otherwise runs of rows equal on every key are
 * put in code order afterwards with string comparisons (the slow path).
 */
export function rankOrder(rows: Int32Array, keys: RankKeys): Int32Array {
  const len = rows.length;
  let pos: Int32Array | undefined;
  const tieKeys = keys.tieBreaks.map(({ values, order }) =>
    tieBreakKeys(rows, values, order === 'desc'),
  );
  for (let t = tieKeys.length - 1; t >= 0; t--) {
    const k = tieKeys[t]!;
    pos = k instanceof Uint32Array ? radixPositions(k, pos) : radixPositionsF64(k, pos);
  }
  const primary = primaryKeys(rows, keys.score);
  pos = primary.steps
    ? radixPositions(primary.steps, pos)
    : radixPositionsF64(primary.negated!, pos);
  const order = new Int32Array(len);
  for (let j = 0; j < len; j++) order[j] = rows[pos[j]!]!;
  if (codesAscending(keys.codes) || len < 2) return order;

  const same = (a: number, b: number) => {
    const pa = pos![a]!;
    const pb = pos![b]!;
    if (
      primary.steps
        ? primary.steps[pa] !== primary.steps[pb]
        : primary.negated![pa] !== primary.negated![pb]
    )
      return false;
    return tieKeys.every((k) => k[pa] === k[pb]);
  };
  const { codes } = keys;
  let start = 0;
  for (let j = 1; j <= len; j++) {
    if (j < len && same(start, j)) continue;
    if (j - start > 1) {
      const run = Array.from(order.subarray(start, j)).sort((x, y) =>
        codes[x]! < codes[y]! ? -1 : codes[x]! > codes[y]! ? 1 : x - y,
      );
      order.set(run, start);
    }
    start = j;
  }
  return order;
}

/**
 * Sort keys for the score, smaller = better. Engine scores are multiples of 1e-6, so
 * (best − score) × 1e6 is an exact unsigned integer; any other input (NaN, negative, finer
 * values) falls back to the negated doubles themselves, NaN last, so callers with arbitrary
 * scores get the same order as SQL's `ORDER BY score DESC NULLS LAST`.
 */
function primaryKeys(
  rows: Int32Array,
  score: Float64Array,
): { steps?: Uint32Array; negated?: Float64Array } {
  const len = rows.length;
  const steps = new Uint32Array(len);
  let best = 0;
  let exact = true;
  for (let j = 0; j < len; j++) {
    const s = score[rows[j]!]!;
    const k = Math.round(s * SCORE_STEPS);
    if (!(k >= 0 && k <= 0xffffffff && k / SCORE_STEPS === s)) {
      exact = false;
      break;
    }
    steps[j] = k;
    if (k > best) best = k;
  }
  if (exact) {
    for (let j = 0; j < len; j++) steps[j] = best - steps[j]!;
    return { steps };
  }
  const negated = new Float64Array(len);
  for (let j = 0; j < len; j++) {
    const s = score[rows[j]!]!;
    negated[j] = Number.isNaN(s) ? Number.POSITIVE_INFINITY : -s;
  }
  return { negated };
}

/**
 * Ascending sort keys of a tie-break column, missing values last whatever the order. Whole
 * numbers spanning less than 2^32 (counts, amounts in whole yuan) become unsigned offsets,
 * which sort in two radix passes instead of four.
 */
function tieBreakKeys(
  rows: Int32Array,
  values: Float64Array,
  desc: boolean,
): Uint32Array | Float64Array {
  const len = rows.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let whole = true;
  for (let j = 0; j < len; j++) {
    const v = values[rows[j]!]!;
    if (Number.isNaN(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
    if (whole && !Number.isInteger(v)) whole = false;
  }
  if (whole && (len === 0 || min > max || max - min < 0xffffffff)) {
    const missing = min > max ? 0 : max - min + 1;
    const k = new Uint32Array(len);
    for (let j = 0; j < len; j++) {
      const v = values[rows[j]!]!;
      k[j] = Number.isNaN(v) ? missing : desc ? max - v : v - min;
    }
    return k;
  }
  const k = new Float64Array(len);
  for (let j = 0; j < len; j++) {
    const v = values[rows[j]!]!;
    // −0 and 0 must tie, as they do in SQL: adding 0 turns −0 into 0.
    k[j] = Number.isNaN(v) ? Number.POSITIVE_INFINITY : desc ? -v + 0 : v + 0;
  }
  return k;
}
