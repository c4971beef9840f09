import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { getCustomer, updateCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import {
  chooseOption,
  clickUntil,
  launchBrowser,
  newPage,
  requireBuiltWeb,
  signInAs,
  startWebServer,
  withPageState,
} from '../support/browser';
import { freshDeps } from '../support/engines';
import { AGENT, seedWebData } from './web-data';

const ADMIN_PASSWORD = 'Admin-pass-123';
const SCREENSHOT = resolve(import.meta.dirname, '../../docs/screenshot.png');

/** Ids by code, filled once the data is seeded. */
let ids: Map<string, number>;
const idOf = (code: string) => {
  const id = ids.get(code);
  if (!id) throw new Error(`no customer ${code}`);
  return id;
};

describe('web UI in Chromium', { timeout: 90_000 }, () => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let server: { baseUrl: string; close: () => Promise<void> };
  let browser: Browser;

  beforeAll(async () => {
    requireBuiltWeb();
    ({ deps, dispose } = await freshDeps('sqlite'));
    await ensureFirstAdmin(deps);
    ids = await seedWebData(deps);
    server = await startWebServer(deps);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await dispose?.();
  });

  /** Runs a scenario in a fresh browser profile and checks the page never threw. */
  async function inBrowser(scenario: (page: Page) => Promise<void>): Promise<void> {
    const { context, page, errors } = await newPage(browser, server.baseUrl);
    page.setDefaultTimeout(15_000);
    try {
      await scenario(page);
    } catch (e) {
      throw await withPageState(e, page, errors);
    } finally {
      await context.close();
    }
    expect(errors).toEqual([]);
  }

  it('signs in, lists in Chinese, switches to English, searches, edits and signs out', async () => {
    await inBrowser(async (page) => {
      await signInAs(page, 'admin', ADMIN_PASSWORD);

      // The list in Chinese, the default language.
      await page.getByRole('columnheader', { name: '客户名称' }).waitFor();
      await page.getByRole('cell', { name: '上海宏达机械有限公司' }).waitFor();
      await page.getByRole('button', { name: /新建客户/ }).waitFor();
      expect(await page.getByTestId('current-user').textContent()).toBe('Administrator');
      if (process.env.TIERDESK_SCREENSHOT === '1') {
        mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
        await page.getByText('共 12 个客户').waitFor();
        await page.mouse.move(640, 28); // off the table, so no row shows a hover
        await page.screenshot({ path: SCREENSHOT, animations: 'disabled' });
      }

      // English, with the table headers and menu following.
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('columnheader', { name: 'Name', exact: true }).waitFor();
      await page.getByRole('menuitem', { name: /Customers/ }).waitFor();

      // Search narrows the list.
      await page.getByPlaceholder('Search by customer name or code').fill('宏达');
      await page.getByPlaceholder('Search by customer name or code').press('Enter');
      await page.waitForURL(/q=/);
      await page
        .getByRole('cell', { name: '北京瑞丰科技股份有限公司' })
        .waitFor({ state: 'detached' });
      await page.getByText('Total 1').waitFor();

      // Open the customer and see its profile.
      await page.getByRole('cell', { name: 'KH-1001' }).click();
      await page.waitForURL(new RegExp(`/customers/${idOf('KH-1001')}$`));
      await page.getByRole('heading', { name: /上海宏达机械有限公司/ }).waitFor();
      await page.getByText('Profile', { exact: true }).waitFor();
      await page.getByTestId('customer-clv').getByText('No lifetime-value model yet').waitFor();

      // Edit and save; the profile shows the new value and the next version.
      await page.getByRole('button', { name: 'Edit' }).click();
      const drawer = page.getByRole('dialog');
      await drawer.getByLabel('Industry').fill('高端装备制造');
      await drawer.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved', { exact: true }).waitFor();
      await drawer.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: '高端装备制造' }).waitFor();
      const saved = await getCustomer(deps, systemCtx(), idOf('KH-1001'));
      expect(saved).toMatchObject({
        industry: '高端装备制造',
        version: 2,
        name: '上海宏达机械有限公司',
      });

      // The language choice survives a reload.
      await page.reload();
      await page.getByText('Profile', { exact: true }).waitFor();

      // Sign out: back to the sign-in page, and the app is closed until signing in again.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(/\/login/);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      await page.goto('/customers');
      await page.waitForURL(/\/login\?next=%2Fcustomers/);
    });
  });

  it('tells the editor when someone else saved first, and reloads the latest', async () => {
    const id = idOf('KH-1002');
    await inBrowser(async (page) => {
      await signInAs(page, 'admin', ADMIN_PASSWORD);
      await page.goto(`/customers/${id}`);
      const drawer = page.getByRole('dialog');
      await clickUntil(page.getByRole('button', { name: /编\s?辑/ }), drawer.getByLabel('行业'));
      await drawer.getByLabel('行业').fill('云计算');

      // Someone else saves while the drawer is open.
      await updateCustomer(deps, systemCtx(), id, { region: '华东', version: 1 });
      await drawer.getByRole('button', { name: /保\s?存/ }).click();
      await drawer.getByText('该客户已被其他人修改').waitFor();
      expect((await getCustomer(deps, systemCtx(), id)).industry).toBe('信息技术');

      // Reload shows their change; saving again now works.
      await drawer.getByRole('button', { name: '重新加载' }).click();
      await drawer.getByText('该客户已被其他人修改').waitFor({ state: 'detached' });
      expect(await drawer.getByLabel('区域').inputValue()).toBe('华东');
      await drawer.getByLabel('行业').fill('云计算');
      await drawer.getByRole('button', { name: /保\s?存/ }).click();
      await drawer.waitFor({ state: 'detached' });
      await page.getByRole('cell', { name: '云计算' }).waitFor();
    });
    expect(await getCustomer(deps, systemCtx(), id)).toMatchObject({
      industry: '云计算',
      region: '华东',
      version: 3,
    });
  });

  it('creates a customer, showing a used code on the code field', async () => {
    await inBrowser(async (page) => {
      await signInAs(page, 'admin', ADMIN_PASSWORD);
      await page.getByRole('button', { name: /新建客户/ }).click();
      await page.waitForURL(/\/customers\/new$/);
      await page.getByRole('textbox', { name: '客户编码' }).fill('KH-1001');
      await page.getByRole('textbox', { name: '客户名称' }).fill('苏州新材料科技有限公司');
      await chooseOption(
        page,
        page.getByLabel('负责人'),
        '王芳',
        page.locator('form').getByTitle('王芳', { exact: true }),
      );
      await page.getByRole('button', { name: '创建客户' }).click();
      await page.getByText('该客户编码已被使用').waitFor();

      await page.getByRole('textbox', { name: '客户编码' }).fill('KH-2001');
      await page.getByRole('button', { name: '创建客户' }).click();
      await page.waitForURL(/\/customers\/\d+$/);
      await page.getByRole('heading', { name: /苏州新材料科技有限公司/ }).waitFor();
      await page.getByRole('cell', { name: '王芳' }).waitFor();
    });
  });

  it('shows users and roles in settings, and opens the analytics area', async () => {
    await inBrowser(async (page) => {
      await signInAs(page, 'admin', ADMIN_PASSWORD);
      await page.getByRole('menuitem', { name: /设置/ }).click();
      await page.waitForURL(/\/settings$/);
      await page.getByRole('cell', { name: 'wangfang' }).waitFor();
      await page.getByRole('cell', { name: '客户经理' }).first().waitFor();
      await page.getByRole('tab', { name: '角色' }).click();
      await page
        .getByRole('columnheader', { name: /系统管理员/ })
        .first()
        .waitFor();

      // Analytics has a sub-menu: open it, then its first page.
      const value = page.getByRole('menuitem', { name: '价值分布' });
      await clickUntil(page.getByRole('menuitem', { name: /分析/ }), value);
      await value.click();
      await page.waitForURL(/\/analytics$/);
      await page.getByRole('heading', { name: '价值分布' }).waitFor();
    });
  });

  it('hides what a read-only user may not do', async () => {
    await inBrowser(async (page) => {
      await signInAs(page, AGENT.username, AGENT.password);
      await page.getByRole('cell', { name: '上海宏达机械有限公司' }).waitFor();
      expect(await page.getByRole('menuitem', { name: /设置/ }).count()).toBe(0);
      expect(await page.getByRole('button', { name: /新建客户/ }).count()).toBe(0);
      await page.goto(`/customers/${idOf('KH-1003')}`);
      await page.getByRole('heading', { name: /广州南方物流集团/ }).waitFor();
      expect(await page.getByRole('button', { name: /编\s?辑/ }).count()).toBe(0);
      await page.goto('/settings');
      await page.getByText('您没有访问此页面的权限').waitFor();
    });
  });

  it('shows an account manager only their own customers, and no other by its address', async () => {
    await inBrowser(async (page) => {
      await signInAs(page, 'wangfang', 'Wangfang-pass-1');
      // KH-1001 is hers; KH-1003 has no owner yet (every third customer), so it is not hers.
      await page.getByRole('cell', { name: '上海宏达机械有限公司' }).waitFor();
      expect(await page.getByRole('cell', { name: '广州南方物流集团' }).count()).toBe(0);
      await page.goto(`/customers/${idOf('KH-1003')}`);
      await page.getByText('客户不存在或已被删除').waitFor();
      await page.getByTestId('current-user').click();
      await page.getByTestId('account-profile').getByText('本人负责').waitFor();
    });
  });
});
