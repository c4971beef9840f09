import { describe, expect, it } from 'vitest';
import { clickUntil, settle, useBrowserSuite } from '../support/browser';
import { seedBehaviour } from './analytics-behaviour-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const PERIOD = 'from=2025-01&to=2025-06';

describe('behaviour analytics in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seedBehaviour);

  it('opens the customers of a nine-grid cell in the drawer', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(
        `/analytics/ninegrid?${PERIOD}&x=revenue&y=orders&xLow=10000&xHigh=50000&yLow=2&yHigh=4`,
      );
      await page.getByRole('heading', { name: '九宫格' }).waitFor();
      const a1 = page.getByTestId('ninegrid-cell-A1');
      await a1.getByText('2 个客户').waitFor();
      // c1 1,000 yuan + c5 600 yuan.
      await a1.getByText('¥1,600.00').waitFor();
      await page.getByTestId('ninegrid-cell-C3').getByText('1 个客户').waitFor();
      await page.getByTestId('ninegrid-movement').locator('canvas').first().waitFor();
      const drawer = page.getByTestId('analytics-drill');
      await settle(page);
      await clickUntil(a1, drawer.getByText('共 2 个客户'));
      await drawer.getByRole('link', { name: 'NG-c1', exact: true }).waitFor();
      await drawer.getByRole('link', { name: 'NG-c5', exact: true }).waitFor();
      // The previous cell of c1 (A3) is among its figures.
      const c1 = drawer
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'NG-c1', exact: true }) });
      await c1.getByRole('cell', { name: 'A3', exact: true }).waitFor();
      const href = await drawer.getByTestId('analytics-drill-export-csv').getAttribute('href');
      expect(href).toContain('/api/analytics/ninegrid/customers/export?');
      expect(href).toContain('cell=A1');
    });
  });

  it('shows the lifecycle stages and the churn-risk list with reasons', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/analytics/lifecycle?${PERIOD}`);
      await page.getByRole('heading', { name: '生命周期' }).waitFor();
      const stages = page.getByTestId('lifecycle-stage-table');
      await stages.getByText('潜在流失客户').waitFor();
      const atRisk = page.getByTestId('lifecycle-stage-at_risk');
      await atRisk.getByRole('cell', { name: '3', exact: true }).waitFor();
      await page
        .getByTestId('lifecycle-stage-new')
        .getByRole('cell', { name: '1', exact: true })
        .waitFor();
      await page.getByTestId('lifecycle-stage-chart').locator('canvas').first().waitFor();
      const risk = page.getByTestId('lifecycle-churn-risk');
      // Largest revenue at stake first: c6 (1,000 yuan), then c5, c2, c9.
      const first = risk.locator('tbody tr.ant-table-row').first();
      await first.getByRole('link', { name: 'NG-c6', exact: true }).waitFor();
      await first.getByText('距最近下单 130 天，为典型间隔 31.5 天的 4.13 倍').waitFor();
      const c5 = risk
        .getByRole('row')
        .filter({ has: page.getByRole('link', { name: 'NG-c5', exact: true }) });
      await c5.getByText('沉默客户').waitFor();
      await c5.getByText('距最近下单 76 天，为自身间隔 32 天的 2.38 倍').waitFor();
      expect(await risk.locator('tbody tr.ant-table-row').count()).toBe(4);
      await page.getByTestId('lifecycle-cohort-2025-01-2').waitFor();
      // A stage opens its customers.
      const drawer = page.getByTestId('analytics-drill');
      await clickUntil(page.getByTestId('lifecycle-stage-silent'), drawer.getByText('共 1 个客户'));
      await drawer.getByRole('link', { name: 'NG-c5', exact: true }).waitFor();
    });
  });
});
