import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ANALYTICS_PERIOD } from './lib/analytics-data';
import { benchPgUrl } from './lib/analytics-pg';
import { machine } from './lib/machine';
import { loadAverage1m, runPhase } from './lib/phase-process';
import { envInt, OUT_DIR, printTable, writeResult } from './lib/report';

/**
 * Analytics views over BENCH_CUSTOMERS customers (default 1,000,000) with 12–24 monthly rollup
 * rows each (issue 9): the value view (Pareto / Lorenz, Gini, top shares, pyramid), RFM and the
 * nine-grid (revenue × growth, with the movement from the previous year), end to end through
 * their services (`valueView`, `rfmView`, `ninegridView`) on SQLite and on PostgreSQL, for the
 * period 2025-01 … 2025-12.
 *
 * The data (customers and customer_month_rollups only, which is all these views read) is
 * generated inside each database by INSERT … SELECT and cached: SQLite under bench/out/,
 * PostgreSQL as a schema of the `tierdesk_bench` database. Both engines get identical rows, so
 * their figures must agree; the benchmark says so.
 *
 * Each view runs in its own process (its peak RSS is its own): one warm-up call, then BENCH_RUNS
 * (default 3) timed calls; the figures are medians. "SQL" is the wall time with a query in flight
 * (driver decoding included), "compute" the rest of the call (rows to columns, scores, sorts,
 * figures). BENCH_ENGINES (sqlite by default, or postgres) and BENCH_VIEWS (value,rfm by default;
 * also ninegrid) choose; at a million customers the commands are split so each stays within ten
 * minutes on two cores: SQLite value + RFM (with the data generation on a first run), SQLite
 * nine-grid (BENCH_VIEWS=ninegrid: it loads three periods, ~1.5 minutes a call), and PostgreSQL
 * with all three views. A run compares its figures with the other engine's newest result of the
 * same size (bench/out/analytics-<engine>-<customers>-<time>.json).
 */
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const engines = (process.env.BENCH_ENGINES ?? 'sqlite').split(',').map((s) => s.trim());
const views = (process.env.BENCH_VIEWS ?? 'value,rfm').split(',').map((s) => s.trim());
const worker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'analytics-phase.ts');

const info = machine(engines.includes('postgres') ? benchPgUrl() : undefined);
console.log(
  `analytics: ${customers.toLocaleString('en-US')} customers, period ${ANALYTICS_PERIOD.from} … ` +
    `${ANALYTICS_PERIOD.to}; load average ${info.loadAverage1m}`,
);

const started = performance.now();

const phase = (name: string) => runPhase(worker, name);

// biome-ignore lint/suspicious/noExplicitAny: phase results, as above.
const data: Record<string, any> = {};
// biome-ignore lint/suspicious/noExplicitAny: phase results, as above.
const results: any[] = [];
for (const engine of engines) {
  data[engine] = phase(`data-${engine}`);
  for (const view of views) results.push(phase(`${engine}:${view}`));
}
const totalSeconds = (performance.now() - started) / 1000;

const s1 = (x: number) => Math.round(x * 10) / 10;
console.log('\nData (customers and monthly rollups, generated in the database, cached):');
printTable(
  engines.map((e) => {
    const d = data[e];
    // A cached data set reports the generation it came from (kept beside it).
    const g = d.generated ?? d.cachedFrom?.generated;
    return {
      engine: e,
      customers: d.customers,
      'rollup rows': d.rollups,
      'draws s': g ? s1(g.draws) : '-',
      'customers s': g ? s1(g.customers) : '-',
      'rollups s': g ? s1(g.rollups) : '-',
      'indexes s': g ? s1(g.indexes) : '-',
      'total s': g ? s1(g.total) : '-',
      generated: d.generated
        ? `now (load ${data[e].loadAverageAtStart})`
        : d.cachedFrom
          ? `cached, ${d.cachedFrom.at.slice(0, 16)} (load ${d.cachedFrom.loadAverage1m})`
          : 'cached',
    };
  }),
);
for (const e of engines) console.log(`  ${e}: ${data[e].where}`);

