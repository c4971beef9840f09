import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { loadCalendar } from '../../src/app/calendars/calendar-cache';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { chooseOption, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };
const AGENT = { username: 'kefu', password: 'Kefu-pass-1234' };

async function seed(deps: Deps): Promise<void> {
  await createUser(deps, systemCtx(), {
    username: AGENT.username,
    displayName: '客服小王',
    password: AGENT.password,
    roleId: 'service_agent',
  });
}

describe('business calendars in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(seed);

  it('shows the China calendar’s make-up day, adds a holiday, saves, and tries a deadline', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/service/calendars?key=cn-mainland');
      const editor = page.getByTestId('calendar-editor');
      await editor.waitFor();
      if ((await page.getByTestId('day-2026-02-14').count()) === 0) {
        await chooseOption(
          page,
          page.getByTestId('year-select'),
          '2026',
          page.getByTestId('day-2026-02-14'),
        );
      }
      // Spring Festival 2026: Sat 14 Feb is a make-up working day, 15–23 Feb are off.
      expect(await page.getByTestId('day-2026-02-14').getAttribute('data-kind')).toBe('workday');
      expect(await page.getByTestId('day-2026-02-16').getAttribute('data-kind')).toBe('holiday');
      expect(await page.getByTestId('day-2026-03-02').getAttribute('data-kind')).toBe('working');

      await page.getByTestId('day-2026-03-02').click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await settle(page);
      await dialog.getByRole('radio', { name: '节假日' }).check();
      await dialog.getByTestId('day-name-zh').fill('公司年会');
      await dialog.getByTestId('day-name-en').fill('Company day');
      await dialog.getByTestId('day-apply').click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByTestId('day-2026-03-02').getAttribute('data-kind')).toBe('holiday');

      await page.getByTestId('calendar-save').click();
      await page.getByText('日历已保存').waitFor();
      await editor.getByText('版本 2').waitFor();

      await page.getByTestId('try-start').fill('2026-02-13T17:00');
      await page.getByTestId('try-amount').fill('4');
      await page.getByTestId('try-compute').click();
      await page
        .getByTestId('try-result')
        .getByText(/2026-02-14 12:00/)
        .waitFor();

      // A deadline past the known years says which year to add.
      await page.getByTestId('try-start').fill('2026-12-31T17:00');
      await page.getByTestId('try-compute').click();
      await page
        .getByTestId('try-error')
        .getByText(/2027 年的节假日/)
        .waitFor();
    });
    const cal = await loadCalendar(suite.deps().store.db, 'cn-mainland');
    expect(cal.holidays.find((h) => h.date === '2026-03-02')).toEqual({
      date: '2026-03-02',
      name: { zh: '公司年会', en: 'Company day' },
    });
  });

  it('is read-only for a service agent', async () => {
    await suite.asUser(AGENT.username, AGENT.password, async (page) => {
      await page.goto('/service/calendars?key=cn-mainland');
      await page.getByTestId('calendar-editor').waitFor();
      await page.getByText('只读：修改日历需要“服务管理”权限').waitFor();
      expect(await page.getByTestId('calendar-save').count()).toBe(0);
      expect(await page.getByTestId('calendar-import').count()).toBe(0);
      expect(await page.getByTestId('day-2026-02-14').isDisabled()).toBe(true);
    });
  });
});
