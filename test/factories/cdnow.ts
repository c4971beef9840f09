import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A file of the reference data in the sibling folder shared/ (../shared from the repo root). */
export function sharedData(name: string): string {
  return readFileSync(
    fileURLToPath(new URL(`../../../shared/data/${name}`, import.meta.url)),
    'utf8',
  );
}

/** One CDNOW purchase: the sample customer (sample_id as a plain number), its day and amount. */
export interface CdnowTransaction {
  customerId: string;
  date: string;
  amount: number;
}

/** CDNOW_sample.txt (`master_id sample_id yyyymmdd n_cds dollars`), a row a purchase. */
export function cdnowTransactions(): CdnowTransaction[] {
  return sharedData('CDNOW_sample.txt')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, id, ymd, , dollars] = l.trim().split(/\s+/) as [
        string,
        string,
        string,
        string,
        string,
      ];
      return {
        customerId: String(Number(id)),
        date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
        amount: Number(dollars),
      };
    });
}
