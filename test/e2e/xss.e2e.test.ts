import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { getCustomer, updateCustomer } from '../../src/app/customers/customers.service';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import type { Deps } from '../../src/app/deps';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { clickUntil, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const PERIOD = { from: '2025-12', to: '2026-11' };

/** What an attacker stores in a customer's fields; every one would set window.__xss if run. */
const NAME = '<img src=x onerror=window.__xss=1>星辰贸易';
const TAG_SCRIPT = '<script>window.__xss=1</script>';
const TAG_LINK = 'javascript:window.__xss=1';
const INDUSTRY = '<svg onload=window.__xss=1>制造';

/**
 * The demo company with its tiers published; the customer with the most revenue in the period
 * (so it heads the analytics drill list of key customers) gets script in its name, tags and
 * industry.
 */
async function seed(deps: Deps): Promise<{ id: number; code: string }> {
  forgetCatalogs();
  await loadDemo(deps, { customers: 60, seed: 9, asOf: '2026-11-30' });
  await seedDemoTiering(deps, '2026-11-30', () => {});
  const top = await deps.store.db
    .selectFrom('orders')
    .innerJoin('customer_tiers as t', 't.customer_id', 'orders.customer_id')
    .select(['orders.customer_id as id', (eb) => eb.fn.sum('orders.amount_minor').as('revenue')])
    .where('orders.ordered_on', '>=', `${PERIOD.from}-01`)
    .where('orders.ordered_on', '<=', `${PERIOD.to}-30`)
    .groupBy('orders.customer_id')
    .orderBy('revenue', 'desc')
    .executeTakeFirstOrThrow();
  const id = Number(top.id);
  const before = await getCustomer(deps, systemCtx(), id);
  await updateCustomer(deps, systemCtx(), id, {
    name: NAME,
    industry: INDUSTRY,
    tags: [TAG_SCRIPT, TAG_LINK],
    version: before.version,
  });
  return { id, code: before.code };
}

/** Fails when any payload ran, opened a dialog, or became markup instead of text. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  expect(await page.evaluate('window.__xss'), `${where}: window.__xss`).toBeUndefined();
  expect(dialogs, `${where}: dialogs`).toEqual([]);
  expect(await page.locator('img[src="x"]').count(), `${where}: injected <img>`).toBe(0);
  expect(await page.locator('svg[onload]').count(), `${where}: injected <svg>`).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count(), `${where}: javascript: link`).toBe(
    0,
  );
  const scripts = await page.locator('script').evaluateAll(
    // A string body would need DOM types the test project lacks; textContent is on every node.
    (els) => els.map((e) => (e as unknown as { textContent: string | null }).textContent ?? ''),
  );
  expect(
    scripts.filter((s) => s.includes('__xss')),
    `${where}: injected <script>`,
  ).toEqual([]);
}

describe('script stored in customer data stays text in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('customer list, detail page, front-line card and analytics drill show it literally', async () => {
    const { id, code } = suite.seeded();
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });

      await page.goto(`/customers?q=${encodeURIComponent(code)}`);
      await page.getByText(NAME, { exact: true }).first().waitFor();
      await expectInert(page, dialogs, 'customer list');

      await page.goto(`/customers/${id}`);
      await page.getByText(NAME, { exact: true }).first().waitFor();
      await page.getByText(TAG_SCRIPT, { exact: true }).first().waitFor();
      await page.getByText(TAG_LINK, { exact: true }).first().waitFor();
      await expectInert(page, dialogs, 'customer detail');

      await page.goto('/service');
      const search = page.getByPlaceholder('客户编码或联系电话');
      await search.fill(code);
      await search.press('Enter');
      const card = page.getByTestId('frontline-card');
      // The heading holds the name and the code side by side.
      await card.getByText(NAME).first().waitFor();
      await card.getByText(TAG_SCRIPT, { exact: true }).first().waitFor();
      await expectInert(page, dialogs, 'front-line card');

      await page.goto(`/analytics?from=${PERIOD.from}&to=${PERIOD.to}`);
      const keyRow = page.getByTestId('value-level-key');
      await keyRow.getByText('关键客户').waitFor();
      const drawer = page.getByTestId('analytics-drill');
      await settle(page);
      await clickUntil(keyRow, drawer.getByTestId('analytics-drill-total'));
      await drawer.getByText(NAME, { exact: true }).first().waitFor();
      await expectInert(page, dialogs, 'analytics drill');
    });
  });
});
