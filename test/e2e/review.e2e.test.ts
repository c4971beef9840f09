import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chooseOption, clickUntil, settle, useBrowserSuite } from '../support/browser';
import { REVIEWERS, seedReview } from './review-data';
import { seedTieringOrders } from './tiering-data';
import { seedWebData } from './web-data';

/**
 * A button's accessible name: antd puts a space between the two characters of a two-character
 * Chinese label, and an icon adds its own name in front.
 */
const button = (label: string) => new RegExp(`(^|\\s)${[...label].join('\\s?')}$`);

describe('the annual review cycle in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(async (deps) => {
    const ids = await seedWebData(deps);
    await seedTieringOrders(deps, ids);
    await seedReview(deps);
    return ids;
  });

  /** Runs a scenario signed in as one reviewer and checks the page never threw. */
  async function as(
    who: keyof typeof REVIEWERS,
    scenario: (page: Page) => Promise<void>,
  ): Promise<void> {
    await suite.asUser(REVIEWERS[who].username, REVIEWERS[who].password, scenario);
  }

  /** Completes the cycle's current step from its page, with a comment. */
  async function completeStep(page: Page, comment: string): Promise<void> {
    await page.getByRole('button', { name: '完成此步' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '完成当前步骤' });
    await dialog.getByLabel('意见（可选）').fill(comment);
    // A click while the dialog is still zooming in can miss the button: wait for it to settle,
    // and click again if the dialog is still open after the first try.
    await settle(page);
    await clickUntil(
      dialog.getByRole('button', { name: '完成此步' }),
      page.getByText('已完成此步'),
    );
  }

  /** Opens one customer's line of the evaluation form in the drawer. */
  async function editLine(page: Page, code: string) {
    const row = page.getByTestId('proposals-table').getByRole('row').filter({ hasText: code });
    await row.getByRole('button', { name: button('编辑') }).click();
    const drawer = page.getByRole('dialog').filter({ hasText: code });
    await drawer.waitFor();
    await settle(page);
    return drawer;
  }

  /** Picks a tier in the drawer's tier select and gives the reason for it. */
  async function chooseTier(page: Page, label: string, tier: string, reason: string) {
    const drawer = page.getByRole('dialog').filter({ has: page.getByText(label) });
    await chooseOption(
      page,
      drawer.getByRole('combobox', { name: label }),
      tier,
      drawer.getByTitle(tier, { exact: true }),
    );
    await drawer.getByLabel('理由').fill(reason);
    await drawer.getByRole('button', { name: button('保存') }).click();
  }

  it('starts, rates, rates credit, revises, approves, publishes and shows the history', async () => {
    let cycleUrl = '';

    // The general manager starts the annual cycle; the new tiers take effect next year.
    await as('gm', async (page) => {
      await page.getByRole('menuitem', { name: /评审/ }).click();
      await page.waitForURL(/\/reviews$/);
      await page.getByRole('button', { name: /发起评审/ }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '发起评审周期' });
      await dialog.waitFor();
      await settle(page);
      await chooseOption(
        page,
        dialog.getByRole('combobox', { name: '分级方案' }),
        '年度 ABC 分级',
        dialog.getByTitle('年度 ABC 分级'),
      );
      await dialog.getByLabel('生效日期').fill(`${new Date().getFullYear() + 1}-01-01`);
      await dialog.getByRole('button', { name: button('发起') }).click();
      await page.waitForURL(/\/reviews\/\d+$/);
      cycleUrl = new URL(page.url()).pathname;
      await page.getByTestId('cycle-steps').getByText('销售经理评定').waitFor();
      // The general manager does not rate: no edit buttons on the form for them.
      await page.getByTestId('proposals-table').getByText('KH-1004').waitFor();
      expect(await page.getByRole('button', { name: '完成此步' }).count()).toBe(0);
    });

    // The east sales manager sees the east region only and rates KH-1004 up, with a reason.
    await as('east', async (page) => {
      await page.goto(cycleUrl);
      const table = page.getByTestId('proposals-table');
      await table.getByText('KH-1004').waitFor();
      expect(await table.getByText('KH-1002').count()).toBe(0);
      await editLine(page, 'KH-1004');
      await chooseTier(page, '建议等级', 'B', '新签三年框架协议');
      await page.getByText('KH-1004 已保存').waitFor();
      await table.getByTestId('final-KH-1004').getByText('B').waitFor();
      await completeStep(page, '华东已评');
    });

    // Finance rates credit and closes its step.
    await as('fin', async (page) => {
      await page.goto(cycleUrl);
      await page.getByTestId('cycle-steps').getByText('财务资信评定').waitFor();
      await completeStep(page, '资信已评');
    });

    // The review meeting raises KH-1011 from C to B.
    await as('east', async (page) => {
      await page.goto(cycleUrl);
      await editLine(page, 'KH-1011');
      await chooseTier(page, '复评等级', 'B', '评审会：战略客户');
      await page.getByText('KH-1011 已保存').waitFor();
      await completeStep(page, '复评完成');
    });

    // The general manager approves, sees what will change, publishes, and reads the summary.
    await as('gm', async (page) => {
      await page.goto(cycleUrl);
      await completeStep(page, '同意');
      await page.getByRole('button', { name: button('发布') }).click();
      const confirm = page.getByRole('dialog').filter({ hasText: '确认发布' });
      await confirm.getByTestId('publish-preview').getByText(/升级/).waitFor();
      await confirm.getByRole('button', { name: button('发布') }).click();
      const summary = page.getByTestId('publication-summary');
      await summary.waitFor();
      expect(await summary.getByText('升级').count()).toBeGreaterThan(0);
      await page.getByTestId('cycle-status').getByText('已发布').waitFor();

      // The draft against the published tiers: KH-1004 and KH-1011 move up, with their reasons.
      await page.getByRole('tab', { name: '草案与现行对比' }).click();
      const compare = page.getByTestId('compare-table');
      await compare.getByText('新签三年框架协议').waitFor();
      await compare.getByText('评审会：战略客户').waitFor();
      await page.getByTestId('revenue-up').getByText('¥215,000.00').waitFor();

      // The printable form holds every line, reasons included.
      await page.goto(`${cycleUrl}/print`);
      await page.getByTestId('print-table').getByText('新签三年框架协议').waitFor();

      // The customer page shows the change with its reason, and the tier on a date.
      await page.goto(`/customers/${suite.seeded().get('KH-1011')}`);
      const history = page.getByTestId('tier-history');
      await history.getByText('评审会：战略客户').waitFor();
      await history.getByText('年度 ABC 分级').first().waitFor();
      await history
        .getByTestId('tiers-on-date')
        .getByText(/年度 ABC 分级: C/)
        .waitFor();

      // The scheme lists both publications; the cycle's moved two customers up.
      await page.goto('/tiering');
      await page.getByRole('link', { name: /年度 ABC 分级/ }).click();
      await page.getByRole('tab', { name: '发布记录' }).click();
      const pubs = page.getByTestId('scheme-publications');
      await pubs.getByRole('link', { name: /评审 #\d+/ }).waitFor();
      await pubs.getByRole('button', { name: '查看变动' }).first().click();
      await page.getByRole('dialog').getByText('青岛海岸港口服务有限公司').waitFor();
    });
  });

  it('schedules the annual review for every 20 December', async () => {
    await as('gm', async (page) => {
      await page.goto('/reviews');
      const card = page.getByTestId('review-schedules');
      await card.getByText('还没有评审计划').waitFor();
      await card.getByRole('button', { name: /新建评审计划/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称', { exact: true }).fill('年度评审（每年 12 月 20 日）');
      await dialog.getByRole('button', { name: /^确\s?定$/ }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByRole('cell', { name: '年度评审（每年 12 月 20 日）' }).waitFor();
      await card.getByRole('cell', { name: '0 0 20 12 *' }).waitFor();
      await card.getByText(/12\/20|12月20日|12-20/).waitFor();
    });
  });
});
