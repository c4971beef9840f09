import { sql } from 'kysely';
import { previousRange, resolveWindow } from '../../domain/metrics/window-range';
import {
  daysBetween,
  monthsBetween,
  type Sums,
  WINDOWED_METRICS,
  type WindowedMetric,
  windowedMetric,
} from '../../domain/metrics/windowed-metrics';
import type { MetricWindow } from '../../domain/scheme/window.schema';
import { daysOverdue, latestStagnation } from '../../store/metrics/window-sums';
import { type ClvMetricId, isClvMetric, loadClvMetricColumns } from '../clv/clv-metrics';
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
 * the evaluator. Windowed metrics come from the monthly rollups (one grouped scan for every
 * window, see loadRollups), so a re-tier never rescans the raw facts.
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
  const rollups = await loadRollups(deps, requests, asOf, at, n);
  const tenureMonths = new Float64Array(n);
  customers.forEach((c, i) => {
    const since = rollups.firstOrder[i] ?? c.created_at.slice(0, 10);
    tenureMonths[i] = Math.max(0, monthsBetween(since, asOf));
  });

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
  // Custom fields parsed once for all custom metrics, not once per metric: ABCD reads three,
  // which were three JSON.parse passes over every customer.
  let customFields: Record<string, unknown>[] | undefined;
  // The lifetime-value metrics come from one read of the newest model, shared by all three.
  let clvColumns: Map<ClvMetricId, Float64Array> | undefined;
  for (const req of requests) {
    if (values.has(req.key)) continue;
    const out = new Float64Array(n);
    const m = req.metric;
    if ((WINDOWED_METRICS as readonly string[]).includes(m)) {
      const range = resolveWindow(req.window ?? LAST_12, asOf);
      const sums = rollups.sums(range.fromMonth, range.toMonth);
      const prev =
        m === 'growth_rate'
          ? rollups.sums(previousRange(range).fromMonth, previousRange(range).toMonth)
          : undefined;
      for (let i = 0; i < n; i++) {
        out[i] = windowedMetric(m as WindowedMetric, sums(i), range.months, prev?.(i));
      }
    } else if (m === 'days_since_last_order') {
      for (let i = 0; i < n; i++) {
        const last = rollups.lastOrder[i];
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
      const revenue = rollups.sums(resolveWindow(LAST_12, asOf).fromMonth, toMonth);
      out.fill(Number.NaN);
      for (const r of await latestStagnation(db, asOf)) {
        const i = at.get(r.customerId);
        if (i === undefined) continue;
        const base = revenue(i).revenueMinor;
        out[i] = base > 0 ? Math.min(100, (r.valueMinor / base) * 100) : 100;
      }
    } else if (isClvMetric(m)) {
      clvColumns ??= await loadClvMetricColumns(db, at, n);
      out.set(clvColumns.get(m)!);
    } else if (m.startsWith('tag:')) {
      const flags = tags.get(m.slice(4));
      for (let i = 0; i < n; i++) out[i] = flags?.[i] ?? 0;
    } else {
      // custom.<key>, and share_of_wallet, which companies record as a custom field.
      const key = m.startsWith('custom.') ? m.slice(7) : m;
      customFields ??= customers.map(
        (c) => JSON.parse(c.custom_fields || '{}') as Record<string, unknown>,
      );
      const fields = customFields;
      customers.forEach((_, i) => {
        const v = fields[i]![key];
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

const LAST_12 = { kind: 'last_n_months', months: 12 } as const;

type SumField = keyof Sums;

/**
 * The window totals each windowed metric reads: every field windowedMetric looks at for it
 * (the others stay 0, as for a customer without facts). Only these are summed.
 */
const FIELDS: Record<WindowedMetric, readonly SumField[]> = {
  revenue: ['revenueMinor'],
  profit: ['costedRevenueMinor', 'costMinor'],
  margin_rate: ['costedRevenueMinor', 'costMinor'],
  order_count: ['orderCount'],
  avg_order_value: ['orderCount', 'revenueMinor'],
  purchase_frequency: ['orderCount'],
  growth_rate: ['revenueMinor'],
  on_time_payment_rate: ['invoicesDue', 'invoicesOnTime'],
  late_payments_per_quarter: ['invoicesLate', 'invoicesUnpaid'],
  collection_rate: ['amountDueMinor', 'amountPaidMinor'],
  complaint_count: ['complaints'],
  avg_satisfaction: ['surveys', 'surveyScoreSum'],
  referral_count: ['referrals'],
};

const COLUMN: Record<SumField, string> = {
  orderCount: 'order_count',
  revenueMinor: 'revenue_minor',
  costedRevenueMinor: 'costed_revenue_minor',
  costMinor: 'cost_minor',
  invoicesDue: 'invoices_due',
  invoicesOnTime: 'invoices_on_time',
  invoicesLate: 'invoices_late',
  invoicesUnpaid: 'invoices_unpaid',
  amountDueMinor: 'amount_due_minor',
  amountPaidMinor: 'amount_paid_minor',
  complaints: 'complaints',
  surveys: 'surveys',
  surveyScoreSum: 'survey_score_sum',
  referrals: 'referrals',
};

const ZERO_SUMS = Object.fromEntries(Object.keys(COLUMN).map((f) => [f, 0])) as unknown as Sums;

interface Rollups {
  /** First and last order date by row (months up to the as-of month), undefined if none. */
  firstOrder: (string | undefined)[];
  lastOrder: (string | undefined)[];
  /** Window totals by row for a window the requests named; the object is reused per call. */
  sums(fromMonth: string, toMonth: string): (i: number) => Sums;
}

/**
 * Everything the metric table reads from the monthly rollups, in ONE grouped scan: the order
 * span of each customer and, per distinct window, only the sums its metrics read, as
 * conditional sums. One scan in key order instead of one per window plus one for the spans
 * (each of those sorted its groups again), and a few columns per customer instead of every
 * sum of every window; on a million customers and twelve million rollup rows the load went
 * from three scans to one.
 */
async function loadRollups(
  deps: Deps,
  requests: readonly MetricRequest[],
  asOf: string,
  at: ReadonlyMap<number, number>,
  n: number,
): Promise<Rollups> {
  const toMonth = asOf.slice(0, 7);
  const windows = new Map<string, { from: string; to: string; fields: Set<SumField> }>();
  const need = (from: string, to: string, fields: readonly SumField[]) => {
    const k = `${from}..${to}`;
    let w = windows.get(k);
    if (!w) {
      w = { from, to, fields: new Set() };
      windows.set(k, w);
    }
    for (const f of fields) w.fields.add(f);
  };
  for (const req of requests) {
    const m = req.metric;
    if ((WINDOWED_METRICS as readonly string[]).includes(m)) {
      const range = resolveWindow(req.window ?? LAST_12, asOf);
      need(range.fromMonth, range.toMonth, FIELDS[m as WindowedMetric]);
      if (m === 'growth_rate') {
        const p = previousRange(range);
        need(p.fromMonth, p.toMonth, ['revenueMinor']);
      }
    } else if (m === 'inventory_stagnation') {
      need(resolveWindow(LAST_12, asOf).fromMonth, toMonth, ['revenueMinor']);
    }
  }
  const columns = [...windows.values()].flatMap((w, k) =>
    [...w.fields].map((f) => ({ window: w, field: f, alias: `w${k}_${COLUMN[f]}` })),
  );
  const select = [
    sql`min(case when month <= ${toMonth} and order_count > 0 then first_order_on end) as first_order`,
    sql`max(case when month <= ${toMonth} and order_count > 0 then last_order_on end) as last_order`,
    ...columns.map(
      (c) =>
        sql`sum(case when month >= ${c.window.from} and month <= ${c.window.to} then ${sql.ref(
          COLUMN[c.field],
        )} end) as ${sql.ref(c.alias)}`,
    ),
  ];
  const r = await sql<Record<string, unknown>>`select customer_id, ${sql.join(select)}
    from customer_month_rollups group by customer_id`.execute(deps.store.db);

  const firstOrder = new Array<string | undefined>(n).fill(undefined);
  const lastOrder = new Array<string | undefined>(n).fill(undefined);
  const arrays = columns.map(() => new Float64Array(n));
  for (const row of r.rows) {
    const i = at.get(Number(row.customer_id));
    if (i === undefined) continue;
    if (row.first_order !== null && row.first_order !== undefined) {
      firstOrder[i] = String(row.first_order);
      lastOrder[i] = String(row.last_order);
    }
    for (let c = 0; c < columns.length; c++) {
      const v = row[columns[c]!.alias];
      // PostgreSQL returns bigint sums as strings; a window without rows sums to NULL.
      if (v !== null && v !== undefined) arrays[c]![i] = Number(v);
    }
  }
  return {
    firstOrder,
    lastOrder,
    sums(fromMonth, toMonth) {
      const mine = columns.flatMap((c, k) =>
        c.window.from === fromMonth && c.window.to === toMonth
          ? [{ field: c.field, values: arrays[k]! }]
          : [],
      );
      const scratch: Sums = { ...ZERO_SUMS };
      return (i) => {
        for (const c of mine) scratch[c.field] = c.values[i]!;
        return scratch;
      };
    },
  };
}
