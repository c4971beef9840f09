import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNextJob } from '../../src/app/jobs/runner';
import { clickUntil, settle, useBrowserSuite } from '../support/browser';

const ADMIN = { username: 'admin', password: 'Admin-pass-123' };

describe('webhooks in Chromium', { timeout: 120_000 }, () => {
  const suite = useBrowserSuite(async () => undefined);
  const received: { headers: Record<string, unknown>; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.end('ok');
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/in`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it('creates an endpoint, shows its secret once, sends a test and logs the delivery', async () => {
    await suite.asUser(ADMIN.username, ADMIN.password, async (page) => {
      await page.goto('/policies/webhooks');
      await page
        .getByTestId('channels-panel')
        .getByText(/邮件通知未开启/)
        .waitFor();

      await page.getByTestId('webhook-create').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('名称').fill('ERP 接口');
      await dialog.getByLabel('接收地址').fill('ftp://erp.example.com');
      await settle(page);
      await page.getByTestId('webhook-save').click();
      await dialog.getByText(/http:\/\/ or https:\/\//).waitFor();
      await dialog.getByLabel('接收地址').fill(url);
      const secretBox = page.getByTestId('webhook-secret');
      await clickUntil(page.getByTestId('webhook-save'), secretBox);
      const secret = ((await secretBox.textContent()) ?? '').trim();
      expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{20,}$/);
      await page.getByRole('button', { name: /我已保存/ }).click();
      await secretBox.waitFor({ state: 'detached' });

      const table = page.getByTestId('webhooks-table');
      await table.getByRole('cell', { name: 'ERP 接口' }).waitFor();
      // Once only: the page, reloaded, has no trace of the secret.
      await page.reload();
      await table.getByRole('cell', { name: 'ERP 接口' }).waitFor();
      expect(await page.content()).not.toContain(secret);

      await table.getByRole('button', { name: /发送测试/ }).click();
      const log = page.getByTestId('deliveries-table');
      await log.getByText('webhook.test').waitFor();
      await log.getByTestId('delivery-status-queued').waitFor();

      // The runner the server would run in the background, driven here.
      while (await runNextJob(suite.deps())) {
        // run every due job
      }
      expect(received).toHaveLength(1);
      const hit = received[0]!;
      const ts = String(hit.headers['x-tierdesk-timestamp']);
      const expected = createHmac('sha256', secret).update(`${ts}.${hit.body}`).digest('hex');
      expect(hit.headers['x-tierdesk-signature']).toBe(`sha256=${expected}`);
      expect(JSON.parse(hit.body).kind).toBe('webhook.test');

      await page.getByTestId('deliveries-refresh').click();
      await log.getByTestId('delivery-status-delivered').waitFor();
      await log.getByRole('cell', { name: '200' }).waitFor();
    });
  });
});
