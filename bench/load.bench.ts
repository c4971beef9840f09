import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_DEFAULTS } from '../examples/demo';
import { loadDemo } from '../src/app/demo/demo.service';
import { seedDemoTiering } from '../src/app/demo/demo-tiering';
import type { DatabaseConfig } from '../src/config';
import { FINISHED_STATUSES } from '../src/domain/service/ticket-status';
import { benchDeps, PG_URL } from './lib/bench-db';
import { startServer, stopServer } from './lib/frontline-server';
import { call, signInOver } from './lib/load-client';
import { type MemorySample, sampleMemory } from './lib/load-memory';
import { type LoadTargets, mixedRound, type RoundResult } from './lib/load-workload';
import { machine } from './lib/machine';
import { envInt, printTable, writeResult } from './lib/report';
import { withScratch } from './lib/scratch-server';
import { freePort } from './lib/serve-probe';

/**
 * Mixed workload on the real server (`tierdesk serve` as a child process) over loopback, on
 * SQLite then PostgreSQL: front-line card lookups on most connections, notes added to open
 * tickets and order checks on the rest, and customer imports running one after another in the
 * background. Two identical rounds per engine; the server's memory is read after a forced
 * garbage collection before the first round and after each, so growth shows. Any non-2xx answer,
 * socket error or failed import fails the benchmark.
 * Env: BENCH_CUSTOMERS (3,000), BENCH_SECONDS (20 per round), BENCH_CONNECTIONS (20),
 * BENCH_IMPORT_ROWS (2,000 per background import), BENCH_ENGINES (sqlite,postgres), BENCH_PG_URL.
 */
