import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type pg from 'pg';

/** Clock ticks per second of /proc's CPU counters (100 on Linux unless configured otherwise). */
const TICKS = (() => {
  const r = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
  const n = Number(r.stdout?.trim());
  return Number.isFinite(n) && n > 0 ? n : 100;
})();

/** User plus system CPU seconds of this process so far. */
export function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/** User plus system CPU seconds of a process on this machine, from /proc; 0 when unreadable. */
export function pidCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / TICKS;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds so far of each PostgreSQL server process serving connections named `appName`
 * (the server runs on this machine in the benchmark setup, so /proc shows its processes).
 */
export async function backendCpuSeconds(
  pool: pg.Pool,
  appName: string,
): Promise<Map<number, number>> {
  const r = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where application_name = $1',
    [appName],
  );
  return new Map(r.rows.map((row) => [row.pid, pidCpuSeconds(row.pid)]));
}

/** Wall time, CPU seconds and peak RSS of a command, measured by GNU time. */
export interface TimedRun {
  seconds: number;
  cpuSeconds: number;
  peakRssMiB: number;
  stdout: string;
}

/** Runs a command under /usr/bin/time; throws with its output when it fails. */
export function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): TimedRun {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', cmd, ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 1 << 24,
  });
  const seconds = (performance.now() - t0) / 1000;
  const line = /TIME (\S+) (\S+) (\S+) (\S+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !line) {
    throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}\n${r.stdout}`);
  }
  return {
    seconds,
    cpuSeconds: Number(line[2]) + Number(line[3]),
    peakRssMiB: Math.round(Number(line[4]) / 1024),
    stdout: r.stdout,
  };
}
