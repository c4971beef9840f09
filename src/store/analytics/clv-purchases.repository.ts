import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema';

/**
 * Every customer's purchase days as the lifetime-value models count them, one position per
 * customer (ascending id) in every column. Day values are days since 1970-01-01; money is in
 * minor units.
 */
export interface PurchaseColumns {
  n: number;
  customerIds: Int32Array;
  /** First purchase day (up to the as-of day). */
  firstDay: Int32Array;
  /** Last purchase day up to the calibration end; the first day when none after it. */
  lastCalibrationDay: Int32Array;
  /** Purchase days up to the calibration end (0 when the first purchase is after it). */
  calibrationDays: Int32Array;
  /** Amount of the purchase days after the first, up to the calibration end. */
  calibrationRepeatMinor: Float64Array;
  /** Last purchase day up to the as-of day. */
  lastDay: Int32Array;
  /** Purchase days up to the as-of day. */
  days: Int32Array;
  /** Amount of the purchase days after the first, up to the as-of day. */
  repeatMinor: Float64Array;
}

/** Orders with a negative amount (returns, credit notes): not purchases, reported apart. */
export interface NegativeOrders {
  orders: number;
  customers: number;
  /** Up to `sampleSize` of those customers, lowest id first. */
  sampleCustomerIds: number[];
}

export interface PurchaseWindow {
  /** Last day of data, YYYY-MM-DD. */
  asOf: string;
  /** Last day of the calibration period (≤ asOf), YYYY-MM-DD. */
  calibrationEnd: string;
}

export interface LoadPurchasesOptions {
  /** Customer ids per grouped query (default 50,000). */
  batchSize?: number;
  /** Customers with negative orders to name (default 20). */
  sampleSize?: number;
  onBatch?: (done: number, total: number) => Promise<void> | void;
}

const MS_PER_DAY = 86_400_000;

/** Day numbers of date texts; a loaded period has at most a few thousand distinct days. */
function dayCache() {
  const days = new Map<string, number>();
  return (v: unknown): number => {
    const text = String(v).slice(0, 10);
    let d = days.get(text);
    if (d === undefined) {
      d =
        Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8))) /
        MS_PER_DAY;
      days.set(text, d);
    }
    return d;
  };
}

/** Columns with room for `capacity` customers, cut to size by `finish`. */
function allocate(capacity: number): PurchaseColumns {
  return {
    n: 0,
    customerIds: new Int32Array(capacity),
    firstDay: new Int32Array(capacity),
    lastCalibrationDay: new Int32Array(capacity),
    calibrationDays: new Int32Array(capacity),
    calibrationRepeatMinor: new Float64Array(capacity),
    lastDay: new Int32Array(capacity),
    days: new Int32Array(capacity),
    repeatMinor: new Float64Array(capacity),
  };
}

/** The first `n` positions of every column, in new arrays of `size` (≥ n). */
function resize(c: PurchaseColumns, size: number): PurchaseColumns {
  const cut = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T): T => {
    const out = make(size);
    out.set(a.subarray(0, c.n));
    return out;
  };
  const int = (k: number) => new Int32Array(k);
  const float = (k: number) => new Float64Array(k);
  return {
    n: c.n,
    customerIds: cut(c.customerIds, int),
    firstDay: cut(c.firstDay, int),
    lastCalibrationDay: cut(c.lastCalibrationDay, int),
    calibrationDays: cut(c.calibrationDays, int),
    calibrationRepeatMinor: cut(c.calibrationRepeatMinor, float),
    lastDay: cut(c.lastDay, int),
    days: cut(c.days, int),
    repeatMinor: cut(c.repeatMinor, float),
  };
}

interface PurchaseRow {
  customer_id: number | string;
  first_on: unknown;
  last_cal: unknown;
  cal_days: number | string | null;
  repeat_cal: number | string | null;
  last_on: unknown;
  days: number | string | null;
  repeat_all: number | string | null;
  refunds: number | string | null;
}

/**
 * Loads every customer's purchase days up to `asOf` with grouped SQL over customer-id ranges
 * (the orders index is (customer_id, ordered_on), so each range is one index range scan), in
 * bounded memory: only the summary columns are kept, never the orders.
 *
 * A purchase day is a day with at least one order of amount ≥ 0; orders on the same day are
 * merged and their amounts added (as CDNOW and lifetimes do). Orders with a negative amount
 * are returns or credit notes: they make no purchase day and add nothing to spend; they are
 * counted apart. Customers with no purchase day up to `asOf` are left out.
 */
