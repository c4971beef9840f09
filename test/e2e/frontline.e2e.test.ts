import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import type { Deps } from '../../src/app/deps';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** A demo company with its tiers published; returns the code of an A customer, tagged blacklist. */
async function seedFrontline(deps: Deps): Promise<{ code: string; id: number }> {
  forgetCatalogs();
  await loadDemo(deps, { customers: 80, seed: 3, asOf: '2026-11-30' });
  await seedDemoTiering(deps, '2026-11-30', () => {});
  const a = await deps.store.db
    .selectFrom('customer_tiers as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .select(['c.id', 'c.code'])
    .where('t.tier', '=', 'A')
    .orderBy('c.id')
    .executeTakeFirstOrThrow();
  await deps.store.db
    .insertInto('customer_tags')
    .values({ customer_id: a.id, tag: 'blacklist', created_at: new Date().toISOString() })
    .execute();
  return { code: a.code, id: Number(a.id) };
}

describe('front-line card in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seedFrontline);

  it('looks a customer up by code, uses an entitlement until refused, and opens the embed page', async () => {
    const { code, id } = suite.seeded();
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service');
      const search = page.getByPlaceholder('客户编码或联系电话');
      await search.fill(code);
      await search.press('Enter');
      const card = page.getByTestId('frontline-card');
      await card.getByTestId('frontline-customer').getByText(code).waitFor();
      expect(await card.getByTestId('frontline-tier').textContent()).toContain('A');
      const blacklist = card.getByTestId('frontline-tag-blacklist');
      await blacklist.getByText('投诉专业户（黑名单）').waitFor();
      await blacklist.getByText(/转主管处理/).waitFor();
      await card
        .getByTestId('frontline-tag-high_end')
        .getByText(/专区专柜/)
        .waitFor();
      await card.getByTestId('frontline-policy').getByText('货到三个月内付款').waitFor();

      const remaining = card.getByTestId('entitlement-remaining-free_sim_replacement');
      await remaining.getByText('剩余 2 / 2').waitFor();
      const dialog = page.getByRole('dialog');
      for (const left of [1, 0]) {
        await card.getByTestId('entitlement-use-free_sim_replacement').click();
        await dialog.waitFor();
        await settle(page);
        await dialog.getByTestId('use-note').fill(`柜台补卡 ${left}`);
        await dialog.getByTestId('use-submit').click();
        await dialog.waitFor({ state: 'detached' });
        await remaining.getByText(`剩余 ${left} / 2`).waitFor();
      }
      await card.getByTestId('entitlement-use-free_sim_replacement').click();
      await dialog.waitFor();
      await settle(page);
      await dialog.getByTestId('use-submit').click();
      const refused = dialog.getByTestId('use-refused');
      await refused.waitFor();
      expect(await refused.textContent()).toContain('剩余 0 / 2');
      await dialog.getByRole('button', { name: /取\s?消/ }).click();

      await page.goto(`/embed/card?code=${encodeURIComponent(code)}`);
      const embed = page.getByTestId('frontline-embed');
      await embed.getByTestId('frontline-customer').getByText(code).waitFor();
      await embed
        .getByTestId('entitlement-remaining-free_sim_replacement')
        .getByText('剩余 0 / 2')
        .waitFor();
      // No menu around the embedded card.
      expect(await page.getByRole('menu').count()).toBe(0);
    });
    const uses = await suite
      .deps()
      .store.db.selectFrom('entitlement_uses')
      .select('id')
      .where('customer_id', '=', id)
      .execute();
    expect(uses).toHaveLength(2);
  });
});