console.log(
  `\nViews through their services, median of ${results[0]?.runs ?? '-'} after a warm-up, ms:`,
);
printTable(
  results.map((r) => ({
    engine: r.engine,
    view: r.view,
    'load (SQL)': Math.round(r.sqlMs),
    compute: Math.round(r.computeMs),
    total: Math.round(r.totalMs),
    min: Math.round(r.minMs),
    'warm-up': Math.round(r.warmupMs),
    'CPU (this process)': Math.round(r.cpuMs),
    queries: r.queries,
    'peak RSS MiB': r.peakRssMiB,
    'load avg': r.loadAverageAtStart,
  })),
);

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
// biome-ignore lint/suspicious/noExplicitAny: phase results, as above.
const byView = (v: string) => results.filter((r: any) => r.view === v);
const value = byView('value')[0]?.figures;
if (value) {
  console.log(
    `\nValue: ${value.customers.toLocaleString('en-US')} customers ordered in the period ` +
      `(${value.withoutOrders.toLocaleString('en-US')} did not); Gini ${value.gini.toFixed(4)}; ` +
      `top 1% bring ${pct(value.top1)}, top 20% bring ${pct(value.top20)}; pyramid ` +
      Object.entries(value.pyramid)
        .map(([k, n]) => `${k} ${Number(n).toLocaleString('en-US')}`)
        .join(', '),
  );
}
const rfm = byView('rfm')[0]?.figures;
if (rfm) {
  console.log(
    `RFM: ${rfm.customers.toLocaleString('en-US')} scored as of ${rfm.asOf} ` +
      `(${rfm.withoutOrdersInPeriod.toLocaleString('en-US')} without an order in the period); ` +
      Object.entries(rfm.segments)
        .map(([k, n]) => `${k} ${Number(n).toLocaleString('en-US')}`)
        .join(', '),
  );
}
const grid = byView('ninegrid')[0]?.figures;
if (grid) {
  console.log(
    `Nine-grid (revenue × growth): ${grid.customers.toLocaleString('en-US')} customers; ` +
      Object.entries(grid.cells)
        .map(([k, n]) => `${k} ${Number(n).toLocaleString('en-US')}`)
        .join(', ') +
      `; from last year: ${grid.stayed.toLocaleString('en-US')} stayed in their cell, ` +
      `${grid.entered.toLocaleString('en-US')} entered, ${grid.left.toLocaleString('en-US')} left`,
  );
}
// Both engines hold the same rows: any difference in the figures is a defect. A view of an
// engine not run now is compared through that engine's newest result of the same size that has
// the view (the engines, and the views, can be separate commands).
const agreement: Record<string, boolean> = {};
// biome-ignore lint/suspicious/noExplicitAny: phase results, as above.
const figuresOf: Record<string, Record<string, any>> = {};
for (const r of results) figuresOf[r.engine] = { ...figuresOf[r.engine], [r.view]: r.figures };
for (const other of ['sqlite', 'postgres'].filter((e) => !engines.includes(e))) {
  const prefix = `analytics-${other}-${customers}-`;
  const files = existsSync(OUT_DIR)
    ? readdirSync(OUT_DIR)
        .filter((f) => f.startsWith(prefix) && f.endsWith('.json') && !f.includes('latest'))
        .sort()
        .reverse()
    : [];
  for (const v of views) {
    for (const f of files) {
      const earlier = JSON.parse(readFileSync(join(OUT_DIR, f), 'utf8'));
      // biome-ignore lint/suspicious/noExplicitAny: a result file, as written below.
      const r = (earlier.results as any[]).find((x) => x.view === v);
      if (!r) continue;
      figuresOf[other] = { ...figuresOf[other], [v]: r.figures };
      console.log(`  ${v} on ${other}: from ${f}`);
      break;
    }
  }
}
const compared = Object.keys(figuresOf);
if (compared.length > 1 && views.some((v) => compared.every((e) => figuresOf[e]?.[v]))) {
  for (const v of views) {
    const seen = compared.filter((e) => figuresOf[e]?.[v] !== undefined);
    if (seen.length < 2) continue;
    const [a, ...others] = seen.map((e) => JSON.stringify(figuresOf[e]?.[v]));
    agreement[v] = others.every((o) => o === a);
  }
  console.log(
    `Same figures on ${compared.join(' and ')}: ` +
      Object.entries(agreement)
        .map(([v, ok]) => `${v} ${ok ? 'yes' : 'NO'}`)
        .join(', '),
  );
}
console.log(`\nTotal ${s1(totalSeconds)} s; load average at the end ${loadAverage1m()}`);
const out = writeResult(`analytics-${engines.join('-')}-${customers}`, {
  at: new Date().toISOString().slice(0, 16),
  machine: info,
  customers,
  period: ANALYTICS_PERIOD,
  data,
  results,
  agreement,
  totalSeconds,
});
console.log(`result: ${out}`);
if (Object.values(agreement).some((ok) => !ok)) process.exit(1);