export async function loadPurchaseColumns(
  db: Kysely<DB>,
  window: PurchaseWindow,
  opts: LoadPurchasesOptions = {},
): Promise<{ columns: PurchaseColumns; negative: NegativeOrders }> {
  const batch = opts.batchSize ?? 50_000;
  const sampleSize = opts.sampleSize ?? 20;
  const range = await db
    .selectFrom('customers')
    .select((eb) => [
      eb.fn.min('id').as('lo'),
      eb.fn.max('id').as('hi'),
      eb.fn.countAll<string | number>().as('n'),
    ])
    .executeTakeFirstOrThrow();
  const count = Number(range.n);
  const lo = Number(range.lo ?? 1);
  const hi = Number(range.hi ?? 0);
  // Room for every customer; customers added while loading grow the columns.
  let cols = allocate(count);
  const negative: NegativeOrders = { orders: 0, customers: 0, sampleCustomerIds: [] };
  const day = dayCache();
  const { asOf, calibrationEnd: cal } = window;
  const total = Math.max(0, hi - lo + 1);
  for (let from = lo; from <= hi; from += batch) {
    const to = from + batch;
    // `d`: one row a customer and day, with the day's purchases and returns apart; `f` adds the
    // customer's first purchase day, from which repeat spend is counted.
    const r = await sql<PurchaseRow>`
      with d as (
        select customer_id, ordered_on,
          sum(case when amount_minor >= 0 then amount_minor else 0 end) as amount,
          sum(case when amount_minor >= 0 then 1 else 0 end) as purchases,
          sum(case when amount_minor < 0 then 1 else 0 end) as refunds
        from orders
        where customer_id >= ${from} and customer_id < ${to} and ordered_on <= ${asOf}
        group by customer_id, ordered_on
      ), f as (
        select customer_id, ordered_on, amount, purchases, refunds,
          min(case when purchases > 0 then ordered_on end)
            over (partition by customer_id) as first_on
        from d
      )
      select customer_id,
        min(first_on) as first_on,
        max(case when purchases > 0 and ordered_on <= ${cal} then ordered_on end) as last_cal,
        sum(case when purchases > 0 and ordered_on <= ${cal} then 1 else 0 end) as cal_days,
        sum(case when purchases > 0 and ordered_on <= ${cal} and ordered_on > first_on
          then amount else 0 end) as repeat_cal,
        max(case when purchases > 0 then ordered_on end) as last_on,
        sum(case when purchases > 0 then 1 else 0 end) as days,
        sum(case when purchases > 0 and ordered_on > first_on then amount else 0 end) as repeat_all,
        sum(refunds) as refunds
      from f
      group by customer_id
      order by customer_id`.execute(db);
    for (const row of r.rows) {
      const id = Number(row.customer_id);
      const refunds = Number(row.refunds ?? 0);
      if (refunds > 0) {
        negative.orders += refunds;
        negative.customers++;
        if (negative.sampleCustomerIds.length < sampleSize) negative.sampleCustomerIds.push(id);
      }
      if (row.first_on === null || row.first_on === undefined) continue;
      if (cols.n === cols.customerIds.length) cols = resize(cols, Math.max(16, cols.n * 2));
      const i = cols.n++;
      const first = day(row.first_on);
      cols.customerIds[i] = id;
      cols.firstDay[i] = first;
      const calDays = Number(row.cal_days ?? 0);
      cols.calibrationDays[i] = calDays;
      cols.lastCalibrationDay[i] = calDays > 0 ? day(row.last_cal) : first;
      cols.calibrationRepeatMinor[i] = Number(row.repeat_cal ?? 0);
      cols.lastDay[i] = day(row.last_on);
      cols.days[i] = Number(row.days ?? 0);
      cols.repeatMinor[i] = Number(row.repeat_all ?? 0);
    }
    await opts.onBatch?.(Math.min(total, to - lo), total);
  }
  return { columns: resize(cols, cols.n), negative };
}

/** Customer codes by id (for naming customers in warnings). */
export async function customerCodes(
  db: Kysely<DB>,
  ids: readonly number[],
): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'code'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.code]));
}
