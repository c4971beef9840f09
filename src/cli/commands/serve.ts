import type { Command } from 'commander';
import { DEMO_DEFAULTS } from '../../../examples/demo';
import { ensureAutomationSchedule } from '../../app/automation/default-schedule';
import { ensureFirstAdmin, openDeps } from '../../app/bootstrap';
import { loadDemoIfEmpty } from '../../app/demo/demo.service';
import { seedDemoAccounts } from '../../app/demo/demo-accounts';
import { seedDemoFrontline } from '../../app/demo/demo-frontline';
import { seedDemoTiering } from '../../app/demo/demo-tiering';
import { markInterruptedImports } from '../../app/import/import.service';
import { startJobRunner } from '../../app/jobs/runner';
import { ensureReportSchedule } from '../../app/reports/report-schedules';
import { ensureSlaSchedule } from '../../app/sla/sla-scan-schedule';
import { backfillTicketClocks } from '../../app/sla/ticket-sla-backfill';
import { loadConfig } from '../../config';

/** `tierdesk serve`: migrate, seed the admin (and demo data on an empty database), listen. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the server and web UI (migrates the database first)')
    .option('-p, --port <port>', 'port to listen on (overrides PORT)')
    .action(async (opts: { port?: string }) => {
      const config = loadConfig(opts.port ? { ...process.env, PORT: opts.port } : process.env);
      const deps = await openDeps(config);
      // Only a starting server may call running imports interrupted: imports run inside the
      // server, and any other command (a backup, a report) may run beside a live one.
      await markInterruptedImports(deps);
      const password = await ensureFirstAdmin(deps);
      if (password) {
        console.log(
          '\n  An administrator was created. Sign in once with these and keep them safe:',
        );
        console.log(`    username: admin\n    password: ${password}\n`);
      }
      const demo = await loadDemoIfEmpty(deps, (msg) => console.log(msg));
      if (demo) {
        console.log(`  Demo data loaded: ${demo.customers} customers, ${demo.orders} orders.`);
        // A demo without tiers shows little; failing here must not keep the server down.
        const log = (msg: string) => console.log(msg);
        await seedDemoTiering(deps, DEMO_DEFAULTS.asOf, log)
          .then(() => seedDemoAccounts(deps, log))
          .then(() => seedDemoFrontline(deps, log))
          .then(() => backfillTicketClocks(deps, log))
          .catch((e: unknown) =>
            console.warn(`  Demo tiers were not set up: ${(e as Error).message}`),
          );
      }
      // The nightly automation sweep exists from the first start; people may change or pause it.
      await ensureAutomationSchedule(deps);
      // SLA warnings and escalations are checked every minute.
      await ensureSlaSchedule(deps);
      // The weekly analytics report, Monday 08:00; recipients are added on the reports page.
      await ensureReportSchedule(deps);
      // Loaded on use: the HTTP stack is most of the CLI's start-up time; other commands skip it.
      const { buildServer } = await import('../../api/server');
      const { app } = await buildServer(deps);
      // Scheduled and long work runs in this process; TIERDESK_JOBS=off leaves it to another one.
      const stopJobs =
        config.jobs === 'off' ? undefined : startJobRunner(deps, { logger: app.log });
      const close = async () => {
        await stopJobs?.();
        await app.close();
        await deps.store.close();
        process.exit(0);
      };
      process.once('SIGINT', close);
      process.once('SIGTERM', close);
      await app.listen({ port: config.port, host: config.host });
      const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
      const port = (app.server.address() as { port: number }).port;
      console.log(`  Tierdesk is running at http://${shown}:${port} (${deps.store.engine})`);
    });
}
