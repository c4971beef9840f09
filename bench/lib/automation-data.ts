import { loadDemo } from '../../src/app/demo/demo.service';
import type { Deps } from '../../src/app/deps';
import { benchDeps, benchSchema, PG_URL, pgAdmin } from './bench-db';
import { ensureTieringDb, TIERING_AS_OF } from './tiering-data';

export interface AutomationData {
  deps: Deps;
  /** Where the data lives (file or schema), for the report. */
  where: string;
  /** Seconds generation took; null when a cached SQLite file was used. */
  generatedSeconds: number | null;
  dispose(): Promise<void>;
}

/**
 * The demo data set for the sweep benchmark. SQLite: the tiering benchmark's cached file under
 * bench/out (generated once). PostgreSQL: a fresh schema loaded with the demo generator through
 * the product's bulk path, dropped afterwards unless BENCH_KEEP_DB=1.
 */
export async function openAutomationData(
  engine: 'sqlite' | 'postgres',
  customers: number,
  log: (line: string) => void,
): Promise<AutomationData> {
  if (engine === 'sqlite') {
    const { file, generatedSeconds } = await ensureTieringDb(customers, 42, log);
    const deps = await benchDeps({ engine: 'sqlite', file }, `${file}.data`);
    return { deps, where: file, generatedSeconds, dispose: () => deps.store.close() };
  }
  const schema = benchSchema('automation');
  await pgAdmin(`create schema ${schema}`);
  const deps = await benchDeps({ engine: 'postgres', url: PG_URL, schema }, `/tmp/${schema}`);
  const t0 = performance.now();
  const step = Math.max(1, Math.floor(customers / 5));
  await loadDemo(deps, {
    customers,
    seed: 42,
    asOf: TIERING_AS_OF,
    onProgress: (p) => {
      if (p.done % step === 0) log(`  generating: ${p.done.toLocaleString('en-US')} customers`);
    },
  });
  return {
    deps,
    where: `PostgreSQL schema ${schema}`,
    generatedSeconds: (performance.now() - t0) / 1000,
    async dispose() {
      await deps.store.close();
      if (process.env.BENCH_KEEP_DB !== '1') await pgAdmin(`drop schema ${schema} cascade`);
    },
  };
}
