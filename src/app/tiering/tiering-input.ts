import type { AttributeColumn, EvaluationInput, Plan, TierOverride } from '../../domain/evaluation';
import { customerTextValues } from '../../store/tiering/customer-text.repository';
import { activeOverrides, publishedTiers } from '../../store/tiering/runs.repository';
import type { Deps } from '../deps';
import { loadMetricTable, type MetricRequest, type MetricTable } from '../metrics/metric-table';

/** What a run or a what-if step evaluates: the input, plus columns for money shares. */
export interface TieringInput {
  input: EvaluationInput;
  names: string[];
  /** Revenue per row (the scheme's revenue metric, else revenue over the last 12 months). */
  revenue: Float64Array;
  profit: Float64Array;
  /** Published tier per row (index into plan.tiers, -1 none), for the migration matrix. */
  published: Int16Array;
}

const MONEY_REVENUE = '__revenue';
const MONEY_PROFIT = '__profit';
const LAST_12 = { kind: 'last_n_months', months: 12 } as const;

/** One metric request per measured metric of the plan, keyed as the plan names its columns. */
export function metricRequests(plan: Plan): MetricRequest[] {
  const out: MetricRequest[] = [];
  for (const m of plan.metrics) {
    if (m.derive || !m.id) continue;
    const decl = plan.scheme.metrics[m.index];
    out.push({ key: m.key, metric: m.id, ...(decl?.window ? { window: decl.window } : {}) });
  }
  // Tags read by rules, gates and the segment filter: the metric table loads them as flags.
  for (const tag of plan.requires.tags) out.push({ key: `tag:${tag}`, metric: `tag:${tag}` });
  out.push({ key: MONEY_REVENUE, metric: 'revenue', window: LAST_12 });
  out.push({ key: MONEY_PROFIT, metric: 'profit', window: LAST_12 });
  return out;
}

/** Row order ascending by code in binary order, so quota ties need no string comparison. */
function codeOrder(codes: readonly string[]): Int32Array {
  const order = Int32Array.from(codes, (_, i) => i);
  order.sort((a, b) => (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0));
  return order;
}

function pick(col: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = col[order[i]!]!;
  return out;
}

function encode(values: readonly (string | number | null)[], order: Int32Array): AttributeColumn {
  const labels: string[] = [];
  const at = new Map<string, number>();
  const codes = new Int32Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const v = values[order[i]!];
    if (v === null || v === undefined || v === '') {
      codes[i] = -1;
      continue;
    }
    const s = String(v);
    let k = at.get(s);
    if (k === undefined) {
      k = labels.length;
      labels.push(s);
      at.set(s, k);
    }
    codes[i] = k;
  }
  return { codes, labels };
}

/**
 * Builds the evaluation input of a scheme at an as-of date from the metric table: rows sorted
 * by code, attributes dictionary-encoded, tags, tenure, the scheme's published tiers as the
 * previous tiers, and its active overrides.
 */
export async function loadTieringInput(
  deps: Deps,
  plan: Plan,
  schemeId: number,
  asOf: string,
): Promise<TieringInput> {
  const table = await loadMetricTable(deps, metricRequests(plan), asOf);
  const fields = textFieldsOf(plan);
  const needText = fields.length > 0 || plan.requires.attributes.includes('city');
  return tieringInputFrom(plan, table, asOf, {
    published: await publishedTiers(deps.store.db, schemeId),
    overrides: await activeOverrides(deps.store.db, schemeId),
    ...(needText ? { text: await customerTextValues(deps.store.db, fields) } : {}),
  });
}

/** Custom fields read as text: category criteria on custom.<key>, and custom.<key> attributes. */
function textFieldsOf(plan: Plan): string[] {
  const out = new Set<string>();
  for (const key of plan.requires.categories) {
    const id = plan.metrics.find((m) => m.key === key)?.id;
    if (id?.startsWith('custom.')) out.add(id.slice(7));
  }
  for (const a of plan.requires.attributes) if (a.startsWith('custom.')) out.add(a.slice(7));
  return [...out];
}

