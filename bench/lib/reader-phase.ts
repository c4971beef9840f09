import { openTextStream } from '../../src/app/import/decode';
import {
  readDelimitedBatches,
  readDelimitedWithCsvParse,
} from '../../src/app/import/read-delimited';
import { peakRssMiB } from './bench-db';
import { processCpuSeconds } from './process-cpu';

/**
 * Reads a UTF-8 CSV file to the end with one reader, in a process of its own:
 *   <fast|csv-parse> <csv file>
 * `fast` is the import's reader (plain lines split directly, quoted ones through csv-parse);
 * `csv-parse` streams the whole file through csv-parse, as the import did before. Prints one
 * JSON line: rows, seconds, CPU seconds, peak RSS.
 */
const [reader, file] = process.argv.slice(2);
if (!file || (reader !== 'fast' && reader !== 'csv-parse')) {
  throw new Error('usage: <fast|csv-parse> <csv file>');
}
const text = openTextStream(file, 'utf-8', 0);
const opts = { delimiter: ',' };
const cpu0 = processCpuSeconds();
const t0 = performance.now();
let rows = 0;
const batches =
  reader === 'fast' ? readDelimitedBatches(text, opts) : readDelimitedWithCsvParse(text, opts);
for await (const b of batches) rows += b.length;
console.log(
  JSON.stringify({
    reader,
    rows,
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: processCpuSeconds() - cpu0,
    peakRssMiB: peakRssMiB(),
  }),
);
