import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { addContact } from '../../src/app/customers/contacts.service';
import type { Deps } from '../../src/app/deps';
import { chooseOption, openDropdown, settle, useBrowserSuite } from '../support/browser';
import { seedWebData } from './web-data';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/** The shown value of an Ant Design select once `title` is picked. */
const picked = (root: Page | Locator, title: string) =>
  root.locator(`.ant-select-content[title="${title}"]`);

async function seed(deps: Deps) {
  const ids = await seedWebData(deps);
  await addContact(deps, systemCtx(), ids.get('KH-1001')!, {
    name: '赵工',
    phone: '138 2000 1001',
  });
  return ids;
}

describe('service tickets in Chromium', { timeout: 180_000 }, () => {
  const suite = useBrowserSuite(seed);
  const inBrowser = suite.inBrowser;

  it('files a ticket, notes and replies, and moves it through to resolved', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service/tickets');
      await page.getByTestId('ticket-new').click();
      const dialog = page.getByRole('dialog');
      await settle(page);
      const customer = dialog.getByTestId('order-customer');
      await customer.click();
      await page.keyboard.type('KH-1001');
      await chooseOption(
        page,
        customer,
        'KH-1001 上海宏达机械有限公司',
        picked(dialog, 'KH-1001 上海宏达机械有限公司'),
      );
      await chooseOption(
        page,
        dialog.getByTestId('ticket-new-category'),
        '投诉',
        picked(dialog, '投诉'),
      );
      await dialog.getByTestId('ticket-new-subject').fill('交货延迟三天');
      await dialog.getByTestId('ticket-new-description').fill('订单 SO-1 迟到，客户不满');
      await dialog.getByTestId('ticket-new-submit').click();
      await page.getByTestId('ticket-reference').waitFor();
      await expect.poll(() => page.getByTestId('ticket-status').textContent()).toBe('新建');
      expect(await page.getByTestId('ticket-category').textContent()).toBe('投诉');

      await chooseOption(
        page,
        page.getByTestId('ticket-assignee'),
        '李强',
        page.getByTestId('ticket-status').getByText('已分派'),
      );

      await page.getByTestId('ticket-compose-kind').getByText('内部备注').click();
      await page.getByTestId('ticket-compose-body').fill('客户是老客户，优先安排');
      await page.getByTestId('ticket-compose-send').click();
      await page.getByTestId('ticket-message-note').getByText('客户是老客户，优先安排').waitFor();

      await page.getByTestId('ticket-compose-kind').getByText('回复客户').click();
      await page.getByTestId('ticket-compose-body').fill('您好，已为您加急处理');
      await page.getByTestId('ticket-compose-send').click();
      await page.getByTestId('ticket-message-reply').getByText('您好，已为您加急处理').waitFor();
      await page.getByTestId('ticket-status').getByText('已回复').waitFor();

      await page.getByTestId('ticket-move-in_progress').click();
      await page.getByTestId('ticket-status').getByText('处理中').waitFor();
      await page.getByTestId('ticket-move-resolved').click();
      await page.getByTestId('ticket-status').getByText('已解决').waitFor();
      await page.getByTestId('ticket-move-confirmed').waitFor();

      await page.goto('/service/tickets');
      await page.getByTestId('ticket-filter-status').click();
      await settle(page);
      await openDropdown(page).getByTitle('已解决', { exact: true }).click();
      await page.getByRole('cell', { name: /交货延迟三天/ }).waitFor();

      // The customer's page lists the ticket with its status, linked to the ticket.
      const filed = await suite
        .deps()
        .store.db.selectFrom('tickets')
        .select(['id', 'customer_id'])
        .where('subject', '=', '交货延迟三天')
        .executeTakeFirstOrThrow();
      await page.goto(`/customers/${filed.customer_id}`);
      const card = page.getByTestId('customer-tickets');
      await card.getByText('交货延迟三天').waitFor();
      await card.getByText('已解决').waitFor();
      await card.getByRole('link').first().click();
      await page.waitForURL(new RegExp(`/service/tickets/${filed.id}$`));
    });
    const t = await suite
      .deps()
      .store.db.selectFrom('tickets')
      .select(['status', 'category', 'category_path', 'first_replied_at', 'resolved_at'])
      .where('subject', '=', '交货延迟三天')
      .executeTakeFirstOrThrow();
    expect(t).toMatchObject({
      status: 'resolved',
      category: 'complaint',
      category_path: 'complaint',
    });
    expect(t.first_replied_at).not.toBeNull();
    expect(t.resolved_at).not.toBeNull();
  });

  it('takes a request through the public form and shows the reference', async () => {
    await inBrowser(async (page) => {
      await page.goto('/public/ticket');
      await page.getByTestId('public-ticket-code').fill('KH-1001');
      await page.getByTestId('public-ticket-phone').fill('13820001001');
      await chooseOption(
        page,
        page.getByTestId('public-ticket-category'),
        '报修',
        picked(page, '报修'),
      );
      await page.getByTestId('public-ticket-description').fill('空压机异响，请安排上门检修');
      await page.getByTestId('public-ticket-submit').click();
      await page.getByTestId('public-ticket-reference').waitFor();
      expect(await page.getByTestId('public-ticket-reference').textContent()).toMatch(/^T\d{13}/);
    });
    const t = await suite
      .deps()
      .store.db.selectFrom('tickets')
      .select(['channel', 'source', 'verified', 'contact_name', 'level'])
      .where('source', '=', 'public_form')
      .executeTakeFirstOrThrow();
    expect(t).toMatchObject({ channel: 'web_form', verified: 1, contact_name: '赵工', level: 2 });
  });
});
