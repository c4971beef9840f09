import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/** The server's memory after a forced collection, in MiB. */
export interface MemorySample {
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
}

const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/**
 * Asks the server started with bench/lib/load-probe.ts to collect garbage and report its
 * memory (SIGUSR2), and waits for the report in `file`.
 */
export async function sampleMemory(server: ChildProcess, file: string): Promise<MemorySample> {
  const asked = Date.now();
  process.kill(server.pid as number, 'SIGUSR2');
  for (;;) {
    if (existsSync(file)) {
      const m = JSON.parse(readFileSync(file, 'utf8')) as {
        at: number;
        gc: boolean;
        rss: number;
        heapUsed: number;
        heapTotal: number;
        external: number;
      };
      if (m.at >= asked) {
        if (!m.gc) throw new Error('the server was not started with --expose-gc');
        return {
          rssMiB: mib(m.rss),
          heapUsedMiB: mib(m.heapUsed),
          heapTotalMiB: mib(m.heapTotal),
          externalMiB: mib(m.external),
        };
      }
    }
    if (Date.now() - asked > 30_000) throw new Error('the server did not report its memory');
    await new Promise((r) => setTimeout(r, 50));
  }
}
