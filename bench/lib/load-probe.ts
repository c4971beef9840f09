import { renameSync, writeFileSync } from 'node:fs';

/**
 * Preloaded into the server of the load benchmark (`--import`), never into the product: on
 * SIGUSR2 it forces a garbage collection (the server runs with --expose-gc) and writes
 * process.memoryUsage() as JSON to LOAD_PROBE_FILE, so the benchmark can read the heap and RSS
 * that remain after a round without an endpoint for it.
 */
const file = process.env.LOAD_PROBE_FILE;
if (file) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    gc?.();
    // Written aside and renamed, so the reader never sees half a file.
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({ at: Date.now(), gc: !!gc, ...process.memoryUsage() }),
    );
    renameSync(`${file}.tmp`, file);
  });
}
