import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { OUT_DIR } from './report';
import { TIERING_AS_OF } from './tiering-data';

/**
 * The peer: the ABCD scorecard as one SQL query in DuckDB over the raw orders, invoices and
 * customers (not Tierdesk's monthly rollups). DuckDB cannot read the SQLite file here (its
 * sqlite extension would have to be downloaded), so the three tables are exported once with the
 * sqlite3 shell as CSV and loaded into a DuckDB file kept under bench/out; the load is timed
 * apart from the query.
 */

/** Where the DuckDB copy of a size is cached. */
export function duckDbFile(customers: number): string {
  return join(OUT_DIR, `tiering-duckdb-${customers}`, 'abcd.duckdb');
}

const EXPORTS = {
  customers: `select id, code, type, status, substr(created_at, 1, 10) as created_on, custom_fields
    from customers`,
  orders: 'select customer_id, ordered_on, amount_minor, cost_minor from orders',
  payments: 'select customer_id, due_on, paid_on from payments',
} as const;

const TYPES = {
  customers: `{'id': 'INTEGER', 'code': 'VARCHAR', 'type': 'VARCHAR', 'status': 'VARCHAR',
    'created_on': 'DATE', 'custom_fields': 'VARCHAR'}`,
  orders: `{'customer_id': 'INTEGER', 'ordered_on': 'DATE', 'amount_minor': 'BIGINT',
    'cost_minor': 'BIGINT'}`,
  payments: `{'customer_id': 'INTEGER', 'due_on': 'DATE', 'paid_on': 'DATE'}`,
} as const;

export interface DuckLoad {
  file: string;
  /** Seconds of this run's export and load; null when the cached copy was used. */
  exportSeconds: number | null;
  loadSeconds: number | null;
  rows: Record<string, number>;
  bytes: number;
}

/**
 * The DuckDB copy of the SQLite database's customers, orders and invoices: made once (CSV
 * export with the sqlite3 shell, then `read_csv` with declared types), then reused.
 */
export async function ensureDuckDb(sqliteFile: string, customers: number): Promise<DuckLoad> {
  const file = duckDbFile(customers);
  let exportSeconds: number | null = null;
  let loadSeconds: number | null = null;
  if (!existsSync(file)) {
    const dir = join(OUT_DIR, `tiering-duckdb-${customers}`);
    const tmp = `${dir}.partial`;
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    let t0 = performance.now();
    for (const [table, query] of Object.entries(EXPORTS)) {
      execFileSync('sqlite3', [
        '-readonly',
        '-csv',
        '-header',
        sqliteFile,
        `.output ${join(tmp, `${table}.csv`)}`,
        query.replace(/\s+/g, ' '),
      ]);
    }
    exportSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const instance = await DuckDBInstance.create(join(tmp, 'abcd.duckdb'));
    const c = await instance.connect();
    try {
      for (const table of Object.keys(EXPORTS) as (keyof typeof EXPORTS)[]) {
        await c.run(
          `create table ${table} as select * from read_csv('${join(tmp, `${table}.csv`)}',
            header = true, columns = ${TYPES[table]})`,
        );
      }
      await c.run('checkpoint');
    } finally {
      c.closeSync();
      instance.closeSync();
    }
    loadSeconds = (performance.now() - t0) / 1000;
    for (const table of Object.keys(EXPORTS)) rmSync(join(tmp, `${table}.csv`));
    rmSync(dir, { recursive: true, force: true });
    renameSync(tmp, dir);
  }
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  const rows: Record<string, number> = {};
  try {
    for (const table of Object.keys(EXPORTS)) {
      const r = await c.runAndReadAll(`select count(*)::INTEGER as n from ${table}`);
      rows[table] = Number(r.getRowObjectsJS()[0]!.n);
    }
  } finally {
    c.closeSync();
    instance.closeSync();
  }
  return { file, exportSeconds, loadSeconds, rows, bytes: statSync(file).size };
}

const D = (x: number) => `${x}::DOUBLE`;

/** A band criterion as CASE over ascending edges: min ≤ v < max, fraction = points / maxPoints. */
function bands(v: string, edges: number[], points: number[], max: number): string {
  const arms = edges.map((e, i) => `when ${v} < ${e} then ${D(points[i]!)} / ${max}`).join(' ');
  return `case when ${v} is null then ${D(0)} ${arms} else ${D(points.at(-1)!)} / ${max} end`;
}

