import { previousRange, resolveWindow } from '../../domain/metrics/window-range';
import {
  daysBetween,
  monthsBetween,
  WINDOWED_METRICS,
  type WindowedMetric,
  windowedMetric,
} from '../../domain/metrics/windowed-metrics';
import type { MetricWindow } from '../../domain/scheme/window.schema';
import {
  daysOverdue,
  latestStagnation,
  orderSpans,
  type WindowSums,
  windowSumsFromRollups,
} from '../../store/metrics/window-sums';
import type { Deps } from '../deps';

/** One metric a scheme asks for: a catalog id (or custom./tag:) and, when windowed, its window. */
export interface MetricRequest {
  /** Key under which the values are returned (e.g. "revenue@last_n_months:12"). */
  key: string;
  metric: string;
  window?: MetricWindow;
}

/** Customers as columns: position i is the same customer in every array. */
export interface MetricTable {
  n: number;
  ids: Int32Array;
  codes: string[];
  names: string[];
  attributes: {
    type: string[];
    size: (string | null)[];
    region: (string | null)[];
    province: (string | null)[];
    industry: (string | null)[];
    ownerId: (number | null)[];
  };
  tags: Map<string, Uint8Array>;
  /** Months since the first order (or since the customer was created when it never ordered). */
  tenureMonths: Float64Array;
  values: Map<string, Float64Array>;
}

/** A stable key for a metric with its window. */
export function metricKey(metric: string, window?: MetricWindow): string {
  if (!window) return metric;
  const w = window as Record<string, unknown>;
  const parts = Object.keys(w)
    .filter((k) => k !== 'kind')
    .sort()
    .map((k) => `${k}=${w[k]}`);
  return `${metric}@${window.kind}${parts.length ? `:${parts.join(',')}` : ''}`;
}

/**
 * Loads every active customer with the requested metric values at `asOf`, as typed arrays for
 * the evaluator. Windowed metrics come from the monthly rollups (one grouped scan per distinct
 * window), so a re-tier never rescans the raw facts.
 */
export async function loadMetricTable(
  deps: Deps,
  requests: readonly MetricRequest[],
  asOf: string,
): Promise<MetricTable> {
  const db = deps.store.db;
  const customers = await db
    .selectFrom('customers')
    .select([
      'id',
      'code',
      'name',
      'type',
      'size',
      'region',
      'province',
      'industry',
      'owner_id',
      'created_at',
      'custom_fields',
    ])
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  const n = customers.length;
  const ids = new Int32Array(n);
  const at = new Map<number, number>();
  customers.forEach((c, i) => {
    ids[i] = c.id;
    at.set(c.id, i);
  });

  const toMonth = asOf.slice(0, 7);
  const spans = await orderSpans(db, toMonth);
  const firstOrder = new Map(spans.map((s) => [Number(s.customer_id), String(s.first)]));
  const lastOrder = new Map(spans.map((s) => [Number(s.customer_id), String(s.last)]));
  const tenureMonths = new Float64Array(n);
  customers.forEach((c, i) => {
    const since = firstOrder.get(c.id) ?? c.created_at.slice(0, 10);
    tenureMonths[i] = Math.max(0, monthsBetween(since, asOf));
  });

  const sumsCache = new Map<string, Map<number, WindowSums>>();
  const sumsFor = async (from: string, to: string) => {
    const k = `${from}..${to}`;
    let m = sumsCache.get(k);
    if (!m) {
      m = new Map((await windowSumsFromRollups(db, from, to)).map((s) => [s.customerId, s]));
      sumsCache.set(k, m);
    }
    return m;
  };

  const tagNames = new Set(
    requests.filter((r) => r.metric.startsWith('tag:')).map((r) => r.metric.slice(4)),
  );
  const tags = new Map<string, Uint8Array>();
  if (tagNames.size) {
    const rows = await db
      .selectFrom('customer_tags')
      .select(['customer_id', 'tag'])
      .where('tag', 'in', [...tagNames])
      .execute();
    for (const t of tagNames) tags.set(t, new Uint8Array(n));
    for (const r of rows) {
      const i = at.get(r.customer_id);
      if (i !== undefined) tags.get(r.tag)![i] = 1;
    }
  }

  const values = new Map<string, Float64Array>();
  for (const req of requests) {
    if (values.has(req.key)) continue;
    const out = new Float64Array(n);
    const m = req.metric;
    if ((WINDOWED_METRICS as readonly string[]).includes(m)) {
      const range = resolveWindow(req.window ?? { kind: 'last_n_months', months: 12 }, asOf);
      const sums = await sumsFor(range.fromMonth, range.toMonth);
      const prev =
        m === 'growth_rate'
          ? await sumsFor(previousRange(range).fromMonth, previousRange(range).toMonth)
          : undefined;
      for (let i = 0; i < n; i++) {
        const id = ids[i]!;
        out[i] = windowedMetric(m as WindowedMetric, sums.get(id), range.months, prev?.get(id));
      }
    } else if (m === 'days_since_last_order') {
      for (let i = 0; i < n; i++) {
        const last = lastOrder.get(ids[i]!);
        out[i] = last ? daysBetween(last, asOf) : Number.NaN;
      }
    } else if (m === 'tenure_months') {
      out.set(tenureMonths);
    } else if (m === 'days_overdue') {
      for (const r of await daysOverdue(db, deps.store.engine, asOf)) {
        const i = at.get(r.customerId);
        if (i !== undefined) out[i] = r.days;
      }
    } else if (m === 'inventory_stagnation') {
      const revenue = await sumsFor(
        resolveWindow({ kind: 'last_n_months', months: 12 }, asOf).fromMonth,
        toMonth,
      );
      out.fill(Number.NaN);
      for (const r of await latestStagnation(db, asOf)) {
        const i = at.get(r.customerId);
        const base = revenue.get(r.customerId)?.revenueMinor ?? 0;
        if (i !== undefined) out[i] = base > 0 ? Math.min(100, (r.valueMinor / base) * 100) : 100;
      }
    } else if (m.startsWith('tag:')) {
      const flags = tags.get(m.slice(4));
      for (let i = 0; i < n; i++) out[i] = flags?.[i] ?? 0;
    } else {
      // custom.<key>, and share_of_wallet, which companies record as a custom field.
      const key = m.startsWith('custom.') ? m.slice(7) : m;
      customers.forEach((c, i) => {
        const v = (JSON.parse(c.custom_fields || '{}') as Record<string, unknown>)[key];
        out[i] =
          typeof v === 'number'
            ? v
            : typeof v === 'boolean'
              ? v
                ? 1
                : 0
              : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))
                ? Number(v)
                : Number.NaN;
      });
    }
    values.set(req.key, out);
  }

  return {
    n,
    ids,
    codes: customers.map((c) => c.code),
    names: customers.map((c) => c.name),
    attributes: {
      type: customers.map((c) => c.type),
      size: customers.map((c) => c.size),
      region: customers.map((c) => c.region),
      province: customers.map((c) => c.province),
      industry: customers.map((c) => c.industry),
      ownerId: customers.map((c) => c.owner_id),
    },
    tags,
    tenureMonths,
    values,
  };
}
