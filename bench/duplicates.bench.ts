import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSchema, PG_URL, pgAdmin } from './lib/bench-db';
import { machine } from './lib/machine';
import { envInt, printTable, writeResult } from './lib/report';

/**
 * Duplicate detection over BENCH_CUSTOMERS (default 1,000,000) demo customers with
 * BENCH_DUPLICATES (default 10,000) injected duplicates of each kind (same normalised name,
 * similar name, same contact phone; see lib/duplicates-data.ts): the time to load what
 * detection compares, to find the pairs, and of listDuplicateCandidates as the list page calls
 * it; peak RSS; recall per kind and precision on the pairs that involve an injected record.
 * BENCH_ENGINES picks sqlite and/or postgres (default both); BENCH_MIN_SCORE the similarity
 * threshold (default 0.8, the service's default). Data lives in a temporary SQLite file or a
 * fresh PostgreSQL schema, removed afterwards.
 */
const CUSTOMERS = envInt('BENCH_CUSTOMERS', 1_000_000);
const PER_KIND = envInt('BENCH_DUPLICATES', 10_000);
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const worker = join(dirname(fileURLToPath(import.meta.url)), 'lib', 'duplicates-phase.ts');

type Figures = Record<string, unknown> & {
  engine: string;
  subjects: number;
  pairs: number;
  loadSeconds: number;
  detectSeconds: number;
  serviceSeconds: number;
  peakRssMiB: number;
  heapSubjectsMiB: number;
  precisionOnInjected: number | null;
  recall: Record<string, { injected: number; found: number; withReason: number; viaGroup: number }>;
  unlabelledPairsByReason: Record<string, number>;
};

function phase(args: string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, ...args], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    throw new Error(`${args.join(' ')} failed (exit ${r.status ?? r.signal})\n${r.stdout}`);
  }
  return JSON.parse(last) as Record<string, unknown>;
}

const info = machine(PG_URL);
console.log(
  `duplicates: ${CUSTOMERS.toLocaleString('en-US')} customers + ${PER_KIND.toLocaleString('en-US')} ` +
    `injected duplicates of each kind; load average ${info.loadAverage1m}`,
);
const dir = mkdtempSync(join(tmpdir(), 'td-bench-dup-'));
const results: Figures[] = [];
const setups: Record<string, unknown>[] = [];
try {
  for (const engine of ENGINES) {
    const truth = join(dir, `${engine}-truth.json`);
    const schema = benchSchema('bench_dup');
    const where = engine === 'sqlite' ? join(dir, 'duplicates.db') : schema;
    if (engine === 'postgres') await pgAdmin(`create schema ${schema}`);
    try {
      const s = phase(['setup', engine, where, truth]);
      setups.push(s);
      console.log(
        `${engine}: ${s.customers} customers, ${s.creditCodes} credit codes, ${s.contacts} contacts ` +
          `written in ${(Number(s.customersSeconds) + Number(s.extrasSeconds)).toFixed(1)} s`,
      );
      results.push(phase(['find', engine, where, truth]) as Figures);
    } finally {
      if (engine === 'postgres') await pgAdmin(`drop schema if exists ${schema} cascade`);
      else rmSync(join(dir, 'duplicates.db'), { force: true });
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const s = (n: number) => Math.round(n * 100) / 100;
printTable(
  results.map((r) => ({
    engine: r.engine,
    customers: r.subjects,
    'load s': s(r.loadSeconds),
    'detect s': s(r.detectSeconds),
    'list page s': s(r.serviceSeconds),
    pairs: r.pairs,
    'subjects heap MiB': r.heapSubjectsMiB,
    'list page peak RSS MiB': r.peakRssMiB,
  })),
);
console.log('');
printTable(
  results.flatMap((r) =>
    Object.entries(r.recall).map(([kind, v]) => ({
      engine: r.engine,
      'injected kind': kind,
      injected: v.injected,
      'pair found': v.found,
      'with that reason': v.withReason,
      'in its same-name group': v.viaGroup,
      recall: s((v.found + v.viaGroup) / v.injected),
    })),
  ),
);
for (const r of results) {
  console.log(
    `${r.engine}: precision on pairs involving an injected record ${r.precisionOnInjected === null ? '-' : s(r.precisionOnInjected)}; ` +
      `pairs among the generated customers by first reason ${JSON.stringify(r.unlabelledPairsByReason)}`,
  );
}
const file = writeResult(`duplicates-${CUSTOMERS}`, {
  benchmark: 'duplicates',
  date: new Date().toISOString(),
  machine: info,
  customers: CUSTOMERS,
  duplicatesPerKind: PER_KIND,
  setups,
  results,
});
console.log(`wrote ${file}`);