/** A linear criterion, clamped to 0…1; a missing value scores 0 (the `zero` policy). */
function linear(v: string, lo: number, hi: number): string {
  return `coalesce(least(${D(1)}, greatest(${D(0)}, (${v} - ${D(lo)}) / ${D(hi - lo)})), ${D(0)})`;
}

/**
 * ABCD (examples/schemes/abcd.json) at the benchmark's as-of date, from raw facts:
 * last calendar year's revenue, on-time payment rate (invoices due that year), margin rate and
 * order count; sales model and industry reputation (category points; unset scores 0), share of
 * wallet (linear, excluded when unset, the other weights then rescaled); tenure in months since
 * the first order up to the as-of month (or since the customer was created); score =
 * 100 × Σ wᵢfᵢ / Σ wᵢ rounded to six decimals with the same additions in the same order as
 * Tierdesk; quotas 20/30/40/10 by largest remainder over score desc, revenue desc, code.
 * Returns customer id, score and tier for the segment (active enterprise and group customers).
 */
export function abcdQuery(asOf = TIERING_AS_OF): string {
  const year = Number(asOf.slice(0, 4)) - 1;
  const from = `DATE '${year}-01-01'`;
  const to = `DATE '${year + 1}-01-01'`;
  // The as-of month's last day: tenure reads orders of months up to the as-of month.
  const monthEnd = `last_day(DATE '${asOf}')`;
  return `
with
seg as (
  select id, code, created_on,
    json_extract_string(custom_fields, '$.sales_model') as sales_model,
    json_extract_string(custom_fields, '$.industry_reputation') as reputation,
    try_cast(json_extract_string(custom_fields, '$.share_of_wallet') as DOUBLE) as share
  from customers where status = 'active' and type in ('enterprise', 'group')
),
o as (
  select customer_id,
    count(*) filter (where ordered_on >= ${from} and ordered_on < ${to}) as order_count,
    coalesce(sum(amount_minor) filter (where ordered_on >= ${from} and ordered_on < ${to}), 0)
      as revenue_minor,
    coalesce(sum(amount_minor) filter (where ordered_on >= ${from} and ordered_on < ${to}
      and cost_minor is not null), 0) as costed_minor,
    coalesce(sum(coalesce(cost_minor, 0)) filter (where ordered_on >= ${from}
      and ordered_on < ${to}), 0) as cost_minor,
    min(ordered_on) filter (where ordered_on <= ${monthEnd}) as first_order
  from orders group by customer_id
),
p as (
  select customer_id, count(*) as due,
    count(*) filter (where paid_on is not null and paid_on <= due_on) as on_time
  from payments where due_on >= ${from} and due_on < ${to} group by customer_id
),
m as (
  select s.id, s.code, s.sales_model, s.reputation, s.share,
    coalesce(o.revenue_minor, 0) / ${D(100)} as revenue,
    case when p.due > 0 then (p.on_time::DOUBLE / p.due) * 100 end as on_time_rate,
    case when o.costed_minor > 0
      then ((o.costed_minor - o.cost_minor)::DOUBLE / o.costed_minor) * 100 end as margin,
    coalesce(o.order_count, 0)::DOUBLE as order_count,
    greatest(${D(0)}, date_diff('day', coalesce(o.first_order, s.created_on), DATE '${asOf}')
      / 30.436875::DOUBLE) as tenure
  from seg s left join o on o.customer_id = s.id left join p on p.customer_id = s.id
),
f as (
  select id, code, revenue, share is null as share_excluded,
    ${bands('revenue', [500000, 1000000, 3000000, 5000000], [4, 8, 12, 16, 20], 20)} as f1,
    ${bands('on_time_rate', [60, 80, 95], [0, 5, 10, 15], 15)} as f2,
    ${linear('margin', 5, 30)} as f3,
    ${bands('order_count', [12, 24, 52], [2, 5, 8, 10], 10)} as f4,
    case when sales_model is null then ${D(0)} when sales_model = '1' then ${D(10)} / 10
      when sales_model = '2' then ${D(7)} / 10 when sales_model = '3' then ${D(5)} / 10
      else ${D(2)} / 10 end as f5,
    ${linear('share', 10, 60)} as f6,
    ${bands('tenure', [12, 36, 60], [2, 5, 8, 10], 10)} as f7,
    case reputation when '3' then ${D(10)} / 10 when '2' then ${D(6)} / 10
      when '1' then ${D(3)} / 10 else ${D(0)} end as f8
  from m
),
scored as (
  select id, code, revenue,
    floor(
      (100 * ((((((((20 * f1) + 15 * f2) + 15 * f3) + 10 * f4) + 10 * f5)
        + case when share_excluded then ${D(0)} else 10 * f6 end) + 10 * f7) + 10 * f8)
      / case when share_excluded then ${D(90)} else ${D(100)} end) * 1e6 + 0.5
    ) / 1e6 as score
  from f
),
ranked as (
  select id, score, row_number() over (order by score desc, revenue desc, code asc) as pos
  from scored
),
total as (select count(*) as m from ranked),
quota (slot, tier, bp) as (values (0, 'A', 2000), (1, 'B', 3000), (2, 'C', 4000), (3, 'D', 1000)),
base as (
  select q.slot, q.tier, (t.m * q.bp) // 10000 as fl, (t.m * q.bp) % 10000 as rem
  from quota q cross join total t
),
sized as (
  select slot, tier, fl + case when row_number() over (order by rem desc, slot asc)
    <= (select m from total) - (select sum(fl) from base) then 1 else 0 end as cnt
  from base
),
bounds as (
  select tier, sum(cnt) over (order by slot) - cnt as lo, sum(cnt) over (order by slot) as hi
  from sized
)
select r.id, r.score, b.tier
from ranked r join bounds b on r.pos > b.lo and r.pos <= b.hi`;
}

