import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadDemo } from '../../app/demo/demo.service';
import { withDeps } from '../with-deps';

interface DemoOpts {
  customers?: string;
  seed?: string;
  asOf?: string;
  ordersPerCustomer?: string;
}

/** Leaves absent options out and turns given ones into numbers (zod names bad ones). */
function numeric(value: string | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

/** `tierdesk demo`: load a generated demo data set, with a progress bar. */
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('Load generated demo data (customers, orders, invoices, tickets, surveys)')
    .option('--customers <n>', 'number of customers (default: TIERDESK_DEMO_CUSTOMERS or 2000)')
    .option('--seed <n>', 'random seed; the same seed gives the same data')
    .option('--as-of <date>', 'last day with facts, YYYY-MM-DD (default 2026-11-30)')
    .option('--orders-per-customer <n>', 'mean orders per customer over the period (default 10)')
    .action(async (o: DemoOpts) => {
      await withDeps(async (deps) => {
        const customers = numeric(o.customers) ?? (deps.config.demoCustomers || 2000);
        const bar = new cliProgress.SingleBar(
          {
            format:
              '{bar} {percentage}% | {value}/{total} customers | {orders} orders | {eta_formatted} left',
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        const started = Date.now();
        bar.start(customers, 0, { orders: 0 });
        try {
          const r = await loadDemo(deps, {
            customers,
            ...(o.seed !== undefined ? { seed: numeric(o.seed) } : {}),
            ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
            ...(o.ordersPerCustomer !== undefined
              ? { ordersPerCustomer: numeric(o.ordersPerCustomer) }
              : {}),
            onProgress: (p) => bar.update(p.done, { orders: p.orders }),
          });
          bar.stop();
          const s = (Date.now() - started) / 1000;
          console.log(
            `Loaded ${r.customers} customers, ${r.orders} orders, ${r.payments} invoices, ` +
              `${r.tickets} tickets and ${r.surveyResponses} survey answers ` +
              `(seed ${r.seed}, as of ${r.asOf}) into ${deps.store.engine} in ${s.toFixed(1)} s.`,
          );
        } catch (e) {
          bar.stop();
          throw e;
        }
      });
    });
}
