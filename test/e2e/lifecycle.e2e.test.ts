import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import type { Deps } from '../../src/app/deps';
import {
  launchBrowser,
  newPage,
  requireBuiltWeb,
  signInAs,
  startWebServer,
  withPageState,
} from '../support/browser';
import { freshDeps } from '../support/engines';
import { seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** antd puts a space between the two characters of a two-character Chinese button label. */
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

describe('relationship lifecycle in Chromium', { timeout: 120_000 }, () => {
  let deps: Deps;
  let dispose: () => Promise<void>;
  let server: { baseUrl: string; close: () => Promise<void> };
  let browser: Browser;
  let ids: Map<string, number>;

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

  it('plans marketing, then requests and approves a termination that stops marketing', async () => {
    const id = ids.get('KH-1006')!;
    await inBrowser(async (page) => {
      await signInAs(page, ADMIN.username, ADMIN.password);
      await page.goto(`/customers/${id}`);
      const card = page.getByTestId('lifecycle-card');
      await card.getByText('合作中').waitFor();

      await card.getByRole('tab', { name: '营销活动' }).click();
      await card.getByRole('button', { name: /新建营销活动/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('主题').fill('年终回馈券');
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByRole('cell', { name: '年终回馈券' }).waitFor();

      await card.getByRole('tab', { name: '终止合作' }).click();
      await card.getByRole('button', { name: /申请终止合作/ }).click();
      await dialog.getByLabel('原因').fill('连续三年 C 类，回款差');
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByText(/待审批/).waitFor();

      await card.getByRole('button', { name: /批准终止/ }).click();
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByText('终止中').waitFor();
      await card.getByRole('button', { name: /登记提前告知/ }).waitFor();

      // From approval on, no marketing.
      await card.getByRole('tab', { name: '营销活动' }).click();
      await card.getByText(/不能再安排营销活动/).waitFor();
      expect(await card.getByRole('button', { name: /新建营销活动/ }).count()).toBe(0);

      // The elimination list opens (no published tiers here, so it is empty).
      await page.goto('/reviews/elimination');
      await page.getByRole('heading', { name: /淘汰候选客户/ }).waitFor();
    });
    const row = await deps.store.db
      .selectFrom('customers')
      .select('lifecycle_stage')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.lifecycle_stage).toBe('terminating');
  });
});