export interface DuckQuery {
  /** Milliseconds of each run of the query (results read into JavaScript). */
  ms: number[];
  rows: number;
  tiers: Map<number, { tier: string; score: number }>;
}

/** Runs the ABCD query `runs` times on the cached DuckDB copy; keeps the last run's tiers. */
export async function runAbcdQuery(file: string, runs: number): Promise<DuckQuery> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const c = await instance.connect();
  const ms: number[] = [];
  const tiers = new Map<number, { tier: string; score: number }>();
  try {
    const q = abcdQuery();
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const reader = await c.runAndReadAll(q);
      const rows = reader.getRows();
      ms.push(performance.now() - t0);
      if (r === runs - 1)
        for (const row of rows)
          tiers.set(Number(row[0]), { score: Number(row[1]), tier: String(row[2]) });
    }
  } finally {
    c.closeSync();
    instance.closeSync();
  }
  return { ms, rows: tiers.size, tiers };
}

export interface Agreement {
  compared: number;
  sameTier: number;
  sameScore: number;
  onlyTierdesk: number;
  onlyDuckDb: number;
  /** A few disagreeing customers, for the report. */
  examples: { customerId: number; tierdesk: string; duckdb: string | null }[];
}

/** Compares the DuckDB tiers with the tier_results of a Tierdesk run in the SQLite file. */
export function agreement(
  sqliteFile: string,
  runId: number,
  duck: Map<number, { tier: string; score: number }>,
): Agreement {
  const db = new Database(sqliteFile, { readonly: true });
  const a: Agreement = {
    compared: 0,
    sameTier: 0,
    sameScore: 0,
    onlyTierdesk: 0,
    onlyDuckDb: 0,
    examples: [],
  };
  try {
    const seen = new Set<number>();
    const rows = db
      .prepare('select customer_id, tier, score from tier_results where run_id = ?')
      .iterate(runId) as Iterable<{ customer_id: number; tier: string; score: number | null }>;
    for (const r of rows) {
      seen.add(r.customer_id);
      const d = duck.get(r.customer_id);
      if (!d) {
        a.onlyTierdesk++;
        continue;
      }
      a.compared++;
      if (d.tier === r.tier) a.sameTier++;
      else if (a.examples.length < 5)
        a.examples.push({ customerId: r.customer_id, tierdesk: r.tier, duckdb: d.tier });
      if (r.score !== null && Math.abs(d.score - r.score) < 1e-9) a.sameScore++;
    }
    for (const id of duck.keys()) if (!seen.has(id)) a.onlyDuckDb++;
  } finally {
    db.close();
  }
  return a;
}
