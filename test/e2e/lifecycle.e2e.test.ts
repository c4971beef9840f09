import { describe, expect, it } from 'vitest';
import { settle, useBrowserSuite } from '../support/browser';
import { seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** antd puts a space between the two characters of a two-character Chinese button label. */
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

describe('relationship lifecycle in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seedWebData);

  it('plans marketing, then requests and approves a termination that stops marketing', async () => {
    const id = suite.seeded().get('KH-1006')!;
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto(`/customers/${id}`);
      const card = page.getByTestId('lifecycle-card');
      await card.getByText('合作中').waitFor();

      await card.getByRole('tab', { name: '营销活动' }).click();
      await card.getByRole('button', { name: /新建营销活动/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('主题').fill('年终回馈券');
      await settle(page);
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByRole('cell', { name: '年终回馈券' }).waitFor();

      await card.getByRole('tab', { name: '终止合作' }).click();
      await card.getByRole('button', { name: /申请终止合作/ }).click();
      await dialog.getByLabel('原因').fill('连续三年 C 类，回款差');
      await settle(page);
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      await card.getByText(/待审批/).waitFor();

      await card.getByRole('button', { name: /批准终止/ }).click();
      await settle(page);
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
    const row = await suite
      .deps()
      .store.db.selectFrom('customers')
      .select('lifecycle_stage')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.lifecycle_stage).toBe('terminating');
  });
});
