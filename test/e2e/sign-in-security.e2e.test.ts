import { describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { settle, signInAs, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

/**
 * The UI under the real security headers: no CSP violation anywhere on the way (the suite fails
 * on any console error), an API token created with its secret shown once and revoked, the
 * sessions list, and the sign-in page's message for a locked username.
 */
describe('sign-in security in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(async (deps) => {
    await createUser(deps, systemCtx(), {
      username: 'liwei',
      displayName: '李伟',
      password: 'Liwei-start-2026',
      roleId: 'account_manager',
      region: '华东',
      team: 'north',
    });
  });
  const inBrowser = suite.inBrowser;

  it('creates an API token shown once, revokes it, and lists sessions, under the CSP', async () => {
    await inBrowser(async (page) => {
      const csp: string[] = [];
      page.on('response', (r) => {
        const h = r.headers()['content-security-policy'];
        if (h && r.url().endsWith('/')) csp.push(h);
      });
      await signInAs(page, ADMIN.username, ADMIN.password);
      expect(csp.join()).toContain("script-src 'self'");

      await page.goto('/settings');
      await page.getByRole('tab', { name: 'API 令牌' }).click();
      await page.getByRole('button', { name: /新建令牌/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('CRM 同步');
      await dialog.getByRole('checkbox', { name: 'customers.read' }).check();
      await settle(page);
      await dialog.getByRole('button', { name: /创建令牌/ }).click();
      const secret = page.getByTestId('new-token-secret');
      await secret.waitFor();
      expect(await secret.inputValue()).toMatch(/^tdk_/);
      await page.getByRole('button', { name: /我已复制/ }).click();
      await expect.poll(() => secret.count()).toBe(0);

      const row = page.getByRole('row', { name: /CRM 同步/ });
      await row.getByText('有效').waitFor();
      await row.getByRole('button', { name: /吊\s?销/ }).click();
      await page
        .locator('.ant-popconfirm')
        .getByRole('button', { name: /吊\s?销/ })
        .click();
      await row.getByText('已吊销').waitFor();

      await page.getByRole('tab', { name: '登录会话' }).click();
      await page.getByText('当前会话').waitFor();
    });
  });

  it('tells a locked user how long to wait', async () => {
    await inBrowser(async (page) => {
      // Five failures lock the username; they are made over HTTP so that only the attempt the
      // page shows depends on clicks (the lockout itself is tested in the API tests).
      for (let i = 0; i < 5; i++) {
        const r = await page.request.post('/api/auth/login', {
          data: { username: 'admin', password: `Wrong-pass-${i}00` },
        });
        expect(r.status()).toBe(401);
      }
      await page.goto('/login');
      // The page asks who is signed in first; typing before that answer may be re-rendered away.
      await page.waitForLoadState('networkidle');
      await settle(page);
      await page.getByLabel('用户名').fill('admin');
      await page.getByLabel('密码').fill('Wrong-pass-500');
      const alert = page.locator('.ant-alert');
      // A click that lands while the form re-renders is lost; click again until it is answered.
      await expect
        .poll(
          async () => {
            if ((await alert.count()) === 0) {
              await page.getByRole('button', { name: /^登\s?录$/ }).click();
              await alert.waitFor({ timeout: 3_000 }).catch(() => undefined);
            }
            return alert.textContent();
          },
          { timeout: 30_000 },
        )
        .toMatch(/等待 \d+ 秒/);
    });
  });

  it('lets a user see their scope and change their own password on My account', async () => {
    await inBrowser(async (page) => {
      await signInAs(page, 'liwei', 'Liwei-start-2026');
      await page.getByTestId('current-user').click();
      await page.waitForURL('**/account');
      const profile = page.getByTestId('account-profile');
      await profile.getByText('本人负责').waitFor();
      await profile.getByText('north').waitFor();
      await page.getByText('当前会话').waitFor();

      await page.getByLabel('当前密码').fill('Liwei-start-2026');
      await page.getByLabel('新密码', { exact: true }).fill('liwei-password-1');
      await page.getByLabel('再次输入新密码').fill('liwei-password-1');
      await page.getByRole('button', { name: /^修改密码$/ }).click();
      // The server's policy names the rule: the username is inside the password.
      await expect
        .poll(() => page.getByTestId('password-error').textContent())
        .toMatch(/username|用户名/);

      await page.getByLabel('新密码', { exact: true }).fill('Qiu-yue-7-ping');
      await page.getByLabel('再次输入新密码').fill('Qiu-yue-7-ping');
      await page.getByRole('button', { name: /^修改密码$/ }).click();
      await page.getByText('密码已修改').waitFor();
      const old = await page.request.post('/api/auth/login', {
        data: { username: 'liwei', password: 'Liwei-start-2026' },
      });
      expect(old.status()).toBe(401);
      const fresh = await page.request.post('/api/auth/login', {
        data: { username: 'liwei', password: 'Qiu-yue-7-ping' },
      });
      expect(fresh.status()).toBe(200);
    });
  });
});
