import { Calendar } from './calendar';
import { emitOrders, type IdCounters } from './orders';
import { drawProfile, type ProfileContext } from './profile';
import { Rng } from './rng';
import { emitSurveys, emitTickets, surveyWindows } from './service-facts';
import type { DemoBatch, DemoOptions } from './types';

/** Defaults: an as-of date late in a year so Q4 and the run-up to Spring Festival show. */
export const DEMO_DEFAULTS = {
  seed: 20261130,
  asOf: '2026-11-30',
  start: '2023-01-01',
  ordersPerCustomer: 10,
  batchSize: 250,
  codePrefix: 'DM',
} as const;

const CALIBRATION_SAMPLES = 16_384;

function emptyBatch(total: number): DemoBatch {
  return {
    customers: [],
    orders: [],
    payments: [],
    tickets: [],
    survey_responses: [],
    done: 0,
    total,
  };
}

/**
 * Finds the factor that turns frequency weights into Poisson means so that the expected number
 * of orders per customer (every buyer orders at least once) equals the target. Uses a fixed
 * sample of profiles from a separate stream, so the result does not depend on the data size.
 */
function calibrate(seed: number, ctx: ProfileContext, target: number): number {
  const weights: number[] = [];
  for (let j = 0; j < CALIBRATION_SAMPLES; j++) {
    const p = drawProfile(new Rng(seed ^ 0x5bd1e995, j), ctx, j, 0);
    weights.push(p.lifecycle === 'prospect' ? -1 : p.freqWeight);
  }
  const mean = (k: number) => {
    let sum = 0;
    for (const w of weights) if (w >= 0) sum += k * w + Math.exp(-k * w);
    return sum / weights.length;
  };
  let lo = 0;
  let hi = 1;
  while (mean(hi) < target && hi < 1e9) hi *= 2;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

function check(o: DemoOptions): void {
  const bad = (what: string) => {
    throw new RangeError(`demo options: ${what}`);
  };
  if (!Number.isInteger(o.customers) || o.customers < 0)
    bad('customers must be a whole number ≥ 0');
  if (o.seed !== undefined && (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff)) {
    bad('seed must be a whole number between 0 and 4294967295');
  }
  if (o.ordersPerCustomer !== undefined && !(o.ordersPerCustomer > 0)) {
    bad('ordersPerCustomer must be positive');
  }
  if (o.batchSize !== undefined && (!Number.isInteger(o.batchSize) || o.batchSize < 1)) {
    bad('batchSize must be a whole number ≥ 1');
  }
}

/**
 * Streams a deterministic demo data set: customers with their orders, invoices, service tickets
 * and survey answers, `batchSize` customers at a time. Pure: no I/O, no clock; the same options
 * give the same rows, and each customer's rows do not depend on the batch size.
 * Memory stays bounded by one batch, so it scales to millions of customers.
 */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch, void, undefined> {
  check(options);
  const seed = (options.seed ?? DEMO_DEFAULTS.seed) >>> 0;
  const cal = new Calendar(
    options.start ?? DEMO_DEFAULTS.start,
    options.asOf ?? DEMO_DEFAULTS.asOf,
  );
  const ctx: ProfileContext = {
    cal,
    codePrefix: options.codePrefix ?? DEMO_DEFAULTS.codePrefix,
    ownerIds: options.ownerIds,
  };
  const scale = calibrate(seed, ctx, options.ordersPerCustomer ?? DEMO_DEFAULTS.ordersPerCustomer);
  const windows = surveyWindows(cal);
  const start = options.idStart ?? {};
  const customerId0 = start.customers ?? 1;
  const ids: IdCounters = {
    orders: start.orders ?? 1,
    payments: start.payments ?? 1,
    tickets: start.tickets ?? 1,
    survey_responses: start.survey_responses ?? 1,
  };
  const total = options.customers;
  const batchSize = options.batchSize ?? DEMO_DEFAULTS.batchSize;
  let batch = emptyBatch(total);
  for (let i = 0; i < total; i++) {
    const rng = new Rng(seed, i);
    const p = drawProfile(rng, ctx, i, customerId0 + i);
    batch.customers.push(p.customer);
    const orders = emitOrders(p, rng, cal, scale, ids, batch);
    emitTickets(p, rng, cal, orders, ids, batch);
    emitSurveys(p, rng, cal, windows, ids, batch);
    if (batch.customers.length === batchSize || i === total - 1) {
      batch.done = i + 1;
      yield batch;
      batch = emptyBatch(total);
    }
  }
}

/** Row counts of a whole data set (runs the generator; no rows are kept). */
export function countDemo(options: DemoOptions) {
  const counts = { customers: 0, orders: 0, payments: 0, tickets: 0, survey_responses: 0 };
  for (const b of generateDemo(options)) {
    counts.customers += b.customers.length;
    counts.orders += b.orders.length;
    counts.payments += b.payments.length;
    counts.tickets += b.tickets.length;
    counts.survey_responses += b.survey_responses.length;
  }
  return counts;
}