const textOf = (v: unknown): string | null =>
  v === null || v === undefined || v === ''
    ? null
    : typeof v === 'object'
      ? JSON.stringify(v)
      : String(v);

export function tieringInputFrom(
  plan: Plan,
  table: MetricTable,
  asOf: string,
  state: {
    published: Map<number, { tier: string; belowCount: number }>;
    overrides: {
      customerId: number;
      tier: string;
      reason: string;
      approverId: number | null;
      expiresOn: string | null;
    }[];
    /** City and custom fields by customer id, when the scheme reads them as text. */
    text?: Map<number, { city: string | null; custom: Record<string, unknown> }>;
  },
): TieringInput {
  const n = table.n;
  const order = codeOrder(table.codes);
  const ids = Int32Array.from(order, (k) => table.ids[k]!);
  const codes = Array.from(order, (k) => table.codes[k]!);
  const metrics: Record<string, Float64Array> = {};
  for (const key of plan.requires.metrics) {
    const col = table.values.get(key);
    if (col) metrics[key] = pick(col, order);
  }
  // Category criteria on text values: dictionary codes in the metric column, labels beside.
  const categories: Record<string, string[]> = {};
  for (const key of plan.requires.categories) {
    const id = plan.metrics.find((m) => m.key === key)?.id;
    if (!id?.startsWith('custom.') || !state.text) continue;
    const field = id.slice(7);
    const col = encode(
      Array.from(table.ids, (cid) => textOf(state.text!.get(cid)?.custom[field])),
      order,
    );
    metrics[key] = Float64Array.from(col.codes, (c) => (c < 0 ? Number.NaN : c));
    categories[key] = [...col.labels];
  }
  const tags: Record<string, Uint8Array> = {};
  for (const [name, flags] of table.tags) {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = flags[order[i]!]!;
    tags[name] = out;
  }
  const a = table.attributes;
  const source: Record<string, readonly (string | number | null)[]> = {
    type: a.type,
    size: a.size,
    region: a.region,
    province: a.province,
    industry: a.industry,
  };
  if (state.text) {
    const text = state.text;
    source.city = Array.from(table.ids, (id) => text.get(id)?.city ?? null);
    for (const name of plan.requires.attributes)
      if (name.startsWith('custom.'))
        source[name] = Array.from(table.ids, (id) => textOf(text.get(id)?.custom[name.slice(7)]));
  }
  const attributes: Record<string, AttributeColumn> = {};
  for (const name of plan.requires.attributes) {
    attributes[name] = source[name]
      ? encode(source[name], order)
      : { codes: new Int32Array(n).fill(-1), labels: [] };
  }
  const tier = new Int16Array(n).fill(-1);
  const belowCount = new Uint16Array(n);
  ids.forEach((id, i) => {
    const p = state.published.get(id);
    if (!p) return;
    tier[i] = plan.tierIndex.get(p.tier) ?? -1;
    belowCount[i] = Math.min(65535, p.belowCount);
  });
  // The latest unexpired override of each customer of this table counts.
  const known = new Set(ids);
  const latest = new Map<number, TierOverride>();
  for (const o of state.overrides) {
    if (!known.has(o.customerId) || !plan.tierIndex.has(o.tier)) continue;
    if (o.expiresOn && o.expiresOn < asOf) continue;
    latest.set(o.customerId, {
      customerId: o.customerId,
      tier: o.tier,
      reason: o.reason,
      approver: o.approverId === null ? 'unknown' : `user ${o.approverId}`,
      ...(o.expiresOn ? { expiresOn: o.expiresOn } : {}),
    });
  }
  const overrides = [...latest.values()];
  const input: EvaluationInput = {
    n,
    ids,
    codes,
    metrics,
    categories,
    attributes,
    tags,
    tenureMonths: pick(table.tenureMonths, order),
    previous: { tier, belowCount },
    overrides,
    asOf,
  };
  return {
    input,
    names: Array.from(order, (k) => table.names[k]!),
    revenue: pick(table.values.get(MONEY_REVENUE)!, order),
    profit: pick(table.values.get(MONEY_PROFIT)!, order),
    published: tier,
  };
}
