import type { ComparisonOp, Condition } from '../scheme/condition.schema';
import { type ConditionColumns, comparison, conditionHolds } from './condition-mask';

/** Why a condition does not hold for one customer, pruned to the parts that fail. */
export interface ConditionGap {
  /** Path inside the scheme, e.g. `assignment.rules[0].when.any[1]`. */
  path: string;
  kind: 'all' | 'any' | 'not' | 'metric' | 'attribute' | 'tag';
  /** all: every listed part must be met; any: meeting one listed alternative is enough. */
  parts?: ConditionGap[];
  metric?: string;
  op?: ComparisonOp;
  value?: number;
  /** The customer's value (NaN when missing). */
  current?: number;
  /** value − current for comparisons (e.g. +19000 revenue); absent when missing or for ==/!=. */
  change?: number;
  attribute?: string;
  in?: readonly string[];
  currentLabel?: string | null;
  tag?: string;
  /** For tags: whether the customer must carry it (false under a `not`). */
  required?: boolean;
}

/**
 * Explains a condition that fails for row i: for `all`, the parts that fail; for `any`, every
 * alternative with what it lacks; for a comparison, the customer's value and how far it is
 * from the line. Returns undefined when the condition holds.
 */
export function conditionGap(
  c: Condition,
  cols: ConditionColumns,
  i: number,
  path: string,
): ConditionGap | undefined {
  if (conditionHolds(c, cols, i)) return undefined;
  if (c.all || c.any) {
    const kind = c.all ? 'all' : 'any';
    const parts = (c.all ?? c.any)!
      .map((x, k) => conditionGap(x, cols, i, `${path}.${kind}[${k}]`))
      .filter((g): g is ConditionGap => g !== undefined);
    return { path, kind, parts };
  }
  if (c.not) {
    if (c.not.tag !== undefined) return { path, kind: 'tag', tag: c.not.tag, required: false };
    return { path, kind: 'not', parts: [describe(c.not, cols, i, `${path}.not`)] };
  }
  return describe(c, cols, i, path);
}

/** A leaf as it stands for row i, failing or not (used under `not`). */
function describe(c: Condition, cols: ConditionColumns, i: number, path: string): ConditionGap {
  if (c.metric !== undefined) {
    const current = cols.metrics.get(c.metric)![i]!;
    const gap: ConditionGap = { path, kind: 'metric', metric: c.metric, op: c.op!, current };
    if (c.value !== undefined) gap.value = c.value;
    const directional = c.op === '>=' || c.op === '>' || c.op === '<=' || c.op === '<';
    if (directional && !Number.isNaN(current) && !comparison(c.op!, c.value!)(current))
      gap.change = c.value! - current;
    return gap;
  }
  if (c.attribute !== undefined) {
    const col = cols.attributes![c.attribute]!;
    const k = col.codes[i]!;
    return {
      path,
      kind: 'attribute',
      attribute: c.attribute,
      in: c.in!,
      currentLabel: k >= 0 ? col.labels[k]! : null,
    };
  }
  if (c.tag !== undefined) return { path, kind: 'tag', tag: c.tag, required: true };
  return { path, kind: c.all ? 'all' : c.any ? 'any' : 'not', parts: [] };
}
