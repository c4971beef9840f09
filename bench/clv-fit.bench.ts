import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPgUrl } from './lib/analytics-pg';
import { machine } from './lib/machine';
import { loadAverage1m, runPhase } from './lib/phase-process';
import { envInt, printTable, writeResult } from './lib/report';

/**
 * Lifetime-value fitting (issue 9): BG/NBD and Gamma-Gamma by maximum likelihood.
 *
 * Phases (BENCH_PHASES, comma-separated; each runs in its own process):
 * - `cdnow`: the CDNOW sample (2,357 customers, ../shared/data) — summaries, both fits (median of
 *   BENCH_CDNOW_RUNS, default 5, after a warm-up), iterations, parameters and log-likelihood
 *   against the published values.
 * - `synthetic`: BENCH_CUSTOMERS (default 1,000,000) customers simulated from the BG/NBD and
 *   Gamma-Gamma process with the CDNOW parameters as the truth (seeded, BENCH_SEED) — simulation,
 *   both fits, recovered against true parameters, and scoring every customer (P(alive),
 *   E[Y(52 weeks)], 12-month CLV) with the domain functions and with the product's scorer.
 * - `job-sqlite`, `job-postgres`: the product's fit (`runClvFit`, what the clv.fit job runs)
 *   end to end on simulated orders in a database — SQLite with BENCH_CUSTOMERS customers,
 *   PostgreSQL with BENCH_PG_CUSTOMERS (default BENCH_CUSTOMERS) — split into load, fit (both
 *   models), score, store. The order data is generated once and cached (bench/out/, and schemas
 *   of the tierdesk_bench database).
 *
 * Default: all four phases (about three minutes at a million customers on two cores, data cached).
 */
const phases = (process.env.BENCH_PHASES ?? 'cdnow,synthetic,job-sqlite,job-postgres')
  .split(',')
  .map((s) => s.trim());
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const pgCustomers = envInt('BENCH_PG_CUSTOMERS', customers);
const worker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'clv-phase.ts');
const info = machine(phases.includes('job-postgres') ? benchPgUrl() : undefined);
console.log(
  `clv-fit: phases ${phases.join(', ')}; ${customers.toLocaleString('en-US')} synthetic ` +
    `customers; load average ${info.loadAverage1m}`,
);
const started = performance.now();
// biome-ignore lint/suspicious/noExplicitAny: each phase reports its own shape of JSON.
const results: Record<string, any> = {};
for (const phase of phases) results[phase] = runPhase(worker, phase, 64 << 20);
const totalSeconds = (performance.now() - started) / 1000;

