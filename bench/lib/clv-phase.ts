import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runClvFit } from '../../src/app/clv/clv-fit.service';
import type { HistoryColumns } from '../../src/app/clv/clv-histories';
import { monthLength, monthlyRate } from '../../src/app/clv/clv-options';
import { scoreCustomers } from '../../src/app/clv/clv-score';
import { type Ctx, systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import {
  type BgNbdParams,
  bgnbdTotalLogLikelihood,
  type FrequencyRecency,
  fitBgNbd,
} from '../../src/domain/analytics/clv/bgnbd';
import {
  bgnbdConditionalExpectedPurchases,
  bgnbdProbabilityAlive,
} from '../../src/domain/analytics/clv/bgnbd-predict';
import { customerLifetimeValue } from '../../src/domain/analytics/clv/customer-lifetime-value';
import {
  type FrequencyMonetary,
  fitGammaGamma,
  type GammaGammaParams,
} from '../../src/domain/analytics/clv/gamma-gamma';
import { buildRfmSummary } from '../../src/domain/analytics/clv/rfm-summary';
import { benchPgUrl } from './analytics-pg';
import { benchDeps, peakRssMiB } from './bench-db';
import {
  CDNOW_CALIBRATION_END,
  CDNOW_HOLDOUT_END,
  CDNOW_PUBLISHED,
  cdnowSampleTransactions,
} from './clv-cdnow';
import { CLV_AS_OF, clvDbFile, clvSchema, ensureClvPostgres, ensureClvSqlite } from './clv-orders';
import { CDNOW_TRUTH, simulateSummaries } from './clv-simulate';
import { envInt, median } from './report';

/**
 * One phase of the lifetime-value benchmark, in its own process so its peak RSS is its own:
 * `cdnow` (the published data set), `synthetic` (simulated customers, the pure domain
 * functions), `job-sqlite` / `job-postgres` (the whole fit as the product runs it, on orders in
 * a database). Prints one JSON line with the figures; progress on stderr.
 */
const phase = process.argv[2] ?? '';
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const pgCustomers = envInt('BENCH_PG_CUSTOMERS', customers);
const seed = envInt('BENCH_SEED', 20_240_101);
const cdnowRuns = envInt('BENCH_CDNOW_RUNS', 5);
const log = (line: string) => process.stderr.write(`${line}\n`);
const sec = (t0: number) => (performance.now() - t0) / 1000;

/** Relative difference of each parameter from a reference. */
function relative<T extends object>(got: T, want: Partial<Record<keyof T, number>>) {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(want) as [string, number][]) {
    if (k === 'logLikelihood') continue;
    const g = (got as Record<string, number>)[k]!;
    out[k] = (g - v) / v;
  }
  return out;
}

const TRUTH_BG: BgNbdParams = {
  r: CDNOW_TRUTH.r,
  alpha: CDNOW_TRUTH.alpha,
  a: CDNOW_TRUTH.a,
  b: CDNOW_TRUTH.b,
};
const TRUTH_GG: GammaGammaParams = { p: CDNOW_TRUTH.p, q: CDNOW_TRUTH.q, gamma: CDNOW_TRUTH.gamma };

/** The 12-month CLV horizon the product defaults to: monthly periods, 10% a year. */
const HORIZON = {
  periods: 12,
  periodLength: monthLength('weeks'),
  discountRate: monthlyRate(0.1),
};

async function cdnow() {
  let t = performance.now();
  const transactions = cdnowSampleTransactions();
  const readSeconds = sec(t);
  t = performance.now();
  const summary = buildRfmSummary(transactions, CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END);
  const summarySeconds = sec(t);
  const recency: FrequencyRecency[] = summary.map((s) => ({ x: s.x, tX: s.tX, T: s.T }));
  const spend: FrequencyMonetary[] = summary.map((s) => ({ x: s.x, zbar: s.zbar }));
  // Each fit several times: one is ~0.1 s, so a single run is mostly JIT warm-up.
  const bgTimes: number[] = [];
  const ggTimes: number[] = [];
  let bg = fitBgNbd(recency);
  let gg = fitGammaGamma(spend);
  for (let r = 0; r < cdnowRuns; r++) {
    t = performance.now();
    bg = fitBgNbd(recency);
    bgTimes.push(performance.now() - t);
    t = performance.now();
    gg = fitGammaGamma(spend);
    ggTimes.push(performance.now() - t);
  }
  return {
    transactions: transactions.length,
    customers: summary.length,
    repeatBuyers: recency.filter((c) => c.x > 0).length,
    readMs: readSeconds * 1000,
    summaryMs: summarySeconds * 1000,
    runs: cdnowRuns,
    bgnbd: {
      ms: median(bgTimes),
      minMs: Math.min(...bgTimes),
      fit: bg,
      vsPrecise: relative(bg.params, CDNOW_PUBLISHED.bgnbdPrecise),
      vsPaper: relative(bg.params, CDNOW_PUBLISHED.bgnbdPaper),
      published: CDNOW_PUBLISHED.bgnbdPrecise,
    },
    gammaGamma: {
      ms: median(ggTimes),
      minMs: Math.min(...ggTimes),
      fit: gg,
      vsPrecise: relative(gg.params, CDNOW_PUBLISHED.gammaGammaPrecise),
      vsPaper: relative(gg.params, CDNOW_PUBLISHED.gammaGammaPaper),
      published: CDNOW_PUBLISHED.gammaGammaPrecise,
    },
  };
}

