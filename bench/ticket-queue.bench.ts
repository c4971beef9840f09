import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DatabaseConfig } from '../src/config';
import { queuePage, supervisorCounts } from '../src/store/sla/ticket-sla-queue.repository';
import { benchDeps, benchSchema, PG_URL, pgAdmin } from './lib/bench-db';
import { machine } from './lib/machine';
import { envInt, median, printTable, writeResult } from './lib/report';
import { fillOpenTickets } from './lib/ticket-queue-data';

/**
 * The agent queue at scale: BENCH_TICKETS (1,000,000) open tickets with clock rows on SQLite
 * and PostgreSQL, then the first page of the queue (`queuePage`, the query behind
 * GET /api/tickets/queue: breached first, resolution due, tier, level; with the total count),
 * one agent's page (`mine`), and the supervisor counts. p50 of BENCH_RUNS (50) runs each
 * (the supervisor counts: 10). Env: BENCH_ENGINES (sqlite,postgres).
 */
const TICKETS = envInt('BENCH_TICKETS', 1_000_000);
const RUNS = envInt('BENCH_RUNS', 50);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as (
  | 'sqlite'
  | 'postgres'
)[];
const BASE = '2026-11-27T00:00:00.000Z';
const TIERS = ['A', 'B', 'C', 'D'];

async function timeIt(runs: number, f: () => Promise<unknown>): Promise<number> {
  await f(); // warm
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    ms.push(performance.now() - t0);
  }
  return Math.round(median(ms) * 100) / 100;
}

const info = machine(PG_URL);
console.log(`ticket queue: ${TICKETS.toLocaleString('en-US')} open tickets, p50 of ${RUNS} runs`);
const rows: Record<string, string | number>[] = [];
const dir = mkdtempSync(join(tmpdir(), 'td-bench-queue-'));
try {
  for (const engine of ENGINES) {
    const schema = benchSchema('bench_queue');
    const database: DatabaseConfig =
      engine === 'postgres'
        ? { engine: 'postgres', url: PG_URL, schema }
        : { engine: 'sqlite', file: join(dir, 'queue.db') };
    if (engine === 'postgres') await pgAdmin(`create schema ${schema}`);
    const deps = await benchDeps(database, dir);
    try {
      const db = deps.store.db;
      const t0 = performance.now();
      await db.transaction().execute((trx) => fillOpenTickets(trx, engine, TICKETS, BASE));
      const loadS = (performance.now() - t0) / 1000;
      if (engine === 'postgres')
        await pgAdmin(`analyze ${schema}.tickets; analyze ${schema}.ticket_slas`);
      else deps.store.sqlite?.exec('analyze');
      const now = '2026-12-05T00:00:00.000Z';
      const page = await timeIt(RUNS, () => queuePage(db, { tiersBestFirst: TIERS }, 1, 20));
      const mine = await timeIt(RUNS, () =>
        queuePage(db, { tiersBestFirst: TIERS, assigneeId: 7 }, 1, 20),
      );
      const counts = await timeIt(Math.min(RUNS, 10), () => supervisorCounts(db, now));
      rows.push({
        engine,
        tickets: TICKETS,
        'load s': Math.round(loadS * 10) / 10,
        'queue page p50 ms': page,
        'mine page p50 ms': mine,
        'supervisor counts p50 ms': counts,
      });
      console.log(rows[rows.length - 1]);
    } finally {
      await deps.store.close();
      if (engine === 'postgres') await pgAdmin(`drop schema if exists ${schema} cascade`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
printTable(rows);
writeResult('ticket-queue', { machine: info, tickets: TICKETS, runs: RUNS, results: rows });
