import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ninegridView } from '../../src/app/analytics/ninegrid.service';
import { rfmView } from '../../src/app/analytics/rfm.service';
import { valueView } from '../../src/app/analytics/value.service';
import { type Ctx, systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import {
  ANALYTICS_PERIOD,
  ANALYTICS_TODAY,
  analyticsDbFile,
  analyticsSchema,
  ensureAnalyticsPostgres,
  ensureAnalyticsSqlite,
} from './analytics-data';
import { benchPgUrl } from './analytics-pg';
import { SqlTimer, timedDeps } from './analytics-sql-timer';
import { benchDeps, peakRssMiB } from './bench-db';
import { envInt, median } from './report';

/**
 * One phase of the analytics benchmark, in its own process so its peak RSS is its own:
 * `data-sqlite` / `data-postgres` (generate the cached data set when missing) or
 * `<engine>:<view>` with view value, rfm or ninegrid (a warm-up call of the service, then
 * BENCH_RUNS timed calls). Prints one JSON line with the figures; progress on stderr.
 */
const phase = process.argv[2] ?? '';
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const runs = envInt('BENCH_RUNS', 3);
const log = (line: string) => process.stderr.write(`${line}\n`);
const ms = (x: number) => Math.round(x * 10) / 10;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

type View = 'value' | 'rfm' | 'ninegrid';

/** The view's call and a few of its figures, to check the engines agree and the data is sane. */
const VIEWS: Record<View, (deps: Deps, ctx: Ctx) => Promise<Record<string, unknown>>> = {
  async value(deps, ctx) {
    const v = await valueView(deps, ctx, { ...ANALYTICS_PERIOD, metric: 'revenue' });
    const top = (x: number) => v.topShares.find((t) => t.customerFraction === x)?.valueShare ?? 0;
    return {
      customers: v.totals.customers,
      withoutOrders: v.totals.customersWithoutOrders,
      revenueMinor: v.totals.revenueMinor,
      gini: v.gini,
      top1: top(0.01),
      top20: top(0.2),
      pyramid: Object.fromEntries(v.pyramid.map((l) => [l.key, l.customers])),
      lorenzPoints: v.lorenz.length,
    };
  },
  async rfm(deps, ctx) {
    const v = await rfmView(deps, ctx, { ...ANALYTICS_PERIOD });
    return {
      customers: v.totals.customers,
      withoutOrdersInPeriod: v.totals.customersWithoutOrdersInPeriod,
      asOf: v.asOf,
      segments: Object.fromEntries(v.segments.map((s) => [s.key, s.customers])),
      rDistribution: v.distributions.r,
      medianRecencyDays: v.stats.recencyDays.median,
    };
  },
  async ninegrid(deps, ctx) {
    const v = await ninegridView(deps, ctx, { ...ANALYTICS_PERIOD, x: 'revenue', y: 'growth' });
    let stayed = 0;
    v.movement.counts.forEach((row, i) => {
      stayed += row[i] ?? 0;
    });
    return {
      customers: v.customers,
      cells: Object.fromEntries(v.cells.map((c) => [c.cell, c.customers])),
      stayed,
      entered: v.movement.entered.reduce((a, b) => a + b, 0),
      left: v.movement.left.reduce((a, b) => a + b, 0),
      xBars: [v.x.low, v.x.high],
      yBars: [v.y.low, v.y.high],
    };
  },
};

async function openEngine(engine: 'sqlite' | 'postgres'): Promise<{ deps: Deps; done(): void }> {
  if (engine === 'sqlite') {
    const file = analyticsDbFile(customers);
    return { deps: await benchDeps({ engine: 'sqlite', file }, dirname(file)), done() {} };
  }
  const dir = mkdtempSync(join(tmpdir(), 'td-bench-'));
  const deps = await benchDeps(
    { engine: 'postgres', url: benchPgUrl(), schema: analyticsSchema(customers) },
    dir,
  );
  return { deps, done: () => rmSync(dir, { recursive: true, force: true }) };
}

async function viewPhase(engine: 'sqlite' | 'postgres', view: View) {
  const { deps, done } = await openEngine(engine);
  try {
    const timer = new SqlTimer();
    const timed = timedDeps(deps, timer);
    // "Today" is fixed after the period, so RFM recency and the nine-grid's as-of day are the
    // period's last day on every run.
    const ctx: Ctx = { ...systemCtx('bench'), now: () => new Date(`${ANALYTICS_TODAY}T04:00:00Z`) };
    const wall: number[] = [];
    const sql: number[] = [];
    const cpu: number[] = [];
    let queries = 0;
    let figures: Record<string, unknown> = {};
    for (let r = 0; r <= runs; r++) {
      timer.reset();
      const c0 = cpuMs();
      const t0 = performance.now();
      figures = await VIEWS[view](timed, ctx);
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
      sql.push(timer.busyMs());
      queries = timer.queries;
      log(`  ${engine} ${view} run ${r}: ${ms(wall.at(-1)!)} ms (SQL ${ms(sql.at(-1)!)} ms)`);
    }
    // Run 0 is the warm-up (cold page cache and code); the figures are over the rest.
    const rest = (a: number[]) => a.slice(1);
    const js = wall.map((w, i) => w - sql[i]!);
    return {
      engine,
      view,
      runs,
      queries,
      warmupMs: ms(wall[0]!),
      totalMs: ms(median(rest(wall))),
      minMs: ms(Math.min(...rest(wall))),
      sqlMs: ms(median(rest(sql))),
      computeMs: ms(median(rest(js))),
      cpuMs: ms(median(rest(cpu))),
      figures,
    };
  } finally {
    await deps.store.close();
    done();
  }
}

async function run() {
  if (phase === 'data-sqlite') return ensureAnalyticsSqlite(customers, log);
  if (phase === 'data-postgres') return ensureAnalyticsPostgres(customers, log);
  const [engine, view] = phase.split(':');
  if ((engine === 'sqlite' || engine === 'postgres') && view && view in VIEWS)
    return viewPhase(engine, view as View);
  throw new Error('phase must be data-sqlite, data-postgres or <sqlite|postgres>:<view>');
}

const r = await run();
console.log(JSON.stringify({ phase, ...r, peakRssMiB: peakRssMiB() }));
