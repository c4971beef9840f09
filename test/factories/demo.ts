import type { DemoBatch, DemoOptions } from '../../examples/demo';
import { generateDemo } from '../../examples/demo';

/** Options for a small demo data set; override any field. */
export function demoOptions(over: Partial<DemoOptions> = {}): DemoOptions {
  return { customers: 300, seed: 7, asOf: '2026-11-30', ...over };
}

/** A whole (small) demo data set in memory, batches concatenated. */
export function collectDemo(options: DemoOptions): Omit<DemoBatch, 'done' | 'total'> {
  const all: Omit<DemoBatch, 'done' | 'total'> = {
    customers: [],
    orders: [],
    payments: [],
    tickets: [],
    survey_responses: [],
  };
  for (const b of generateDemo(options)) {
    all.customers.push(...b.customers);
    all.orders.push(...b.orders);
    all.payments.push(...b.payments);
    all.tickets.push(...b.tickets);
    all.survey_responses.push(...b.survey_responses);
  }
  return all;
}
