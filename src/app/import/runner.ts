import { hostname } from 'node:os';
import type { Runner } from '../../domain/import/abandoned-run';

/** This server process, as the runner of the imports it starts. */
export function currentRunner(): Runner {
  return { host: hostname(), pid: process.pid };
}

/** Whether a process of this host is alive (signal 0 tests without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to another user; only ESRCH means gone.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
