import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

/** The 1-minute load average, to two decimals. */
export const loadAverage1m = (): number => Math.round((loadavg()[0] ?? 0) * 100) / 100;

/**
 * Runs one phase of a benchmark in its own Node process (so memory figures and JIT state do not
 * leak between phases) and returns the JSON object the phase printed as its last line, with the
 * load average at its start and end and its wall-clock seconds. A failed phase ends the run.
 */
// biome-ignore lint/suspicious/noExplicitAny: each phase reports its own shape of JSON.
export function runPhase(worker: string, phase: string, maxBuffer = 16 << 20): any {
  const load = loadAverage1m();
  console.log(`-- ${phase} (load average ${load})`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', worker, phase], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer,
  });
  const last = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 || !last.startsWith('{')) {
    console.error(`phase ${phase} failed (exit ${r.status ?? r.signal})\n${r.stdout}`);
    process.exit(1);
  }
  return {
    ...JSON.parse(last),
    loadAverageAtStart: load,
    loadAverageAtEnd: loadAverage1m(),
    wallSeconds: (performance.now() - t0) / 1000,
  };
}
