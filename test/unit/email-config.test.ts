import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

describe('SMTP and webhook settings', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'tdmail-'));

  it('leave e-mail off by default and use a 5 s webhook timeout', () => {
    const c = loadConfig({ TIERDESK_DATA_DIR: dir() });
    expect(c.smtp).toBeNull();
    expect(c.webhookTimeoutMs).toBe(5000);
  });

  it('switch e-mail on with an smtp URL', () => {
    const c = loadConfig({
      TIERDESK_DATA_DIR: dir(),
      TIERDESK_SMTP_URL: 'smtp://user:pass@mail.example.com:587',
      TIERDESK_SMTP_FROM: 'Desk <desk@example.com>',
      TIERDESK_WEBHOOK_TIMEOUT_MS: '2000',
    });
    expect(c.smtp).toEqual({
      url: 'smtp://user:pass@mail.example.com:587',
      from: 'Desk <desk@example.com>',
    });
    expect(c.webhookTimeoutMs).toBe(2000);
    expect(loadConfig({ TIERDESK_DATA_DIR: dir(), TIERDESK_SMTP_URL: '' }).smtp).toBeNull();
  });

  it('name a bad SMTP URL or timeout without echoing the credentials', () => {
    let err: unknown;
    try {
      loadConfig({
        TIERDESK_DATA_DIR: dir(),
        TIERDESK_SMTP_URL: 'http://user:hunter2@mail.example.com',
        TIERDESK_WEBHOOK_TIMEOUT_MS: 'soon',
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const vars = (err as ConfigError).issues.map((i) => i.variable);
    expect(vars).toEqual(
      expect.arrayContaining(['TIERDESK_SMTP_URL', 'TIERDESK_WEBHOOK_TIMEOUT_MS']),
    );
    expect((err as ConfigError).message).not.toContain('hunter2');
  });
});