async function synthetic() {
  let t = performance.now();
  const sim = simulateSummaries(customers, CDNOW_TRUTH, seed);
  const simulateSeconds = sec(t);
  log(
    `  simulated ${customers.toLocaleString('en-US')} customers in ${simulateSeconds.toFixed(1)} s`,
  );
  t = performance.now();
  const recency = new Array<FrequencyRecency>(sim.n);
  const spend: FrequencyMonetary[] = [];
  let repeatBuyers = 0;
  for (let i = 0; i < sim.n; i++) {
    recency[i] = { x: sim.x[i]!, tX: sim.tXDays[i]! / 7, T: sim.TDays[i]! / 7 };
    if (sim.x[i]! > 0) {
      repeatBuyers++;
      spend.push({ x: sim.x[i]!, zbar: sim.zbar[i]! });
    }
  }
  const prepareSeconds = sec(t);
  const histories = new Set<string>();
  for (let i = 0; i < sim.n; i++) histories.add(`${sim.x[i]}|${sim.tXDays[i]}|${sim.TDays[i]}`);

  t = performance.now();
  const bg = fitBgNbd(recency);
  const bgSeconds = sec(t);
  log(`  BG/NBD fit: ${bgSeconds.toFixed(1)} s, ${bg.iterations} iterations`);
  t = performance.now();
  const gg = fitGammaGamma(spend);
  const ggSeconds = sec(t);
  log(`  Gamma-Gamma fit: ${ggSeconds.toFixed(1)} s, ${gg.iterations} iterations`);
  // The fit must do at least as well as the truth on the data it was drawn from.
  const llAtTruth = bgnbdTotalLogLikelihood(TRUTH_BG, recency);

  // Scoring every customer with the domain functions one by one (no sharing between customers).
  const n = sim.n;
  const pAlive = new Float64Array(n);
  const expected = new Float64Array(n);
  const clv = new Float64Array(n);
  t = performance.now();
  for (let i = 0; i < n; i++) pAlive[i] = bgnbdProbabilityAlive(bg.params, recency[i]!);
  const pAliveSeconds = sec(t);
  t = performance.now();
  for (let i = 0; i < n; i++)
    expected[i] = bgnbdConditionalExpectedPurchases(bg.params, 52, recency[i]!);
  const expectedSeconds = sec(t);
  log(`  P(alive) ${pAliveSeconds.toFixed(1)} s, E[Y(52)] ${expectedSeconds.toFixed(1)} s`);
  t = performance.now();
  for (let i = 0; i < n; i++) {
    const c = recency[i]!;
    clv[i] = customerLifetimeValue(
      bg.params,
      gg.params,
      { x: c.x, tX: c.tX, T: c.T, zbar: sim.zbar[i]! },
      HORIZON,
    );
  }
  const clvSeconds = sec(t);
  log(`  CLV ${clvSeconds.toFixed(1)} s`);

  // The product's scorer: the same sums, computed once per distinct (x, t_x, T).
  const h: HistoryColumns = {
    n,
    source: Int32Array.from({ length: n }, (_, i) => i),
    customerIds: Int32Array.from({ length: n }, (_, i) => i + 1),
    x: sim.x,
    tX: Float64Array.from(sim.tXDays, (d) => d / 7),
    T: Float64Array.from(sim.TDays, (d) => d / 7),
    zbar: sim.zbar,
    tXDays: sim.tXDays,
    TDays: sim.TDays,
    xHoldout: new Int32Array(n),
  };
  t = performance.now();
  const scores = await scoreCustomers(bg.params, gg.params, h, { ...HORIZON, margin: 1 });
  const sharedSeconds = sec(t);
  let maxDiff = 0;
  for (let i = 0; i < n; i++) {
    const d = Math.abs(scores.clv![i]! - clv[i]!) / Math.max(1, Math.abs(clv[i]!));
    if (d > maxDiff) maxDiff = d;
  }
  let sumClv = 0;
  let sumAlive = 0;
  for (let i = 0; i < n; i++) {
    sumClv += clv[i]!;
    sumAlive += pAlive[i]!;
  }
  return {
    customers: n,
    seed,
    truth: CDNOW_TRUTH,
    repeatBuyers,
    repeatPurchases: sim.repeatPurchases,
    distinctHistories: histories.size,
    simulateSeconds,
    prepareSeconds,
    bgnbd: {
      seconds: bgSeconds,
      fit: bg,
      vsTruth: relative(bg.params, TRUTH_BG),
      logLikelihoodAtTruth: llAtTruth,
    },
    gammaGamma: { seconds: ggSeconds, fit: gg, vsTruth: relative(gg.params, TRUTH_GG) },
    scoring: {
      pAliveSeconds,
      expectedPurchasesSeconds: expectedSeconds,
      clvSeconds,
      sharedScorerSeconds: sharedSeconds,
      sharedVsDirectMaxRelDiff: maxDiff,
      meanPAlive: sumAlive / n,
      meanClv: sumClv / n,
    },
  };
}

