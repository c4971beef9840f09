import type { Selectable } from 'kysely';
import type { DB } from '../schema';

/** Tables the bulk writer fills, parents first: facts reference customers. */
export const BULK_TABLES = [
  'customers',
  'orders',
  'payments',
  'tickets',
  'survey_responses',
] as const;
export type BulkTable = (typeof BULK_TABLES)[number];

/**
 * Columns written per table, ids included: callers assign ids so facts can point at customers
 * without reading anything back. Columns left out keep their database defaults.
 */
export const BULK_COLUMNS = {
  customers: [
    'id',
    'code',
    'name',
    'name_key',
    'type',
    'industry',
    'region',
    'province',
    'city',
    'region_code',
    'size',
    'owner_id',
    'created_at',
    'updated_at',
    'version',
  ],
  orders: [
    'id',
    'customer_id',
    'order_no',
    'ordered_on',
    'amount_minor',
    'cost_minor',
    'currency',
    'category',
    'channel',
    'rush',
    'created_at',
  ],
  payments: ['id', 'customer_id', 'invoice_no', 'amount_minor', 'due_on', 'paid_on', 'created_at'],
  tickets: [
    'id',
    'customer_id',
    'subject',
    'category',
    'level',
    'status',
    'opened_at',
    'closed_at',
    'created_at',
  ],
  survey_responses: ['id', 'customer_id', 'answered_on', 'score', 'comment', 'created_at'],
} as const satisfies { readonly [T in BulkTable]: readonly (keyof DB[T] & string)[] };

type Columns<T extends BulkTable> = (typeof BULK_COLUMNS)[T][number];

/** One row for table T: exactly the written columns, typed as the database returns them. */
export type BulkRow<T extends BulkTable> = {
  [C in Columns<T>]: Selectable<DB[T]>[C & keyof Selectable<DB[T]>];
};

/** Rows for any of the bulk tables; missing or empty tables are skipped. */
export type BulkRows = { readonly [T in BulkTable]?: readonly BulkRow<T>[] };

export type BulkCounts = Record<BulkTable, number>;

/** Zero for every bulk table. */
export function zeroCounts(): BulkCounts {
  return { customers: 0, orders: 0, payments: 0, tickets: 0, survey_responses: 0 };
}

/** A row's value for a column; the column lists above make this total. */
export function columnValue(row: object, column: string): unknown {
  return (row as Record<string, unknown>)[column];
}
