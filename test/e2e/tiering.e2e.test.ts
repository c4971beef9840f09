import { describe, expect, it } from 'vitest';
import { useBrowserSuite } from '../support/browser';
import { lockRunVersion, seedTieringOrders } from './tiering-data';
import { AGENT, seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** antd puts a space between the two characters of a two-character Chinese button label. */
const button = (label: string) => new RegExp([...label].join('\\s?'));

describe('tiering pages in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(async (deps) => {
    const ids = await seedWebData(deps);
    await seedTieringOrders(deps, ids);
    return ids;
  });

  it('creates and runs a template, explains a customer, tries a what-if and edits the scheme', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.getByRole('menuitem', { name: /分级/ }).click();
      await page.waitForURL(/\/tiering$/);

      // Two clicks: pick the template, create and run.
      await page.getByTestId('template-abcd').click();
      await page.getByRole('button', { name: /创建并运行/ }).click();
      await page.waitForURL(/\/tiering\/runs\/\d+$/);
      const runId = Number(/runs\/(\d+)/.exec(page.url())?.[1]);

      // Ten enterprises and groups, cut 20/30/40/10 by score and then revenue.
      await page
        .getByTestId('distribution-A')
        .getByText(/A类客户: 2/)
        .waitFor();
      await page
        .getByTestId('distribution-B')
        .getByText(/B类客户: 3/)
        .waitFor();
      await page
        .getByTestId('distribution-C')
        .getByText(/C类客户: 4/)
        .waitFor();
      await page
        .getByTestId('distribution-D')
        .getByText(/D类客户: 1/)
        .waitFor();

      // KH-1008 is the best B; its explanation says what it lacks for A.
      await page.getByRole('tab', { name: '结果' }).click();
      const row = page.getByRole('row').filter({ hasText: '深圳前海智联电子有限公司' });
      await row.getByRole('button', { name: '查看说明' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByText(/KH-1008 深圳前海智联电子有限公司 的分级说明/).waitFor();
      await drawer.getByRole('cell', { name: '销售规模' }).waitFor();
      await drawer.getByText(/升到 A类客户 还差什么/).waitFor();
      await drawer.getByText(/需要得分/).waitFor();
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });

      // A larger A quota (taken from D down to 1%, then from C) moves KH-1008 into A, and the
      // lines below shift: three customers move up.
      await page.getByRole('tab', { name: '模拟' }).click();
      const slider = page.getByRole('slider', { name: /A类客户 比例/ });
      await slider.focus();
      for (let i = 0; i < 10; i++) await slider.press('ArrowRight');
      expect(await slider.getAttribute('aria-valuenow')).toBe('30');
      await expect
        .poll(() =>
          page.getByRole('slider', { name: /D类客户 比例/ }).getAttribute('aria-valuenow'),
        )
        .toBe('1');
      await page
        .getByTestId('whatif-distribution-A')
        .getByText(/A类客户: 3/)
        .waitFor();
      await page
        .getByTestId('whatif-distribution-D')
        .getByText(/D类客户: 0/)
        .waitFor();
      await page
        .getByTestId('whatif-movers')
        .getByText(/等级会变动的客户（3）/)
        .waitFor();

      // Publishing (not built yet) locks the version: the next save makes version 2.
      await lockRunVersion(suite.deps(), runId);
      await page.getByRole('link', { name: /打开方案/ }).click();
      await page.waitForURL(/\/tiering\/schemes\/\d+$/);
      await page.getByRole('heading', { name: /ABCD 客户分级/ }).waitFor();

      // Quotas that do not add up to 100% are refused with the path of the problem.
      await page.getByLabel('第 1 条比例').fill('25');
      await page.getByRole('button', { name: button('保存') }).click();
      await page.getByTestId('scheme-issues').getByText('assignment.ranking.quotas').waitFor();
      await page.getByLabel('第 4 条比例').fill('5');
      await page.getByRole('button', { name: button('保存') }).click();
      await page.getByText('已保存为第 2 版').waitFor();
      await page.getByRole('heading', { name: /第 2 版/ }).waitFor();
      expect(await page.getByTestId('scheme-issues').count()).toBe(0);

      // The JSON tab holds the saved document; the runs tab lists the run made from it.
      await page.getByRole('tab', { name: 'JSON' }).click();
      expect(await page.getByLabel('方案 JSON').inputValue()).toContain('"percent": 25');
      await page.getByRole('tab', { name: '运行记录' }).click();
      await page.getByRole('link', { name: /^\d{4}-\d{2}-\d{2}$/ }).waitFor();
    });
  });

  it("shows the customer's tiers on the customer page, linked to the run", async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/customers/${suite.seeded().get('KH-1003')}`);
      const card = page.getByTestId('customer-tiers');
      await card.getByText(/ABCD 客户分级/).waitFor();
      await card.getByRole('link', { name: /最近运行：A类客户/ }).click();
      await page.waitForURL(/\/tiering\/runs\/\d+$/);
    });
  });

  it('lets a reader see schemes and runs but not create, run or try what-if', async () => {
    await suite.asUser(AGENT.username, AGENT.password, async (page) => {
      await page.getByRole('menuitem', { name: /分级/ }).click();
      await page.getByRole('link', { name: /ABCD 客户分级/ }).waitFor();
      expect(await page.getByRole('button', { name: /创建并运行/ }).count()).toBe(0);
      await page.getByRole('link', { name: /截至/ }).first().click();
      await page.getByRole('tab', { name: '结果' }).waitFor();
      expect(await page.getByRole('tab', { name: '模拟' }).count()).toBe(0);
    });
  });
});
