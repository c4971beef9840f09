/**
 * Run by import-streaming.test.ts in a child process with a small heap: reads an import file to
 * the end and prints the row count and the peak heap, so the test can show memory stays flat.
 */
import { openImportFile } from '../../src/app/import/import-file';

const [file, encoding] = process.argv.slice(2);
const source = await openImportFile(file!, encoding ? { encoding: encoding as 'gbk' } : {});
let rows = 0;
let peak = 0;
for await (const _ of source.rows()) {
  rows++;
  if (rows % 10_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
process.stdout.write(JSON.stringify({ rows, peakHeapMiB: Math.round(peak / 2 ** 20) }));
