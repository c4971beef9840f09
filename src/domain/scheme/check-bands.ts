import type { Band } from './criterion.schema';
import type { IssuePath, SchemeIssue } from './scheme-issue';

const fmt = (v: number | undefined, open: string) => (v === undefined ? open : String(v));
const show = (b: Band) => `[${fmt(b.min, '−∞')}, ${fmt(b.max, '∞')})`;

/**
 * Checks the bands of one criterion. Bands are half-open, min ≤ v < max, with open ends when
 * min or max is left out. They may be listed in any order but must not overlap; with `cover`
 * they must also leave no gap across the metric's range (the whole number line when the
 * catalog gives none). Issues point at the band field that causes them.
 */
export function checkBands(
  bands: readonly Band[],
  cover: boolean,
  range: readonly [number, number] | undefined,
  path: IssuePath,
  issues: SchemeIssue[],
): void {
  let broken = false;
  bands.forEach((b, i) => {
    if (b.min !== undefined && b.max !== undefined && b.min >= b.max) {
      issues.push({
        path: [...path, i, 'max'],
        message: `band max ${b.max} must be greater than its min ${b.min}`,
      });
      broken = true;
    }
  });
  if (broken) return;

  const lo = (b: Band) => b.min ?? Number.NEGATIVE_INFINITY;
  const hi = (b: Band) => b.max ?? Number.POSITIVE_INFINITY;
  const order = bands.map((_, i) => i).sort((a, b) => lo(bands[a]!) - lo(bands[b]!) || a - b);

  for (let k = 1; k < order.length; k++) {
    const pi = order[k - 1]!;
    const ci = order[k]!;
    const prev = bands[pi]!;
    const cur = bands[ci]!;
    if (hi(prev) > lo(cur)) {
      issues.push({
        path: [...path, ci, cur.min === undefined ? 'max' : 'min'],
        message: `band ${show(cur)} overlaps band ${show(prev)} (bands[${pi}]): a value may fall in only one band`,
      });
    } else if (cover && hi(prev) < lo(cur)) {
      issues.push({
        path: [...path, ci, 'min'],
        message: `gap between ${prev.max} and ${cur.min}: values from ${prev.max} up to ${cur.min} fall in no band; with cover: true the bands must leave no gap`,
      });
    }
  }
  if (!cover) return;

  const [rMin, rMax] = range ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const first = bands[order[0]!]!;
  if (lo(first) > rMin) {
    issues.push({
      path: [...path, order[0]!, 'min'],
      message: `values below ${first.min} fall in no band; with cover: true leave min out on the lowest band`,
    });
  }
  const lastIndex = order[order.length - 1]!;
  const last = bands[lastIndex]!;
  if (last.max !== undefined && last.max <= rMax) {
    const edge = last.max === rMax ? `${last.max} itself` : `values from ${last.max} up`;
    issues.push({
      path: [...path, lastIndex, 'max'],
      message: `${edge} fall in no band (a band excludes its max); with cover: true leave max out on the highest band`,
    });
  }
}
