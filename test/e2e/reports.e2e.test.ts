import { describe, expect, it } from 'vitest';
import { seedReportData } from '../api/reports-data';
import { chooseOption, clickUntil, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

describe('analytics reports in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite((deps) => seedReportData(deps));

  it('generates a report from the page, shows its figures and opens the print view', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/analytics/reports');
      await page.getByRole('heading', { name: '定期报告' }).waitFor();
      // The Monday schedule is not made here (that is the server's start-up): the list is empty.
      await page.getByTestId('reports-table').getByText('还没有报告').waitFor();

      const dialog = page.getByRole('dialog');
      await clickUntil(page.getByTestId('report-generate'), dialog);
      await settle(page);
      await dialog.getByTestId('report-generate-cadence').getByText('临时').click();
      await dialog.getByTestId('analytics-filter-from').fill('2024-07');
      await dialog.getByTestId('analytics-filter-to').fill('2025-06');
      await chooseOption(
        page,
        dialog.getByTestId('report-recipient-users'),
        'Administrator (admin) · 无邮箱',
        dialog.locator('.ant-select-selection-item', { hasText: 'Administrator' }),
      );
      await page.keyboard.press('Escape').catch(() => undefined);
      await dialog.getByTestId('report-generate-ok').click();

      // The new report opens: its title, headline figures, tables and charts.
      await page.waitForURL(/\/analytics\/reports\/\d+$/);
      await page.getByRole('heading', { name: '分析报告 2024-07 至 2025-06' }).waitFor();
      const revenue = page.getByTestId('report-figure-revenueMinor');
      await expect.poll(() => revenue.textContent()).toContain('¥2,100.00');
      await page.getByTestId('report-figure-giniRevenue').getByText('0.4444').waitFor();
      await page
        .getByTestId('report-table-churn_risk')
        .getByText('RPT-B', { exact: true })
        .waitFor();
      await page.getByTestId('report-chart-rfm-segments').locator('canvas').waitFor();
      await page.getByTestId('report-section-clv').getByText('尚未拟合终身价值模型。').waitFor();
      const id = Number(/reports\/(\d+)$/.exec(page.url())?.[1]);
      const xlsx = await page.getByTestId('report-xlsx').getAttribute('href');
      expect(xlsx).toBe(`/api/analytics/reports/${id}/export.xlsx?lang=zh-CN`);
      const file = await page.request.get(xlsx ?? '');
      expect(file.headers()['content-type']).toContain('spreadsheetml');

      // The list shows it, made by the administrator and announced to one user.
      await page.goto('/analytics/reports');
      const row = page.getByTestId('reports-table').getByRole('row', { name: /分析报告/ });
      await row.getByText('通知 1 人，邮件 0 封').waitFor();

      // The print view stands without the app's menu: a title, plain tables, a print button.
      await page.goto(`/analytics/reports/${id}/print`);
      const sheet = page.getByTestId('report-print');
      await sheet.getByRole('heading', { name: '分析报告 2024-07 至 2025-06', level: 1 }).waitFor();
      await sheet.getByRole('button', { name: /打\s?印/ }).waitFor();
      expect(await page.locator('.ant-layout-sider').count()).toBe(0);
      const risk = sheet.getByTestId('report-table-churn_risk');
      await risk.getByRole('cell', { name: 'RPT-B', exact: true }).waitFor();
      await sheet
        .getByTestId('report-table-period')
        .getByRole('row', { name: /销售额/ })
        .getByRole('cell', { name: '¥2,100.00' })
        .waitFor();
      await sheet.getByTestId('report-chart-value-pyramid').locator('canvas').waitFor();
    });
  });

  it('schedules a monthly report with recipients, pauses it and deletes it', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/analytics/reports');
      const card = page.getByTestId('report-schedules');
      await card.getByText('还没有定时报告').waitFor();
      const dialog = page.getByRole('dialog');
      await clickUntil(card.getByTestId('report-schedule-add'), dialog);
      await settle(page);
      await dialog.getByTestId('report-schedule-cadence').getByText('月报').click();
      await expect
        .poll(() => dialog.getByTestId('report-schedule-cron').inputValue())
        .toBe('0 8 1 * *');
      await dialog.getByTestId('report-schedule-name').fill('月度经营报告');
      const emails = dialog.getByTestId('report-recipient-emails');
      await emails.click();
      await page.keyboard.type('boss@example.com');
      await page.keyboard.press('Enter');
      await dialog.locator('.ant-select-selection-item', { hasText: 'boss@example.com' }).waitFor();
      await dialog.getByTestId('report-schedule-ok').click();

      const row = card.getByRole('row', { name: /月度经营报告/ });
      await row.getByText('0 位用户，1 个邮箱').waitFor();
      await row.getByText('0 8 1 * *').waitFor();
      const schedules = await suite
        .deps()
        .store.db.selectFrom('job_schedules')
        .selectAll()
        .where('kind', '=', 'analytics.report')
        .execute();
      expect(schedules).toHaveLength(1);
      expect(JSON.parse(schedules[0]!.payload)).toMatchObject({
        cadence: 'monthly',
        recipients: { userIds: [], emails: ['boss@example.com'] },
      });
      const id = Number(schedules[0]!.id);
      const toggle = page.getByTestId(`report-schedule-enabled-${id}`);
      await toggle.click();
      await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
      await page.getByTestId(`report-schedule-delete-${id}`).click();
      await page.getByRole('button', { name: /确\s?定/ }).click();
      await card.getByText('还没有定时报告').waitFor();
    });
  });
});
