import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './lib/machine';
import { runPhase } from './lib/phase-process';
import { envInt, median, printTable, writeResult } from './lib/report';

/**
 * Tiering on the demo data set (issue 5): a full re-tier (`runTiering`: metrics from the
 * monthly rollups, evaluation, quotas, results stored) of the ABCD template on SQLite and on
 * PostgreSQL; evaluation and what-if steps in memory; and the peer, the same scorecard as one
 * DuckDB query over the raw orders and invoices, with the agreement of its tiers.
 * Sizes: BENCH_CUSTOMERS (default 1,000,000; ~10 orders and ~9 invoices each);
 * BENCH_PHASES picks phases (default data,sqlite,memory,duckdb; the PostgreSQL side is its own
 * command, BENCH_PHASES=postgres,duckdb, so each stays within ten minutes); BENCH_RUNS repeats
 * of each in-memory step (default 7). The generated SQLite database and its DuckDB copy are
 * cached under bench/out/ by size. Each phase runs in its own process.
 */
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const phases = (process.env.BENCH_PHASES ?? 'data,sqlite,memory,duckdb')
  .split(',')
  .map((s) => s.trim());
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const worker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'tiering-phase.ts');

const info = machine(pgUrl);
console.log(
  `tiering: ${customers.toLocaleString('en-US')} customers, ABCD scheme; ` +
    `load average ${info.loadAverage1m}`,
);
const started = performance.now();
// biome-ignore lint/suspicious/noExplicitAny: each phase reports its own shape of JSON.
const results: Record<string, any> = {};
for (const phase of phases) results[phase] = runPhase(worker, phase);
const totalSeconds = (performance.now() - started) / 1000;

const s1 = (x: number) => Math.round(x * 10) / 10;
const ms1 = (x: number) => Math.round(x * 10) / 10;
const duck = results.duckdb;
// The ratios divide by DuckDB's best run: on a shared two-core box its two threads are the
// first to lose a core, so its median drifts more than a single-threaded number does.
const duckMs: number | null = duck ? Math.min(...duck.queryMs) : null;
const ratio = (ms: number) => (duckMs ? `${(ms / duckMs).toFixed(2)}×` : '-');

if (results.data) {
  const d = results.data;
  console.log('\nData (SQLite, cached under bench/out/):');
  printTable([
    {
      customers: d.customers,
      orders: d.orders,
      invoices: d.payments,
      'rollup rows': d.rollups,
      'generated s': d.generatedSeconds === null ? 'cached' : s1(d.generatedSeconds),
    },
  ]);
}

const full = ['sqlite', 'postgres'].filter((p) => results[p]);
if (full.length) {
  console.log('\nFull re-tier (runTiering), seconds:');
  printTable(
    full.map((p) => {
      const r = results[p];
      return {
        engine: p,
        total: s1(r.seconds),
        'load metrics': s1(r.parts.metrics ?? 0),
        'evaluate + summary': s1(r.parts.evaluate ?? 0),
        'store results': s1(r.parts.store ?? 0),
        assigned: r.assigned,
        'load avg': r.loadAverageAtStart,
        'peak RSS MiB': r.peakRssMiB,
        'vs DuckDB': ratio(r.seconds * 1000),
      };
    }),
  );
  if (results.postgres)
    console.log(
      `PostgreSQL copy of customers and rollups (not timed in the run): ` +
        `${s1(results.postgres.copy.seconds)} s`,
    );
}

if (results.memory) {
  const m = results.memory;
  console.log(
    `\nIn memory (${m.customers.toLocaleString('en-US')} customers, ` +
      `${m.inSegment.toLocaleString('en-US')} in segment, ${m.criteria} criteria), ms:`,
  );
  const rows: Record<string, string | number>[] = [
    {
      step: 'loadEvaluation (input + evaluate)',
      first: Math.round(m.loadEvaluationMs),
      median: '-',
      min: '-',
      'cpu median': '-',
      service: '-',
      movers: '-',
      mismatches: '-',
      'vs DuckDB': ratio(m.loadEvaluationMs),
    },
    {
      step: 'evaluate',
      first: ms1(m.evaluate.first),
      median: ms1(m.evaluate.median),
      min: ms1(m.evaluate.min),
      'cpu median': ms1(m.evaluate.cpuMedian),
      service: '-',
      movers: '-',
      mismatches: '-',
      'vs DuckDB': ratio(m.evaluate.median),
    },
    {
      step: 'result rows (not written)',
      first: Math.round(m.resultRowsMs),
      median: '-',
      min: '-',
      'cpu median': '-',
      service: '-',
      movers: '-',
      mismatches: '-',
      'vs DuckDB': '-',
    },
  ];
  for (const w of m.whatIf)
    rows.push({
      step: `what-if ${w.step} (${w.scheme})`,
      first: ms1(w.engine.first),
      median: ms1(w.engine.median),
      min: ms1(w.engine.min),
      'cpu median': ms1(w.engine.cpuMedian),
      service: w.service ? ms1(w.service.median) : '-',
      movers: w.movers,
      mismatches: w.mismatches,
      'vs DuckDB': ratio(w.engine.median),
    });
  printTable(rows);
  console.log(`load average ${m.loadAverageAtStart}, peak RSS ${m.peakRssMiB} MiB`);
}

if (duck) {
  const l = duck.load;
  console.log('\nDuckDB peer (one query over raw orders, invoices, customers):');
  printTable([
    {
      'export s': l.exportSeconds === null ? 'cached' : s1(l.exportSeconds),
      'load s': l.loadSeconds === null ? 'cached' : s1(l.loadSeconds),
      orders: l.rows.orders,
      invoices: l.rows.payments,
      'query ms (best)': Math.round(duckMs ?? 0),
      'query ms (median)': Math.round(median(duck.queryMs)),
      'query ms (first)': Math.round(duck.queryMs[0]),
      rows: duck.rows,
      'peak RSS MiB': duck.peakRssMiB,
    },
  ]);
  const a = duck.agreement;
  if (a)
    console.log(
      `agreement with Tierdesk run ${duck.runId}: ${a.sameTier.toLocaleString('en-US')} of ` +
        `${a.compared.toLocaleString('en-US')} same tier, ${a.sameScore.toLocaleString('en-US')} ` +
        `same score; only in Tierdesk ${a.onlyTierdesk}, only in DuckDB ${a.onlyDuckDb}`,
    );
}
console.log(`\nwhole run ${s1(totalSeconds)} s`);

const file = writeResult(`tiering-${customers}`, {
  benchmark: 'tiering',
  date: new Date().toISOString(),
  machine: info,
  customers,
  totalSeconds,
  duckDbQueryBestMs: duckMs,
  results,
});
console.log(`wrote ${file}`);
