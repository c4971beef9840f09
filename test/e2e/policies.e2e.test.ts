import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { addDays } from '../../src/domain/business-date';
import { customerInput } from '../factories/customers';
import { chooseOption, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** The ABCD template as the service tier, with a B and a C customer placed by hand. */
async function seed(deps: Deps) {
  forgetCatalogs();
  const ctx = systemCtx();
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const customers: Record<string, string> = { B: '华东精密机械有限公司', C: '南方建材贸易公司' };
  for (const [tier, name] of Object.entries(customers)) {
    const c = await createCustomer(deps, ctx, customerInput({ code: `KH-${tier}01`, name }));
    await setOverride(deps, ctx, version.schemeId, { customerId: c.id, tier, reason: '测试' });
  }
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: '2026-11-01' });
  return { schemeId: version.schemeId };
}

describe('tier policies and order check in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('edits a price floor, refuses an order with the reason, queues an allowed one', async () => {
    const delivery = addDays(new Date().toISOString().slice(0, 10), 60);
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/policies');
      const cardB = page.getByTestId('tier-card-B');
      await cardB.waitFor();
      await page.getByTestId('catalog-version').getByText('种子默认值（尚未保存）').waitFor();
      const floor = cardB.getByRole('spinbutton', { name: /价格下限.*B/ });
      expect(await floor.inputValue()).toBe('-3');
      // A field the server refuses is marked where it is, and nothing is saved.
      const minVisits = cardB.getByRole('spinbutton', { name: /每月最少拜访 B/ });
      await minVisits.fill('9');
      await page.getByTestId('catalog-save').click();
      await cardB
        .getByRole('alert')
        .getByText(/minPerMonth must not exceed/)
        .waitFor();
      await page
        .getByTestId('catalog-error')
        .getByText('catalog.tiers.1.visits.minPerMonth')
        .waitFor();
      await page.getByTestId('catalog-version').getByText('种子默认值（尚未保存）').waitFor();
      await minVisits.fill('2');
      await floor.fill('-4');
      await page.getByLabel('修改说明').fill('B 类折扣上限调整为 4%');
      await page.getByTestId('catalog-save').click();
      await page.getByTestId('catalog-version').getByText('第 1 版').waitFor();
      await page.getByTestId('catalog-versions').getByText('B 类折扣上限调整为 4%').waitFor();

      await page.goto('/policies/orders');
      const customer = page.getByTestId('order-customer');
      await chooseOption(
        page,
        customer,
        'KH-B01 华东精密机械有限公司',
        page.getByTestId('customer-policy').getByText('分级 B'),
      );
      await page.getByLabel('产品 1').fill('数控车床 CK6140');
      await page.getByLabel('数量 1').fill('2');
      await page.getByLabel('内部单价（元） 1').fill('1000');
      await page.getByLabel('申请折扣（%，负数为加价）').fill('5');
      await chooseOption(
        page,
        page.getByTestId('order-term'),
        '货到付款或 30 天',
        page.getByTestId('order-term').getByTitle('货到付款或 30 天'),
      );
      await page.getByTestId('order-delivery').fill(delivery);
      await page.getByTestId('order-check').click();
      const result = page.getByTestId('order-result');
      await result.getByText('不能按此条件接单').waitFor();
      await result.getByText('折扣超出上限：最多 4%，申请 5%').waitFor();
      expect(await page.getByTestId('order-submit').count()).toBe(0);

      await page.getByLabel('申请折扣（%，负数为加价）').fill('4');
      await page.getByTestId('order-check').click();
      await result.getByText('可以接单').waitFor();
      await page.getByTestId('order-submit').click();
      const queue = page.getByTestId('order-queue');
      await queue.getByText('KH-B01 华东精密机械有限公司').waitFor();
      await queue.getByRole('button', { name: '开始生产' }).click();
      await queue.getByText('生产中').waitFor();
    });
    const rows = await suite
      .deps()
      .store.db.selectFrom('order_requests')
      .select(['tier', 'discount_pct', 'status', 'requested_total_minor'])
      .execute();
    expect(rows).toEqual([
      { tier: 'B', discount_pct: 4, status: 'in_production', requested_total_minor: 192_000 },
    ]);
  });
});