const CUSTOMERS = envInt('BENCH_CUSTOMERS', 3000);
const SECONDS = envInt('BENCH_SECONDS', 20);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 20);
const IMPORT_ROWS = envInt('BENCH_IMPORT_ROWS', 2000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const PASSWORD = 'Bench-load-2026!';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const load1 = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/** Loads the demo company and its published tiers; returns what the workload works on. */
async function prepare(database: DatabaseConfig, dataDir: string): Promise<LoadTargets> {
  const deps = await benchDeps(database, dataDir);
  try {
    const t0 = performance.now();
    await loadDemo(deps, { customers: CUSTOMERS, asOf: DEMO_DEFAULTS.asOf });
    await seedDemoTiering(deps, DEMO_DEFAULTS.asOf, () => {});
    console.log(
      `  prepared ${CUSTOMERS} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const tiered = await deps.store.db
      .selectFrom('customer_tiers as t')
      .innerJoin('customers as c', 'c.id', 't.customer_id')
      .select('c.code')
      .distinct()
      .limit(1000)
      .execute();
    const open = await deps.store.db
      .selectFrom('tickets')
      .select('id')
      .where('status', 'not in', [...FINISHED_STATUSES])
      .limit(200)
      .execute();
    const far = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    return {
      codes: tiered.map((r) => r.code),
      ticketIds: open.map((r) => Number(r.id)),
      deliveryDate: far,
    };
  } finally {
    await deps.store.close();
  }
}

interface EngineResult {
  engine: string;
  prepared: { customers: number; tickets: number };
  memory: { beforeMiB: MemorySample; afterRound1MiB: MemorySample; afterRound2MiB: MemorySample };
  rounds: (RoundResult & { loadAverageStart: number; loadAverageEnd: number })[];
}

async function measure(engine: string): Promise<EngineResult> {
  return withScratch(engine, 'load', async ({ database, dataDir, serverEnv }) => {
    const targets = await prepare(database, dataDir);
    if (targets.codes.length === 0 || targets.ticketIds.length === 0) {
      throw new Error('the demo data has no tiered customers or no open tickets');
    }
    const port = await freePort();
    const probeFile = join(dataDir, 'memory.json');
    const env = serverEnv(port, PASSWORD, { LOAD_PROBE_FILE: probeFile });
    const argv = [
      process.execPath,
      '--expose-gc',
      '--import',
      'tsx',
      '--import',
      join(ROOT, 'bench/lib/load-probe.ts'),
      join(ROOT, 'src/cli/main.ts'),
      'serve',
    ];
    const server = await startServer(argv, env, port);
    try {
      const session = await signInOver(port, 'admin', PASSWORD);
      // One of each request by hand first: a mistake in the workload fails here, not as
      // thousands of non-2xx answers.
      await call(session, 'GET', `/api/frontline/card?code=${targets.codes[0]}`);
      await call(session, 'POST', `/api/tickets/${targets.ticketIds[0]}/messages`, {
        kind: 'note',
        body: 'check',
      });
      await call(session, 'POST', '/api/orders/check', {
        customerCode: targets.codes[0],
        lines: [{ product: 'Pump P-100', quantity: 1, internalPriceMinor: 10_000 }],
        requestedDiscountPct: 0,
        paymentTerm: 'prepay',
        deliveryDate: targets.deliveryDate,
        rush: false,
      });
      const round = (seconds: number, prefix: string) =>
        mixedRound({
          port,
          session,
          targets,
          seconds,
          connections: CONNECTIONS,
          importRows: IMPORT_ROWS,
          importPrefix: prefix,
        });
      console.log('  warm-up (3 s)');
      await round(3, 'W');
      const before = await sampleMemory(server, probeFile);
      const rounds: EngineResult['rounds'] = [];
      const after: MemorySample[] = [];
      for (const n of [1, 2]) {
        const loadAverageStart = load1();
        console.log(
          `  round ${n} (${SECONDS} s, ${CONNECTIONS} connections, load ${loadAverageStart})`,
        );
        const r = await round(SECONDS, `R${n}X`);
        rounds.push({ ...r, loadAverageStart, loadAverageEnd: load1() });
        after.push(await sampleMemory(server, probeFile));
      }
      return {
        engine,
        prepared: { customers: CUSTOMERS, tickets: targets.ticketIds.length },
        memory: {
          beforeMiB: before,
          afterRound1MiB: after[0] as MemorySample,
          afterRound2MiB: after[1] as MemorySample,
        },
        rounds,
      };
    } finally {
      await stopServer(server);
    }
  });
}

const m = machine(PG_URL);
const started = Date.now();
console.log(
  `Mixed load: ${CUSTOMERS} customers, 2 × ${SECONDS} s × ${CONNECTIONS} connections per engine, ` +
    `imports of ${IMPORT_ROWS} rows in the background, load ${m.loadAverage1m}`,
);
const results: EngineResult[] = [];
for (const engine of ENGINES) {
  console.log(`\n${engine}`);
  results.push(await measure(engine));
}

const rows: Record<string, string | number>[] = [];
for (const e of results) {
  for (const [i, r] of e.rounds.entries()) {
    for (const k of r.kinds) {
      rows.push({
        engine: e.engine,
        round: i + 1,
        kind: k.kind,
        conns: k.connections,
        'req/s': k.requestsPerSecond,
        'p50 ms': k.p50Ms,
        'p99 ms': k.p99Ms,
        requests: k.requests,
        'non-2xx': k.non2xx,
        errors: k.errors,
      });
    }
  }
}
printTable(rows);
console.log('');
printTable(
  results.flatMap((e) =>
    e.rounds.map((r, i) => ({
      engine: e.engine,
      round: i + 1,
      'total req/s': r.totalRequestsPerSecond,
      imports: r.imports.runs,
      'rows imported': r.imports.rows,
      'import s': r.imports.seconds.join(' '),
      load: `${r.loadAverageStart} → ${r.loadAverageEnd}`,
    })),
  ),
);
console.log('');
printTable(
  results.flatMap((e) =>
    (['beforeMiB', 'afterRound1MiB', 'afterRound2MiB'] as const).map((k) => ({
      engine: e.engine,
      when: k.replace('MiB', ''),
      'RSS MiB': e.memory[k].rssMiB,
      'heap used MiB': e.memory[k].heapUsedMiB,
      'heap total MiB': e.memory[k].heapTotalMiB,
      'external MiB': e.memory[k].externalMiB,
    })),
  ),
);
const failures = results.flatMap((e) =>
  e.rounds.flatMap((r, i) =>
    r.kinds
      .filter((k) => k.non2xx > 0 || k.errors > 0)
      .map(
        (k) =>
          `${e.engine} round ${i + 1} ${k.kind}: ${k.non2xx} non-2xx, ${k.errors} errors, ` +
          `statuses ${JSON.stringify(k.statuses)}`,
      ),
  ),
);
const file = writeResult('load', {
  machine: m,
  loadAverageEnd: load1(),
  minutes: Math.round((Date.now() - started) / 600) / 100,
  customers: CUSTOMERS,
  seconds: SECONDS,
  connections: CONNECTIONS,
  importRows: IMPORT_ROWS,
  results,
  failures,
});
console.log(`\nwritten ${file}; ${((Date.now() - started) / 60_000).toFixed(1)} min`);
if (failures.length) {
  console.error(`FAILED: ${failures.join('; ')}`);
  process.exit(1);
}
