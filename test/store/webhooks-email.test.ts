import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { type Ctx, systemCtx } from '../../src/app/context';
import { runNextJob } from '../../src/app/jobs/runner';
import { dispatchEvent } from '../../src/app/notifications/dispatch';
import { configureNotificationChannels } from '../../src/app/notifications/email-channel';
import { EMAIL_SEND_ATTEMPTS } from '../../src/app/notifications/email-send.job';
import { describeEachEngine } from '../support/engines';

const T0 = new Date('2026-12-01T02:00:00.000Z');
const HOUR = 3_600_000;
const ctxAt = (d: Date): Ctx => ({ ...systemCtx(), now: () => d });

interface Mail {
  from: string;
  to: string[];
  raw: string;
  user: string | undefined;
}

/** Decodes MIME encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=) of a header value. */
function decodeHeader(v: string): string {
  return v
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_x, h: string) =>
                String.fromCharCode(Number.parseInt(h, 16)),
              ),
            'latin1',
          ).toString('utf8'),
    );
}

/** The unfolded Subject header of a raw message. */
const subjectOf = (raw: string) =>
  decodeHeader(/^Subject: (.*(?:\r\n[ \t].*)*)/im.exec(raw)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '');

/** A real SMTP server on a free port that requires a password and refuses one recipient. */
async function startSmtp() {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, cb) {
      if (auth.username === 'mailer' && auth.password === 'mail-pass-123')
        return cb(null, { user: auth.username });
      return cb(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, cb) {
      if (address.address === 'bounce@example.com')
        return cb(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
      return cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          user: session.user,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.server.address() as AddressInfo;
  return { port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describeEachEngine('e-mail notifications through SMTP', ({ deps }) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const ids: Record<string, number> = {};
  const drain = async (at: Date) => {
    let n = 0;
    while (await runNextJob(deps(), { now: () => at })) n++;
    return n;
  };
  const outbox = () =>
    deps().store.db.selectFrom('email_outbox').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    smtp = await startSmtp();
    deps().config.smtp = {
      url: `smtp://mailer:mail-pass-123@127.0.0.1:${smtp.port}`,
      from: 'Tierdesk <desk@example.com>',
    };
    configureNotificationChannels(deps().config);
    for (const [username, email, locale] of [
      ['li', 'li@example.com', 'zh-CN'],
      ['ann', 'ann@example.com', 'en'],
      ['nomail', undefined, 'en'],
      ['bounce', 'bounce@example.com', 'en'],
    ] as const) {
      const u = await createUser(deps(), systemCtx(), {
        username,
        displayName: username,
        password: 'Email-pass-1234',
        roleId: 'account_manager',
        locale,
        ...(email ? { email } : {}),
      });
      ids[username] = u.id;
    }
  });
  afterAll(async () => {
    configureNotificationChannels({ smtp: null });
    await smtp.close();
  });

  it('sends each recipient with an address one e-mail in their language', async () => {
    await deps()
      .store.db.transaction()
      .execute((trx) =>
        dispatchEvent(trx, ctxAt(T0), {
          kind: 'automation.late_payments',
          entity: 'customer',
          entityId: 42,
          payload: { customerCode: 'C042', customerName: 'Acme', latePayments: 2 },
          userIds: [ids.li!, ids.ann!, ids.nomail!],
        }),
      );
    expect((await outbox()).map((m) => m.to_address)).toEqual([
      'li@example.com',
      'ann@example.com',
    ]);
    expect(await drain(T0)).toBe(2);
    expect(smtp.mails).toHaveLength(2);
    const byTo = new Map(smtp.mails.map((m) => [m.to[0], m]));
    const zh = byTo.get('li@example.com');
    const en = byTo.get('ann@example.com');
    expect(zh?.user).toBe('mailer');
    expect(zh?.from).toBe('desk@example.com');
    expect(subjectOf(zh?.raw ?? '')).toBe('【Tierdesk】自动提醒：多次逾期付款');
    expect(subjectOf(en?.raw ?? '')).toBe('[Tierdesk] Automation alert: repeated late payments');
    expect(en?.raw).toContain('C042 Acme');
    expect((await outbox()).every((m) => m.status === 'sent' && m.sent_at !== null)).toBe(true);
  });

  it('never sends an e-mail twice when its job runs again', async () => {
    const db = deps().store.db;
    await db
      .updateTable('jobs')
      .set({ status: 'queued', run_at: T0.toISOString() })
      .where('kind', '=', 'email.send')
      .execute();
    expect(await drain(T0)).toBe(2);
    expect(smtp.mails).toHaveLength(2);
  });

  it('records a refused recipient, retries, then gives up', async () => {
    await deps()
      .store.db.transaction()
      .execute((trx) =>
        dispatchEvent(trx, ctxAt(T0), {
          kind: 'tier.changed',
          entity: 'customer',
          entityId: 42,
          payload: { customerCode: 'C042', from: 'B', to: 'A' },
          userIds: [ids.bounce!],
        }),
      );
    await drain(T0);
    let mail = (await outbox()).find((m) => m.to_address === 'bounce@example.com');
    expect(mail).toMatchObject({ status: 'queued', attempts: 1 });
    expect(mail?.last_error).toMatch(/550|Mailbox unavailable/);
    for (let i = 1; i <= EMAIL_SEND_ATTEMPTS; i++)
      await drain(new Date(T0.getTime() + i * 2 * HOUR));
    mail = (await outbox()).find((m) => m.to_address === 'bounce@example.com');
    expect(mail).toMatchObject({ status: 'failed', attempts: EMAIL_SEND_ATTEMPTS });
    expect(smtp.mails).toHaveLength(2);
  });

  it('queues no e-mail while SMTP is off', async () => {
    configureNotificationChannels({ smtp: null });
    const before = (await outbox()).length;
    await deps()
      .store.db.transaction()
      .execute((trx) =>
        dispatchEvent(trx, ctxAt(T0), {
          kind: 'tier.changed',
          entity: 'customer',
          entityId: 1,
          payload: {},
          userIds: [ids.li!],
        }),
      );
    expect(await outbox()).toHaveLength(before);
    configureNotificationChannels(deps().config);
  });
});
