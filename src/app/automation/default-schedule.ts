import { type Ctx, systemCtx } from '../context';
import type { Deps } from '../deps';
import { ensureDefaultSchedule } from '../jobs/default-schedule';
import { AUTOMATION_SWEEP } from './automation-sweep.job';

/** The nightly sweep: 02:00 in the business time zone, after the day's imports. */
export const DEFAULT_SWEEP_CRON = '0 2 * * *';

/** Creates the nightly automation sweep schedule on first start (see ensureDefaultSchedule). */
export function ensureAutomationSchedule(
  deps: Deps,
  ctx: Ctx = systemCtx('boot'),
): Promise<number | null> {
  return ensureDefaultSchedule(deps, ctx, {
    name: 'Automation rules: nightly sweep',
    kind: AUTOMATION_SWEEP,
    cron: DEFAULT_SWEEP_CRON,
  });
}
