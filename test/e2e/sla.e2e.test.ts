import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const AGENT = { username: 'kefu', password: 'Kefu-pass-12345' };

/** The ABCD template as the service tier, and a service agent who may only read. */
async function seed(deps: Deps): Promise<void> {
  const ctx = systemCtx();
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  await createUser(deps, ctx, { ...AGENT, displayName: '客服小王', roleId: 'service_agent' });
}

/** The text input of an antd InputNumber or Input carrying a test id. */
function inputOf(scope: Page | Locator, testId: string): Locator {
  return scope.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

describe('SLA policies in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('edits a target, saves a version and explains which policy applies', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service/sla');
      await page.getByTestId('sla-version').getByText('种子模板（尚未保存）').waitFor();
      const cell = page.getByTestId('sla-tier-a-firstReply');
      expect(await cell.textContent()).toBe('30 分钟');

      await page.getByTestId('sla-edit-tier-a').click();
      const dialog = page.getByRole('dialog');
      await settle(page);
      const amount = inputOf(dialog, 'sla-form-firstReply-amount');
      await expect.poll(() => amount.inputValue()).toBe('30');
      await amount.fill('20');
      await page.getByTestId('sla-modal-ok').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('sla-tier-a-firstReply').getByText('20 分钟').waitFor();

      await page.getByTestId('sla-note').fill('A 类首次回复缩短为 20 分钟');
      await page.getByTestId('sla-save').click();
      await page.getByTestId('sla-version').getByText('第 1 版').waitFor();
      await page.getByTestId('sla-versions').getByText('A 类首次回复缩短为 20 分钟').waitFor();

      // A second catch-all (no tier, level or category) clashes with the 24-hour baseline: the
      // server names it and the page shows it under the new row.
      await page.getByRole('button', { name: '新增策略' }).click();
      await settle(page);
      await inputOf(dialog, 'sla-form-key').fill('catch-all-2');
      await inputOf(dialog, 'sla-form-name-zh').fill('兜底二');
      await inputOf(dialog, 'sla-form-name-en').fill('Second catch-all');
      await inputOf(dialog, 'sla-form-firstReply-amount').fill('8');
      await page.getByTestId('sla-modal-ok').click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByTestId('sla-save').click();
      await page.getByTestId('sla-save-error').waitFor();
      await page
        .getByTestId('sla-row-catch-all-2')
        .getByText(/same match as inquiry-24h/)
        .waitFor();
      await page
        .getByTestId('sla-row-catch-all-2')
        .getByRole('button', { name: /删\s?除/ })
        .click();

      // Tier A (the default), level 3, a complaint opened Fri 13 Feb 2026 16:00 China time.
      const explain = page.getByTestId('sla-explain');
      await inputOf(explain, 'sla-explain-opened').fill('2026-02-13 16:00');
      await page.getByTestId('sla-explain-run').click();
      await page
        .getByTestId('sla-explain-winner')
        .getByText(/level-3/)
        .waitFor();
      // First reply from tier A on 24×7: 16:20. Response 24 h on the office calendar, counting
      // the make-up Saturday and skipping the Spring Festival: Wed 25 Feb 16:00.
      await page.getByTestId('sla-due-at-firstReply').getByText('2026/02/13 16:20').waitFor();
      await page.getByTestId('sla-due-at-response').getByText('2026/02/25 16:00').waitFor();
      await explain
        .getByText(/不如 level-3 具体/)
        .first()
        .waitFor();
    });
    const saved = await suite
      .deps()
      .store.db.selectFrom('sla_policy_versions')
      .select(['version', 'note', 'document'])
      .executeTakeFirstOrThrow();
    expect(saved.note).toBe('A 类首次回复缩短为 20 分钟');
    const tierA = JSON.parse(saved.document).find((p: { key: string }) => p.key === 'tier-a');
    expect(tierA.targets.firstReply).toEqual({ amount: 20, unit: 'minutes' });
  });

  it('shows the policies read-only to a service agent', async () => {
    await suite.asUser(AGENT.username, AGENT.password, async (page) => {
      await page.goto('/service/sla');
      await page.getByText('你只能查看 SLA 策略', { exact: false }).waitFor();
      await page.getByTestId('sla-tier-a-firstReply').waitFor();
      expect(await page.getByTestId('sla-save').count()).toBe(0);
      expect(await page.getByTestId('sla-edit-tier-a').count()).toBe(0);
    });
  });
});
