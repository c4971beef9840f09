import type { AttributeColumn, EvaluationInput } from './evaluation-input';
import type { TierOverride } from './override.schema';
import type { Plan } from './plan';

/** One customer as a plain object, for small sets (explanations, previews, tests). */
export interface CustomerRow {
  id: number;
  code: string;
  /** By metric key; text values make a dictionary-encoded (category) column. */
  metrics?: Record<string, number | string | null | undefined>;
  attributes?: Record<string, string | null | undefined>;
  tags?: readonly string[];
  tenureMonths?: number | null;
  previousTier?: string | null;
  belowCount?: number;
}

/**
 * Turns row objects into the columnar input `evaluate` takes, with every column the plan
 * requires (absent values become NaN / no value). Bulk loaders build the columns directly.
 */
export function columnarInput(
  plan: Plan,
  rows: readonly CustomerRow[],
  extra: { overrides?: readonly TierOverride[]; asOf?: string } = {},
): EvaluationInput {
  const n = rows.length;
  const metrics: Record<string, Float64Array> = {};
  const categories: Record<string, string[]> = {};
  const categorical = new Set(plan.requires.categories);
  for (const r of rows)
    for (const [k, v] of Object.entries(r.metrics ?? {}))
      if (typeof v === 'string') categorical.add(k);
  const keys = new Set([
    ...plan.requires.metrics,
    ...rows.flatMap((r) => Object.keys(r.metrics ?? {})),
  ]);
  for (const key of keys) {
    const col = new Float64Array(n).fill(Number.NaN);
    const labels: string[] = [];
    const codeOf = new Map<string, number>();
    rows.forEach((r, i) => {
      const v = r.metrics?.[key];
      if (v === null || v === undefined) return;
      if (categorical.has(key)) {
        const label = String(v);
        let code = codeOf.get(label);
        if (code === undefined) {
          code = labels.push(label) - 1;
          codeOf.set(label, code);
        }
        col[i] = code;
      } else col[i] = Number(v);
    });
    metrics[key] = col;
    if (categorical.has(key)) categories[key] = labels;
  }

  const attrNames = new Set([
    ...plan.requires.attributes,
    ...rows.flatMap((r) => Object.keys(r.attributes ?? {})),
  ]);
  const attributes: Record<string, AttributeColumn> = {};
  for (const a of attrNames) {
    const labels: string[] = [];
    const codeOf = new Map<string, number>();
    const codes = new Int32Array(n).fill(-1);
    rows.forEach((r, i) => {
      const v = r.attributes?.[a];
      if (v === null || v === undefined) return;
      let code = codeOf.get(v);
      if (code === undefined) {
        code = labels.push(v) - 1;
        codeOf.set(v, code);
      }
      codes[i] = code;
    });
    attributes[a] = { codes, labels };
  }

  const tags: Record<string, Uint8Array> = {};
  rows.forEach((r, i) => {
    for (const t of r.tags ?? []) {
      tags[t] ??= new Uint8Array(n);
      tags[t][i] = 1;
    }
  });

  const input: EvaluationInput = {
    n,
    ids: Int32Array.from(rows, (r) => r.id),
    codes: rows.map((r) => r.code),
    metrics,
    categories,
    attributes,
    tags,
    tenureMonths: Float64Array.from(rows, (r) => r.tenureMonths ?? Number.NaN),
  };
  if (rows.some((r) => r.previousTier !== undefined)) {
    input.previous = {
      tier: Int16Array.from(rows, (r) =>
        r.previousTier ? (plan.tierIndex.get(r.previousTier) ?? -1) : -1,
      ),
      belowCount: Uint16Array.from(rows, (r) => r.belowCount ?? 0),
    };
  }
  if (extra.overrides) input.overrides = extra.overrides;
  if (extra.asOf) input.asOf = extra.asOf;
  return input;
}