const s1 = (x: number) => Math.round(x * 10) / 10;
const p4 = (x: number) => Number(x.toPrecision(4));
const pct = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(2)}%`;
const maxAbs = (o: Record<string, number>) => Math.max(...Object.values(o).map(Math.abs));
const params = (o: Record<string, number>, keys: string[]) =>
  keys.map((k) => `${k} ${p4(o[k]!)}`).join(', ');
const errors = (o: Record<string, number>, keys: string[]) => keys.map((k) => pct(o[k]!)).join(' ');
const BG = ['r', 'alpha', 'a', 'b'];
const GG = ['p', 'q', 'gamma'];

const cd = results.cdnow;
if (cd) {
  console.log(
    `\nCDNOW sample: ${cd.transactions.toLocaleString('en-US')} purchases, ${cd.customers} ` +
      `customers (${cd.repeatBuyers} repeat buyers); read ${Math.round(cd.readMs)} ms, ` +
      `summaries ${Math.round(cd.summaryMs)} ms. Fits, median of ${cd.runs} after a warm-up:`,
  );
  printTable(
    [
      ['BG/NBD', cd.bgnbd, BG],
      ['Gamma-Gamma', cd.gammaGamma, GG],
    ].map(([name, m, keys]) => ({
      model: name,
      'ms (median)': s1(m.ms),
      'ms (min)': s1(m.minMs),
      iterations: m.fit.iterations,
      evaluations: m.fit.evaluations,
      restarts: m.fit.restarts,
      parameters: params(m.fit.params, keys),
      LL: m.fit.logLikelihood.toFixed(4),
      'published LL': m.published.logLikelihood,
      'max rel. diff vs published': maxAbs(m.vsPrecise).toExponential(1),
    })),
  );
}

const sy = results.synthetic;
if (sy) {
  const n = sy.customers;
  console.log(
    `\nSynthetic: ${n.toLocaleString('en-US')} customers simulated in ` +
      `${s1(sy.simulateSeconds)} s ` +
      `(${sy.repeatBuyers.toLocaleString('en-US')} repeat buyers, ` +
      `${sy.repeatPurchases.toLocaleString('en-US')} repeat purchases, ` +
      `${sy.distinctHistories.toLocaleString('en-US')} distinct (x, t_x, T)); peak RSS ` +
      `${sy.peakRssMiB} MiB; load average ${sy.loadAverageAtStart} → ${sy.loadAverageAtEnd}`,
  );
  printTable(
    [
      ['BG/NBD', sy.bgnbd, BG],
      ['Gamma-Gamma', sy.gammaGamma, GG],
    ].map(([name, m, keys]) => ({
      model: name,
      'fit s': s1(m.seconds),
      iterations: m.fit.iterations,
      evaluations: m.fit.evaluations,
      restarts: m.fit.restarts,
      converged: m.fit.converged ? 'yes' : 'no',
      recovered: params(m.fit.params, keys),
      'vs truth': keys.map((k: string) => pct(m.vsTruth[k])).join(' '),
    })),
  );
  console.log(
    `  BG/NBD log-likelihood: fitted ${sy.bgnbd.fit.logLikelihood.toFixed(1)}, at the true ` +
      `parameters ${sy.bgnbd.logLikelihoodAtTruth.toFixed(1)}`,
  );
  const sc = sy.scoring;
  console.log('Scoring every customer:');
  printTable(
    [
      ['P(alive), domain function per customer', sc.pAliveSeconds],
      ['E[Y(52 weeks)], domain function per customer', sc.expectedPurchasesSeconds],
      ['CLV 12 months, customerLifetimeValue per customer', sc.clvSeconds],
      ['all three, the product scorer (once per distinct history)', sc.sharedScorerSeconds],
    ].map(([what, s]) => ({
      what: what as string,
      seconds: s1(s as number),
      'µs / customer': s1(((s as number) * 1e6) / n),
    })),
  );
  console.log(
    `  mean P(alive) ${sc.meanPAlive.toFixed(4)}, mean CLV ${sc.meanClv.toFixed(2)} yuan; ` +
      'scorer vs per-customer CLV: max relative difference ' +
      sc.sharedVsDirectMaxRelDiff.toExponential(1),
  );
}

const jobs = ['job-sqlite', 'job-postgres'].filter((p) => results[p]);
if (jobs.length) {
  console.log('\nEnd-to-end fit (runClvFit) on simulated orders, seconds:');
  printTable(
    jobs.map((p) => {
      const j = results[p];
      const gen = j.data.generatedSeconds ?? j.data.cachedFrom?.seconds;
      return {
        engine: j.engine,
        customers: j.data.customers,
        orders: j.data.orders,
        'data s':
          gen === undefined
            ? '-'
            : `${s1(gen)}${j.data.generatedSeconds === null ? ' (cached)' : ''}`,
        total: s1(j.seconds),
        load: s1(j.parts.load ?? 0),
        // Results of an earlier version of the fit report the two models apart.
        'fit (both)': s1(
          j.parts.fit ?? (j.parts['fit bgnbd'] ?? 0) + (j.parts['fit gamma_gamma'] ?? 0),
        ),
        score: s1(j.parts.score ?? 0),
        store: s1(j.parts.store ?? 0),
        iterations:
          `${j.result.bgnbd?.iterations ?? '-'} / ` + `${j.result.gammaGamma?.iterations ?? '-'}`,
        'peak RSS MiB': j.peakRssMiB,
        'load avg': `${j.loadAverageAtStart} → ${j.loadAverageAtEnd}`,
      };
    }),
  );
  for (const p of jobs) {
    const j = results[p];
    console.log(
      `  ${j.engine}: BG/NBD ${params(j.result.bgnbd, BG)} (${errors(j.vsTruth.bgnbd, BG)}); ` +
        `Gamma-Gamma ${params(j.result.gammaGamma, GG)} (${errors(j.vsTruth.gammaGamma, GG)}); ` +
        `${j.stored.toLocaleString('en-US')} predictions stored`,
    );
  }
}
console.log(`\nTotal ${s1(totalSeconds)} s; load average at the end ${loadAverage1m()}`);
const out = writeResult(`clv-fit-${customers}`, {
  machine: info,
  customers,
  pgCustomers,
  phases,
  results,
  totalSeconds,
});
console.log(`result: ${out}`);
