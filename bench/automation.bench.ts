import { loadavg } from 'node:os';
import { runSweep, type SweepProgress } from '../src/app/automation/sweep.service';
import { type Ctx, systemCtx } from '../src/app/context';
import { openAutomationData } from './lib/automation-data';
import { resetAutomation } from './lib/automation-reset';
import { machine } from './lib/machine';
import { envInt, printTable, writeResult } from './lib/report';
import { TIERING_AS_OF } from './lib/tiering-data';

/**
 * Automation rule sweep (issue 7): every rule over all customers of the demo data set
 * (BENCH_CUSTOMERS, default 1,000,000; ~10 orders, ~9 invoices and surveys each). SQLite by
 * default: the tiering benchmark's data set, generated once and cached under bench/out/;
 * BENCH_ENGINE=postgres loads a fresh schema instead (slow at full size: use a smaller
 * BENCH_CUSTOMERS). Earlier firings (and what they did) are removed first, so every run sweeps
 * from the same state. A second sweep shows the
 * cost of an idempotent re-run (everything already fired). BENCH_BATCH sets the customers per
 * batch (default 20,000).
 */
const customers = envInt('BENCH_CUSTOMERS', 1_000_000);
const batchSize = envInt('BENCH_BATCH', 20_000);
const engine = process.env.BENCH_ENGINE === 'postgres' ? 'postgres' : 'sqlite';
const info = machine();
console.log(
  `automation: ${customers.toLocaleString('en-US')} customers, batches of ${batchSize.toLocaleString('en-US')}; load average ${info.loadAverage1m}`,
);
const data = await openAutomationData(engine, customers, (l) => console.log(l));
console.log(
  data.generatedSeconds === null
    ? `  data: cached ${data.where}`
    : `  data: generated in ${data.generatedSeconds.toFixed(0)} s (${data.where})`,
);
const deps = data.deps;
const ctx: Ctx = { ...systemCtx('bench'), now: () => new Date(`${TIERING_AS_OF}T04:00:00Z`) };
const removed = await resetAutomation(deps);
console.log(`  reset: ${removed} earlier firings removed`);

const rssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
async function sweep(label: string): Promise<{ p: SweepProgress; seconds: number }> {
  const t0 = performance.now();
  let shown = 0;
  const p = await runSweep(deps, ctx, {
    batchSize,
    onProgress: (x) => {
      if (x.done - shown >= customers / 5) {
        shown = x.done;
        console.log(
          `  ${label}: ${x.done.toLocaleString('en-US')} customers, ${x.firings.toLocaleString('en-US')} firings`,
        );
      }
    },
  });
  return { p, seconds: (performance.now() - t0) / 1000 };
}

const first = await sweep('first sweep');
const byRule = await deps.store.db
  .selectFrom('automation_firings')
  .select(['rule', (eb) => eb.fn.countAll<number>().as('n')])
  .groupBy('rule')
  .execute();
const second = await sweep('second sweep');
// The cached data set is shared with the tiering benchmark: leave it as it was found.
await resetAutomation(deps);
await data.dispose();

const row = (name: string, r: { p: SweepProgress; seconds: number }) => ({
  sweep: name,
  customers: r.p.customers,
  firings: r.p.firings,
  seconds: Math.round(r.seconds * 10) / 10,
  'customers/s': Math.round(r.p.customers / r.seconds),
});
console.log(`\nSweep of all rules (${engine}):`);
printTable([row('first (fires)', first), row('second (nothing new)', second)]);
console.log('\nFirings by rule:');
printTable(byRule.map((r) => ({ rule: r.rule, firings: Number(r.n) })));
console.log(`\npeak RSS ${rssMiB()} MiB; load average at the end ${loadavg()[0]?.toFixed(2)}`);
const out = writeResult(`automation-${engine}-${customers}`, {
  machine: info,
  engine,
  customers,
  batchSize,
  first: row('first', first),
  second: row('second', second),
  byRule: Object.fromEntries(byRule.map((r) => [r.rule, Number(r.n)])),
  peakRssMiB: rssMiB(),
});
console.log(`result: ${out}`);
