import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_DEFAULTS } from '../examples/demo';
import { loadDemo } from '../src/app/demo/demo.service';
import { seedDemoTiering } from '../src/app/demo/demo-tiering';
import type { DatabaseConfig } from '../src/config';
import { benchDeps, PG_URL } from './lib/bench-db';
import { type LoadResult, load } from './lib/frontline-load';
import { sessionCookie, startServer, stopServer } from './lib/frontline-server';
import { machine } from './lib/machine';
import { envInt, printTable, writeResult } from './lib/report';
import { withScratch } from './lib/scratch-server';
import { freePort } from './lib/serve-probe';

/**
 * Front-line card lookup under load: demo customers with the demo tiering published, the real
 * server (`tierdesk serve`) on loopback, autocannon asking for the card of random customer codes,
 * and a bare Fastify route in its own process as the ceiling, on SQLite then PostgreSQL.
 * Env: BENCH_CUSTOMERS (100,000), BENCH_SECONDS (10), BENCH_CONNECTIONS (10),
 * BENCH_ENGINES (sqlite,postgres), BENCH_PG_URL.
 */
const CUSTOMERS = envInt('BENCH_CUSTOMERS', 100_000);
const SECONDS = envInt('BENCH_SECONDS', 10);
const CONNECTIONS = envInt('BENCH_CONNECTIONS', 10);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',');
const PASSWORD = 'Bench-frontline-2026';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Loads the demo and its tiering; returns 2,000 random customer codes. */
async function prepare(database: DatabaseConfig, dataDir: string): Promise<string[]> {
  const deps = await benchDeps(database, dataDir);
  try {
    const t0 = performance.now();
    await loadDemo(deps, { customers: CUSTOMERS, asOf: DEMO_DEFAULTS.asOf });
    await seedDemoTiering(deps, DEMO_DEFAULTS.asOf, () => {});
    console.log(
      `  prepared ${CUSTOMERS} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const rows = await deps.store.db.selectFrom('customers').select('code').execute();
    const codes: string[] = [];
    for (let i = 0; i < 2000; i++)
      codes.push(rows[Math.floor(Math.random() * rows.length)]?.code as string);
    return codes;
  } finally {
    await deps.store.close();
  }
}

async function measure(engine: string, bare: LoadResult): Promise<LoadResult & { ratio: number }> {
  return withScratch(engine, 'frontline', async ({ database, dataDir, serverEnv }) => {
    const codes = await prepare(database, dataDir);
    const port = await freePort();
    const env = serverEnv(port, PASSWORD);
    const server = await startServer([TSX, join(ROOT, 'src/cli/main.ts'), 'serve'], env, port);
    try {
      const cookie = await sessionCookie(port, 'admin', PASSWORD);
      const paths = codes.map((c) => `/api/frontline/card?code=${encodeURIComponent(c)}`);
      // Warm-up: JIT, catalog cache, page cache.
      await load({
        label: 'warm-up',
        port,
        path: paths[0] as string,
        paths,
        cookie,
        seconds: 2,
        connections: CONNECTIONS,
      });
      const r = await load({
        label: `card, ${engine}`,
        port,
        path: paths[0] as string,
        paths,
        cookie,
        seconds: SECONDS,
        connections: CONNECTIONS,
      });
      return {
        ...r,
        ratio: Math.round((r.requestsPerSecond / bare.requestsPerSecond) * 1000) / 10,
      };
    } finally {
      await stopServer(server);
    }
  });
}

async function ceiling(): Promise<LoadResult> {
  const port = await freePort();
  const bare = await startServer(
    [TSX, join(ROOT, 'bench/lib/frontline-bare-server.ts')],
    { ...process.env, PORT: String(port), NODE_ENV: 'production' },
    port,
  );
  try {
    await load({ label: 'warm-up', port, path: '/bare', seconds: 2, connections: CONNECTIONS });
    return await load({
      label: 'bare Fastify route',
      port,
      path: '/bare',
      seconds: SECONDS,
      connections: CONNECTIONS,
    });
  } finally {
    await stopServer(bare);
  }
}

const m = machine(PG_URL);
console.log(
  `Front-line card: ${CUSTOMERS} customers, ${SECONDS} s × ${CONNECTIONS} connections, load ${m.loadAverage1m}`,
);
const rows: (LoadResult & { ratio: number })[] = [];
for (const engine of ENGINES) {
  // The ceiling is measured right before each engine, so both see the same machine load.
  const bare = await ceiling();
  rows.push({ ...bare, ratio: 100 });
  rows.push(await measure(engine, bare));
}
printTable(
  rows.map((r) => ({
    run: r.label,
    'req/s': r.requestsPerSecond,
    'p50 ms': r.p50Ms,
    'p99 ms': r.p99Ms,
    requests: r.requests,
    'non-2xx': r.non2xx,
    '% of ceiling': r.ratio,
  })),
);
writeResult('frontline', {
  machine: m,
  customers: CUSTOMERS,
  seconds: SECONDS,
  connections: CONNECTIONS,
  rows,
});
// A card that did not answer 2xx was not a card served: such a run measures nothing.
const refused = rows.filter((r) => r.non2xx > 0);
if (refused.length > 0) {
  console.error(`FAILED: non-2xx answers in ${refused.map((r) => r.label).join(', ')}`);
  process.exitCode = 1;
}
