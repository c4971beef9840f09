import type { ComparisonOp, Condition } from '../scheme/condition.schema';
import type { AttributeColumn } from './evaluation-input';

/** The columns conditions read. */
export interface ConditionColumns {
  n: number;
  metrics: ReadonlyMap<string, Float64Array>;
  attributes?: Readonly<Record<string, AttributeColumn>> | undefined;
  tags?: Readonly<Record<string, Uint8Array>> | undefined;
}

/**
 * Evaluates a condition for every row at once: 1 where it holds. Comparisons are false on a
 * missing value (NaN), `!=` included; use `missing` to test for absence.
 */
export function conditionMask(c: Condition, cols: ConditionColumns): Uint8Array {
  const { n } = cols;
  if (c.all || c.any) {
    const parts = (c.all ?? c.any)!;
    const out = conditionMask(parts[0]!, cols);
    for (let k = 1; k < parts.length; k++) {
      const m = conditionMask(parts[k]!, cols);
      if (c.all) for (let i = 0; i < n; i++) out[i]! &= m[i]!;
      else for (let i = 0; i < n; i++) out[i]! |= m[i]!;
    }
    return out;
  }
  if (c.not) {
    const out = conditionMask(c.not, cols);
    for (let i = 0; i < n; i++) out[i] = out[i] ? 0 : 1;
    return out;
  }
  const out = new Uint8Array(n);
  if (c.metric !== undefined) {
    const col = cols.metrics.get(c.metric)!;
    const test = comparison(c.op!, c.value ?? 0);
    for (let i = 0; i < n; i++) out[i] = test(col[i]!) ? 1 : 0;
  } else if (c.attribute !== undefined) {
    const col = cols.attributes![c.attribute]!;
    const table = labelTable(col.labels, c.in!);
    const codes = col.codes;
    for (let i = 0; i < n; i++) {
      const k = codes[i]!;
      out[i] = k >= 0 ? table[k]! : 0;
    }
  } else if (c.tag !== undefined) {
    const col = cols.tags?.[c.tag];
    if (col) for (let i = 0; i < n; i++) out[i] = col[i] ? 1 : 0;
  }
  return out;
}

/** Whether a condition holds for one row (explanations walk the tree row by row). */
export function conditionHolds(c: Condition, cols: ConditionColumns, i: number): boolean {
  if (c.all) return c.all.every((x) => conditionHolds(x, cols, i));
  if (c.any) return c.any.some((x) => conditionHolds(x, cols, i));
  if (c.not) return !conditionHolds(c.not, cols, i);
  if (c.metric !== undefined)
    return comparison(c.op!, c.value ?? 0)(cols.metrics.get(c.metric)![i]!);
  if (c.attribute !== undefined) {
    const col = cols.attributes![c.attribute]!;
    const k = col.codes[i]!;
    return k >= 0 && c.in!.includes(col.labels[k]!);
  }
  return Boolean(cols.tags?.[c.tag!]?.[i]);
}

/** The test of one comparison; NaN fails every comparison. */
export function comparison(op: ComparisonOp, value: number): (v: number) => boolean {
  switch (op) {
    case '>=':
      return (v) => v >= value;
    case '>':
      return (v) => v > value;
    case '<=':
      return (v) => v <= value;
    case '<':
      return (v) => v < value;
    case '==':
      return (v) => v === value;
    case '!=':
      return (v) => !Number.isNaN(v) && v !== value;
    case 'missing':
      return (v) => Number.isNaN(v);
    case 'present':
      return (v) => !Number.isNaN(v);
  }
}

function labelTable(labels: readonly string[], wanted: readonly string[]): Uint8Array {
  const set = new Set(wanted);
  const table = new Uint8Array(labels.length);
  labels.forEach((l, k) => {
    table[k] = set.has(l) ? 1 : 0;
  });
  return table;
}
