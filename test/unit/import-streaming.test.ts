import { execFileSync } from 'node:child_process';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDir } from './import-support';

const tmp = tempDir();
const PROBE = fileURLToPath(new URL('./import-memory-probe.ts', import.meta.url));
const HEAP_MIB = 48;

describe('streaming readers', () => {
  it(`read a file larger than a ${HEAP_MIB} MiB heap to the end`, () => {
    // ~60 MB of CSV: held whole as one string it alone would exceed the child's heap limit, so
    // finishing proves rows are streamed rather than the file loaded.
    const file = tmp.path('big.csv');
    const fd = openSync(file, 'w');
    writeSync(fd, '客户名称,日期,金额,备注\r\n');
    const rows = 740_000;
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      chunk += `"深圳某某科技有限公司${i}",2024-01-05,"1,234.56",note ${i}\r\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    }
    writeSync(fd, chunk);
    closeSync(fd);
    expect(statSync(file).size).toBeGreaterThan(HEAP_MIB * 2 ** 20);
    const out = execFileSync(
      process.execPath,
      [`--max-old-space-size=${HEAP_MIB}`, '--import', 'tsx', PROBE, file],
      {
        encoding: 'utf8',
      },
    );
    const result = JSON.parse(out) as { rows: number; peakHeapMiB: number };
    expect(result.rows).toBe(rows + 1);
    expect(result.peakHeapMiB).toBeLessThan(HEAP_MIB);
  });
});
