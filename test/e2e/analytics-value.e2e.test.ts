import { describe, expect, it } from 'vitest';
import { valueView } from '../../src/app/analytics/value.service';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import type { Deps } from '../../src/app/deps';
import { clickUntil, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const PERIOD = { from: '2025-12', to: '2026-11' };

/** Demo customers with a year of orders, and the value figures the page should show. */
async function seed(deps: Deps) {
  await loadDemo(deps, { customers: 150, seed: 11, asOf: '2026-11-30' });
  return valueView(deps, systemCtx(), PERIOD);
}

describe('value analytics in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('shows the Gini coefficient and the pyramid, drills a level, and speaks English', async () => {
    const expected = suite.seeded();
    const key = expected.pyramid.find((l) => l.key === 'key');
    expect(expected.totals.customers).toBeGreaterThan(50);
    expect(key?.customers).toBeGreaterThan(0);
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/analytics?from=${PERIOD.from}&to=${PERIOD.to}`);
      await page.getByRole('heading', { name: '价值分布' }).waitFor();

      const gini = page.getByTestId('value-gini');
      await gini.getByText(expected.gini.toFixed(3), { exact: true }).waitFor();
      await page.getByTestId('value-pyramid').locator('canvas').first().waitFor();
      await page.getByTestId('value-lorenz').locator('canvas').first().waitFor();
      const keyRow = page.getByTestId('value-level-key');
      await keyRow.getByText('关键客户').waitFor();

      // The key customers behind the pyramid's tip, as many as the level counts.
      const drawer = page.getByTestId('analytics-drill');
      await settle(page);
      await clickUntil(keyRow, drawer.getByTestId('analytics-drill-total'));
      await drawer.getByText(`共 ${key?.customers} 个客户`).waitFor();
      expect(await drawer.locator('tbody tr.ant-table-row').count()).toBe(
        Math.min(20, key?.customers ?? 0),
      );
      await drawer.getByRole('link').first().waitFor();
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Customer value' }).waitFor();
      await page.getByTestId('value-level-key').getByText('Key', { exact: true }).waitFor();
      await page.getByText('Gini coefficient of Revenue').waitFor();
    });
  });
});
