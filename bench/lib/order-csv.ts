import { closeSync, openSync, writeSync } from 'node:fs';
import { Rng } from '../../examples/demo/rng';

/**
 * A deterministic order CSV for the import benchmark, written as a stream (a 1 MiB buffer at a
 * time, whatever the row count): `customer_code,order_no,order_date,amount,quantity,product`.
 * Row i is the same whatever the total, so the first N rows of a big file are the small file.
 * About 1% of the product names hold a comma and are quoted, as spreadsheet exports do, so the
 * reader's quoted-field path is exercised too.
 */
export const ORDER_CSV_HEADER = 'customer_code,order_no,order_date,amount,quantity,product';

const PRODUCTS = [
  '工业轴承 6204-2RS',
  '伺服电机 750W',
  '不锈钢法兰 DN50',
  'PLC 控制模块',
  '液压油缸 63×200',
  '变频器 7.5kW',
  'Ball valve DN25',
  'Cable tray 200mm',
  '减速机 RV63',
  '密封圈 NBR 70',
  '光电传感器 E3Z',
  'LED 工矿灯 150W',
];
const QUOTED_PRODUCTS = ['"Gasket, spiral wound"', '"螺栓, M12×40"', '"Filter ""HEPA"" H13"'];

/** The code of customer k (1-based), as the benchmark's pre-created customers carry it. */
export function customerCode(k: number): string {
  return `C${String(k).padStart(7, '0')}`;
}

const DAY_MS = 86_400_000;
const START = Date.UTC(2023, 0, 1);
const DAYS = 1430; // 2023-01-01 … 2026-11-30

function isoDay(n: number): string {
  return new Date(START + n * DAY_MS).toISOString().slice(0, 10);
}

/** Writes `rows` data rows (plus the header) over `customers` customer codes; returns bytes. */
export function writeOrderCsv(
  path: string,
  rows: number,
  customers: number,
  seed = 20261130,
): number {
  const rng = new Rng(seed, 7);
  const days = Array.from({ length: DAYS }, (_, i) => isoDay(i));
  const fd = openSync(path, 'w');
  let bytes = 0;
  let chunk = `${ORDER_CSV_HEADER}\n`;
  try {
    for (let i = 1; i <= rows; i++) {
      const customer = 1 + rng.int(customers);
      const day = days[rng.int(DAYS)] as string;
      const cents = 100 + rng.int(2_000_000);
      const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      const quantity = 1 + rng.int(20);
      const product = rng.chance(0.01)
        ? (QUOTED_PRODUCTS[rng.int(QUOTED_PRODUCTS.length)] as string)
        : (PRODUCTS[rng.int(PRODUCTS.length)] as string);
      chunk += `${customerCode(customer)},SO${String(i).padStart(10, '0')},${day},${amount},${quantity},${product}\n`;
      if (chunk.length >= 1 << 20) {
        bytes += writeSync(fd, chunk);
        chunk = '';
      }
    }
    bytes += writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
