import { type Ctx, systemCtx } from '../context';
import type { Deps } from '../deps';
import { ensureDefaultSchedule } from '../jobs/default-schedule';
import { SLA_SCAN } from './sla-scan.job';

/** Every minute: warnings and escalations are only as late as the scan. */
export const SLA_SCAN_CRON = '* * * * *';

/** Creates the minute SLA scan schedule on first start (see ensureDefaultSchedule). */
export function ensureSlaSchedule(
  deps: Deps,
  ctx: Ctx = systemCtx('boot'),
): Promise<number | null> {
  return ensureDefaultSchedule(deps, ctx, {
    name: 'SLA clocks: warnings and escalations',
    kind: SLA_SCAN,
    cron: SLA_SCAN_CRON,
  });
}
