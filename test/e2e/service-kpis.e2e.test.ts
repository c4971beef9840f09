import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { customerInput } from '../factories/customers';
import { chooseOption, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** Three tickets in November 2026: two of tier A (one SLA missed), one repair of tier B. */
async function seed(deps: Deps): Promise<void> {
  const db = deps.store.db;
  const c = await createCustomer(deps, systemCtx(), customerInput());
  const tickets = [
    ['repair', 'A', 1, '2026-11-03T02:00:00.000Z', '2026-11-03T02:20:00.000Z'],
    ['complaint', 'A', 0, '2026-11-04T02:00:00.000Z', '2026-11-04T03:00:00.000Z'],
    ['repair', 'B', 1, '2026-11-05T02:00:00.000Z', '2026-11-05T02:10:00.000Z'],
  ] as const;
  for (const [category, tier, met, opened, replied] of tickets) {
    const row = await db
      .insertInto('tickets')
      .values({
        customer_id: c.id,
        subject: 'e2e',
        category,
        level: 2,
        status: 'replied',
        opened_at: opened,
        created_at: opened,
        first_replied_at: replied,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('ticket_slas')
      .values({
        ticket_id: Number(row.id),
        tier,
        first_reply_met: met,
        recomputed_at: opened,
        reason: 'created',
      })
      .execute();
  }
}

describe('service KPIs in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('shows KPIs by tier, regroups by category and offers the XLSX of the same query', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service/kpis');
      await page.getByRole('heading', { name: '服务指标' }).waitFor();
      await page.getByTestId('service-kpi-from').fill('2026-11-01');
      await page.getByTestId('service-kpi-to').fill('2026-11-30');
      const table = page.getByTestId('service-kpi-table');
      // Tier A: two tickets, first replies 20 and 60 min → median 40, SLA 1 of 2 met.
      const a = table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'A', exact: true }) });
      await a.getByRole('cell', { name: '40', exact: true }).waitFor();
      // SLA attainment and complaint share are both 50 %.
      expect(await a.getByRole('cell', { name: '50.0%', exact: true }).count()).toBe(2);
      await table.getByRole('cell', { name: '合计' }).waitFor();
      await page.getByTestId('service-kpi-minutes-chart').locator('canvas').waitFor();

      await chooseOption(
        page,
        page.getByTestId('service-kpi-group-by'),
        '类别',
        table.getByRole('cell', { name: 'repair', exact: true }),
      );
      const repair = table
        .getByRole('row')
        .filter({ has: page.getByRole('cell', { name: 'repair', exact: true }) });
      // Repairs: 20 and 10 min → median 15, both met.
      await repair.getByRole('cell', { name: '15', exact: true }).waitFor();
      await repair.getByRole('cell', { name: '100.0%', exact: true }).first().waitFor();
      const href = await page.getByTestId('service-kpi-export').getAttribute('href');
      expect(href).toContain('/api/service/kpis/export.xlsx?');
      expect(href).toContain('groupBy=category');
      expect(href).toContain('from=2026-11-01');
    });
  });
});
