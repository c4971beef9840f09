import { describe, expect, it } from 'vitest';
import { clearStandingCache } from '../../src/app/analytics/customer-standing';
import { customerPortrait, type Portrait } from '../../src/app/analytics/portrait.service';
import { systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { seedDemoTiering } from '../../src/app/demo/demo-tiering';
import type { Deps } from '../../src/app/deps';
import { clickUntil, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const AS_OF = '2026-11-30';

/**
 * Demo customers with a published service tier, and the portrait (default period, as the button
 * opens it) of the first A-tier customer the RFM view scores.
 */
async function seed(deps: Deps): Promise<Portrait> {
  await loadDemo(deps, { customers: 120, seed: 5, asOf: AS_OF });
  await seedDemoTiering(deps, AS_OF, () => {});
  const candidates = await deps.store.db
    .selectFrom('customer_tiers')
    .select('customer_id')
    .where('tier', '=', 'A')
    .orderBy('customer_id')
    .execute();
  for (const c of candidates) {
    const p = await customerPortrait(deps, systemCtx(), Number(c.customer_id), {});
    if (p.analytics?.rfm && p.analytics.lifecycle && p.tiers.some((t) => t.published)) {
      clearStandingCache(deps);
      return p;
    }
  }
  throw new Error('no A-tier demo customer with orders');
}

describe('customer portrait in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('opens from the customer page with tier, RFM segment and stage, and speaks English', async () => {
    const p = suite.seeded();
    const a = p.analytics!;
    const tier = p.tiers.find((t) => t.published)!;
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/customers/${p.profile.id}`);
      await page.getByRole('heading', { name: p.profile.name }).waitFor();
      await clickUntil(page.getByTestId('open-portrait'), page.getByTestId('portrait-header'));
      await page.waitForURL(new RegExp(`/customers/${p.profile.id}/portrait`));

      const header = page.getByTestId('portrait-header');
      await header.getByRole('heading', { name: p.profile.name }).waitFor();
      const badge = header.getByTestId(`portrait-tier-badge-${tier.schemeKey}`);
      expect(await badge.textContent()).toBe(
        `${tier.schemeName.zh}: ${tier.published!.tierName.zh}`,
      );
      expect(await page.getByTestId('portrait-rfm-segment').textContent()).toBe(a.rfm!.segment.zh);
      expect(await page.getByTestId('portrait-stage').textContent()).toBe(a.lifecycle!.stage.zh);
      // The reason names the days since the last purchase.
      const reason = await page.getByTestId('portrait-stage-reason').textContent();
      expect(reason).toContain(`${a.lifecycle!.daysSinceLast} 天`);
      await page.getByTestId('portrait-revenue-chart').locator('canvas').first().waitFor();
      await page.getByTestId(`portrait-tier-${tier.schemeKey}`).getByText('依据').waitFor();
      await page.getByTestId('portrait-service').waitFor();
      await page.getByTestId('portrait-print').waitFor();

      await page.getByText('English', { exact: true }).click();
      await page.getByText('Tiers in every scheme').waitFor();
      await page.getByTestId('portrait-rfm-segment').getByText(a.rfm!.segment.en).waitFor();
      expect(await page.getByTestId('portrait-stage').textContent()).toBe(a.lifecycle!.stage.en);
      expect(await badge.textContent()).toBe(
        `${tier.schemeName.en}: ${tier.published!.tierName.en}`,
      );
      expect(await page.getByTestId('portrait-stage-reason').textContent()).toContain(
        `${a.lifecycle!.daysSinceLast} days since the last purchase`,
      );
    });
  });
});
