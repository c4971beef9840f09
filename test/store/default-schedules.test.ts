import { expect, it } from 'vitest';
import { ensureAutomationSchedule } from '../../src/app/automation/default-schedule';
import { systemCtx } from '../../src/app/context';
import { ensureSlaSchedule } from '../../src/app/sla/sla-scan-schedule';
import { describeEachEngine } from '../support/engines';

describeEachEngine('schedules the product creates on first start', ({ deps }) => {
  it('creates the nightly sweep and the minute SLA scan once, and leaves a paused one paused', async () => {
    const ctx = systemCtx('boot');
    const sweep = await ensureAutomationSchedule(deps(), ctx);
    const scan = await ensureSlaSchedule(deps(), ctx);
    expect(sweep).toBeGreaterThan(0);
    expect(scan).toBeGreaterThan(0);
    const db = deps().store.db;
    const rows = await db
      .selectFrom('job_schedules')
      .select(['id', 'kind', 'cron', 'timezone', 'enabled', 'next_run_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.kind, r.cron, r.timezone])).toEqual([
      ['automation.sweep', '0 2 * * *', deps().config.timeZone],
      ['sla.scan', '* * * * *', deps().config.timeZone],
    ]);
    expect(rows.every((r) => r.next_run_at !== null)).toBe(true);

    // Someone pauses the scan; the next start must not add another or turn it back on.
    await db.updateTable('job_schedules').set({ enabled: 0 }).where('id', '=', scan).execute();
    expect(await ensureSlaSchedule(deps(), ctx)).toBeNull();
    expect(await ensureAutomationSchedule(deps(), ctx)).toBeNull();
    const after = await db.selectFrom('job_schedules').select(['kind', 'enabled']).execute();
    expect(after).toHaveLength(2);
    expect(after.find((r) => r.kind === 'sla.scan')?.enabled).toBe(0);
    const audited = await db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'job_schedule.create')
      .execute();
    expect(audited).toHaveLength(2);
  });
});
