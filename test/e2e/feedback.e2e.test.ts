import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { createFact } from '../../src/app/facts/facts.service';
import { requestBlacklist } from '../../src/app/feedback/blacklist.service';
import { roleCtx } from '../factories/users';
import { settle, useBrowserSuite } from '../support/browser';
import { seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const button = (label: string) => new RegExp(`^${[...label].join('\\s?')}$`);

/** The web data, a complaint and a pending blacklist request filed by a service agent. */
async function seed(deps: Deps) {
  const ids = await seedWebData(deps);
  const agent = await createUser(deps, systemCtx(), {
    username: 'zhouyan',
    displayName: '周燕',
    password: 'Zhouyan-pass-1',
    roleId: 'service_agent',
  });
  const customerId = ids.get('KH-1001') as number;
  const complaint = await createFact(deps, systemCtx(), 'feedback', customerId, {
    kind: 'complaint',
    content: '同一问题第六次投诉，拒绝任何解决方案',
    receivedOn: '2026-11-20',
  });
  await requestBlacklist(deps, roleCtx('service_agent', agent.id), {
    customerId,
    action: 'add',
    reason: '长期无理投诉，索要额外赔偿',
    feedbackIds: [Number(complaint.id)],
  });
  return { customerId };
}

describe('feedback and satisfaction in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('creates and sends a campaign, sees the average of an answer, approves a blacklist request', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service/feedback');
      await page.getByRole('button', { name: /新建调查/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('2026 年四季度满意度');
      await dialog.getByLabel('季度').fill('2026-Q4');
      await dialog.getByText('全部合作中客户').click();
      await settle(page);
      await dialog.getByRole('button', { name: button('确定') }).click();
      await dialog.waitFor({ state: 'detached' });
      const table = page.getByTestId('campaigns-table');
      await table.getByRole('cell', { name: '2026 年四季度满意度' }).waitFor();

      await table.getByRole('button', { name: button('发送') }).click();
      await settle(page);
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: button('确定') })
        .click();
      const links = page.getByTestId('survey-links');
      await links.waitFor();
      const text = (await links.locator('.ant-typography').first().textContent()) ?? '';
      const token = new URL(text.match(/https?:\/\/\S+/)?.[0] ?? 'x:').searchParams.get('token');
      expect(token).toBeTruthy();
      // The customer opens the link and answers on the public page.
      await page.goto(`/public/survey?token=${token}`);
      const survey = page.getByTestId('public-survey');
      await survey.locator('.ant-rate-star').nth(3).locator('div').first().click();
      await survey.locator('textarea').fill('及时');
      await survey.getByRole('button', { name: button('提交') }).click();
      await survey.getByText('感谢您的评价').waitFor();
      // The same link cannot answer twice.
      await page.reload();
      await page.getByTestId('public-survey').getByText('此调查已回答过').waitFor();
      await page.goto('/service/feedback');
      await page.getByTestId('campaigns-table').getByText('4.00').waitFor();

      await page.getByRole('tab', { name: '黑名单申请' }).click();
      const bl = page.getByTestId('blacklist-table');
      await bl.getByRole('cell', { name: /长期无理投诉/ }).waitFor();
      await bl.getByRole('button', { name: button('批准') }).click();
      await bl.getByText('暂无申请').waitFor();
    });
    const tag = await suite
      .deps()
      .store.db.selectFrom('customer_tags')
      .select('tag')
      .where('customer_id', '=', suite.seeded().customerId)
      .where('tag', '=', 'blacklist')
      .executeTakeFirst();
    expect(tag?.tag).toBe('blacklist');
  });
});
