import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { addTermAdjustment } from '../../src/app/policy/customer-policy.service';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { customerInput } from '../factories/customers';
import { settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const AGENT = { username: 'zhaomin', password: 'Zhaomin-pass-1' };
const REASON = '第三季度两张发票逾期';

/** The ABCD template as the service tier, a B customer whose terms were moved down one rung. */
async function seed(deps: Deps) {
  forgetCatalogs();
  const ctx = systemCtx();
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const c = await createCustomer(
    deps,
    ctx,
    customerInput({ code: 'KH-B01', name: '华东精密机械有限公司' }),
  );
  await setOverride(deps, ctx, version.schemeId, { customerId: c.id, tier: 'B', reason: '测试' });
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: '2026-11-01' });
  await addTermAdjustment(deps, ctx, c.id, { steps: 1, reason: REASON });
  // A service agent reads customers but may not manage policies.
  await createUser(deps, ctx, {
    username: AGENT.username,
    displayName: '赵敏',
    password: AGENT.password,
    roleId: 'service_agent',
    region: null,
  });
  return { customerId: c.id, schemeId: version.schemeId };
}

describe('a customer’s policy and service in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('shows a reader the adjusted term and its reason, without revoke or adjust', async () => {
    const { customerId } = suite.seeded();
    await suite.asUser(AGENT.username, AGENT.password, async (page) => {
      await page.goto(`/customers/${customerId}`);
      const term = page.getByTestId('policy-card').getByTestId('policy-term');
      await term.getByTestId('term-in-force').getByText('现行：不赊账').waitFor();
      await term.getByTestId('term-adjustments').getByText(REASON).waitFor();
      expect(await term.getByRole('button').count()).toBe(0);
    });
  });

  it('shows the policy in words, revokes and adds a term adjustment, links to the order check', async () => {
    const { customerId } = suite.seeded();
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/customers/${customerId}`);
      const card = page.getByTestId('policy-card');
      await card.getByText('服务分级 B').waitFor();
      await card.getByText('自 2026-11-01 起').waitFor();
      const words = card.getByTestId('policy-words');
      await words.getByText('最多低于内部价 3%').waitFor();
      await words.getByText('下单后 30 天起交货').waitFor();
      await words.getByText('视产能安排').waitFor();
      await words.getByText('24 小时内答复').waitFor();
      await words.getByText('每月 2–4 次; 集团客户每 2 个月一次').waitFor();
      await words.getByText('客户服务团队').waitFor();

      // Moved down one rung by hand: the stricter term, the tier's own, and why.
      const term = card.getByTestId('policy-term');
      await term.getByTestId('term-in-force').getByText('现行：不赊账').waitFor();
      await term.getByText(/分级允许：货到付款或 30 天/).waitFor();
      const adjustments = term.getByTestId('term-adjustments');
      const row = adjustments.getByRole('row', { name: new RegExp(REASON) });
      await row.getByText('人工决定').waitFor();
      await row.getByRole('button', { name: /撤\s?销/ }).click();
      await settle(page);
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /确\s?定|OK/ })
        .click();
      await term.getByTestId('term-in-force').getByText('现行：货到付款或 30 天').waitFor();
      await term.getByText('无调整，按分级条件执行。').waitFor();

      // A new adjustment: two rungs down, with the resulting term shown before saving.
      await term.getByTestId('adjust-term').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('下调档数').fill('2');
      await dialog.getByLabel('原因').fill('质量纠纷未结');
      await dialog.getByTestId('adjust-term-preview').getByText('调整后：款到发货').waitFor();
      await dialog.getByRole('button', { name: /保\s?存/ }).click();
      await term.getByTestId('term-in-force').getByText('现行：款到发货').waitFor();
      await term.getByTestId('term-adjustments').getByText('质量纠纷未结').waitFor();

      await card.getByTestId('policy-check-order').click();
      await page.waitForURL(/\/policies\/orders\?customer=KH-B01/);
      await page.getByTestId('customer-policy').getByText('分级 B').waitFor();
      await page.getByTestId('order-customer').getByText('KH-B01 华东精密机械有限公司').waitFor();
    });
    const rows = await suite
      .deps()
      .store.db.selectFrom('customer_term_adjustments')
      .select(['steps', 'reason', 'revoked_at'])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.steps, r.reason, r.revoked_at !== null])).toEqual([
      [1, REASON, true],
      [2, '质量纠纷未结', false],
    ]);
  });

  it('renames a rung of the payment-terms ladder, adds and removes one, and saves', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/policies');
      const ladder = page.getByTestId('payment-ladder');
      await ladder.getByTestId('ladder-rung-2').waitFor();
      // Every seed rung is some tier's term: it says which and cannot be removed.
      const rung = ladder.getByTestId('ladder-rung-2');
      await rung.getByText('分级 C 使用中').waitFor();
      expect(await rung.getByRole('button', { name: '删除 3' }).isDisabled()).toBe(true);
      expect(await rung.getByLabel('代码 3').isDisabled()).toBe(true);

      await page.getByTestId('ladder-add').click();
      const added = ladder.getByTestId('ladder-rung-4');
      await added.getByText('未被任何分级使用').waitFor();
      // A rung without names is refused by the server, the message shown on that rung.
      await page.getByTestId('catalog-save').click();
      await added
        .getByRole('alert')
        .getByText(/zh is required/)
        .waitFor();
      await page.getByTestId('catalog-version').getByText('种子默认值（尚未保存）').waitFor();
      await added.getByRole('button', { name: '上移 5' }).click();
      expect(await ladder.getByTestId('ladder-rung-3').getByLabel('代码 4').inputValue()).toBe(
        'term_5',
      );
      await ladder.getByTestId('ladder-rung-3').getByRole('button', { name: '删除 4' }).click();
      await expect.poll(() => ladder.getByTestId('ladder-rung-4').count()).toBe(0);

      await rung.getByLabel('中文名称 3').fill('现款现货');
      await rung.getByLabel('英文名称 3').fill('Cash with order');
      await page.getByLabel('修改说明').fill('“不赊账”改称“现款现货”');
      await page.getByTestId('catalog-save').click();
      await page.getByTestId('catalog-version').getByText('第 1 版').waitFor();
      expect(await rung.getByLabel('中文名称 3').inputValue()).toBe('现款现货');
    });
    const saved = await suite
      .deps()
      .store.db.selectFrom('tier_policy_versions')
      .select(['document'])
      .execute();
    expect(saved).toHaveLength(1);
    const raw = saved[0]?.document;
    const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as {
      paymentTerms: { id: string; name: { zh: string; en: string } }[];
    };
    expect(doc.paymentTerms.map((x) => x.id)).toEqual([
      'deferred_90',
      'cod_or_30',
      'no_credit',
      'prepay',
    ]);
    expect(doc.paymentTerms[2]?.name).toEqual({ zh: '现款现货', en: 'Cash with order' });
  });
});