/**
 * The product's fit (`runClvFit`, what the `clv.fit` job runs) on a database of simulated
 * orders, split into its phases by the progress it reports: loading the purchase summaries,
 * fitting both models, scoring (with the calibration and holdout evaluation), storing.
 */
async function job(engine: 'sqlite' | 'postgres') {
  const n = engine === 'sqlite' ? customers : pgCustomers;
  const data =
    engine === 'sqlite'
      ? await ensureClvSqlite(n, seed, log)
      : await ensureClvPostgres(n, seed, log);
  log(
    data.generatedSeconds === null
      ? `  data: cached ${data.where}`
      : `  data: generated in ${data.generatedSeconds.toFixed(0)} s (${data.where})`,
  );
  const dir =
    engine === 'sqlite' ? dirname(clvDbFile(n)) : mkdtempSync(join(tmpdir(), 'td-bench-'));
  const deps: Deps =
    engine === 'sqlite'
      ? await benchDeps({ engine: 'sqlite', file: clvDbFile(n) }, dir)
      : await benchDeps({ engine: 'postgres', url: benchPgUrl(), schema: clvSchema(n) }, dir);
  try {
    // Earlier runs' models are removed so every run stores into the same state.
    await deps.store.db.deleteFrom('customer_clv').execute();
    await deps.store.db.deleteFrom('clv_models').execute();
    const ctx: Ctx = { ...systemCtx('bench'), now: () => new Date(`${CLV_AS_OF}T12:00:00Z`) };
    const marks: { label: string; at: number }[] = [];
    let last = '';
    const t0 = performance.now();
    const result = await runClvFit(
      deps,
      ctx,
      { asOf: CLV_AS_OF, holdoutWeeks: envInt('BENCH_HOLDOUT_WEEKS', 13), horizonMonths: 12 },
      {
        onProgress: (p) => {
          // Both fits are one phase (in a worker thread from 50,000 customers); the evaluation
          // runs between the last fitting report and the first scoring one.
          const label =
            p.phase === 'fitting'
              ? p.done === p.total
                ? 'score'
                : 'fit'
              : ({ loading: 'load', scoring: 'score', storing: 'store', done: 'done' } as const)[
                  p.phase
                ];
          if (label !== last) {
            marks.push({ label, at: performance.now() });
            last = label;
            log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
          }
        },
      },
    );
    const seconds = sec(t0);
    const parts: Record<string, number> = {};
    marks.forEach((m, i) => {
      const end = marks[i + 1]?.at ?? performance.now();
      if (m.label !== 'done') parts[m.label] = (end - m.at) / 1000;
    });
    const stored = await deps.store.db
      .selectFrom('customer_clv')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return {
      engine,
      data,
      seconds,
      parts,
      result,
      stored: Number(stored.n),
      vsTruth: {
        bgnbd: result.bgnbd ? relative(result.bgnbd, TRUTH_BG) : null,
        gammaGamma: result.gammaGamma ? relative(result.gammaGamma, TRUTH_GG) : null,
      },
    };
  } finally {
    await deps.store.close();
    if (engine === 'postgres') rmSync(dir, { recursive: true, force: true });
  }
}

async function run() {
  if (phase === 'cdnow') return cdnow();
  if (phase === 'synthetic') return synthetic();
  if (phase === 'job-sqlite') return job('sqlite');
  if (phase === 'job-postgres') return job('postgres');
  throw new Error('phase must be cdnow, synthetic, job-sqlite or job-postgres');
}

const r = await run();
console.log(
  JSON.stringify({ phase, ...r, peakRssMiB: peakRssMiB() }, (_k, v) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(10)) : v,
  ),
);
