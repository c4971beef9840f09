import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { addContact } from '../../src/app/customers/contacts.service';
import { createCustomer } from '../../src/app/customers/customers.service';
import { PUBLIC_LIMIT } from '../../src/app/service/public-rate-limit';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

const PASSWORD = 'Tickets-pass-123';

describeEachEngine('service tickets through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let agent: Client;
  let sales: Client;
  let agentId = 0;
  let customerId = 0;
  let customerCode = '';

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    const c = await createCustomer(deps(), systemCtx(), customerInput());
    customerId = c.id;
    customerCode = c.code;
    await addContact(deps(), systemCtx(), customerId, { name: '王经理', phone: '138 1234 5678' });
    const a = await createUser(deps(), systemCtx(), {
      username: 'agent',
      displayName: 'Agent Li',
      password: PASSWORD,
      roleId: 'service_agent',
    });
    agentId = a.id;
    await createUser(deps(), systemCtx(), {
      username: 'finance',
      displayName: 'Finance Wu',
      password: PASSWORD,
      roleId: 'finance',
    });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    agent = await signIn(app, 'agent', PASSWORD);
    sales = await signIn(app, 'finance', PASSWORD);
  });
  afterAll(async () => {
    await app?.close();
  });

  const file = (over: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    agent.request({
      method: 'POST',
      url: '/api/tickets',
      headers,
      payload: {
        customerId,
        channel: 'phone',
        category: 'complaint.service_channel.hotline',
        subject: '热线总是占线',
        description: '连续三天打不通',
        ...over,
      },
    });

  it('serves the taxonomy with the seven top levels and the complaint tree', async () => {
    const res = await agent.request({ method: 'GET', url: '/api/service/taxonomy' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tree.map((n: { code: string }) => n.code)).toEqual([
      'emergency',
      'repair',
      'complaint',
      'consultation',
      'security',
      'disaster',
      'other',
    ]);
    expect(body.nodes.map((n: { code: string }) => n.code)).toContain(
      'complaint.grid_construction.electromagnetic_radiation',
    );
  });

  it('files a ticket with the category level default and a reference', async () => {
    const res = await file();
    expect(res.statusCode).toBe(201);
    const { ticket, messages } = res.json();
    expect(ticket).toMatchObject({
      status: 'new',
      level: 3,
      category: 'complaint.service_channel.hotline',
      categoryTop: 'complaint',
      categoryPathZh: ['投诉', '服务渠道', '热线电话服务'],
      channel: 'phone',
      source: 'staff',
      verified: true,
    });
    expect(ticket.reference).toMatch(/^T\d{13}$/);
    expect(messages[0]).toMatchObject({ kind: 'created', body: 'phone', toStatus: 'new' });
  });

  it('refuses an unknown category naming the field and listing the top levels', async () => {
    const res = await file({ category: 'complaint.nonsense' });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('VALIDATION');
    const issue = err.details.issues.find((i: { field: string }) => i.field === 'category');
    expect(issue.message).toContain("unknown category 'complaint.nonsense'");
    expect(issue.message).toContain(
      'emergency, repair, complaint, consultation, security, disaster, other',
    );
  });

  it('names other bad fields: channel, level, customer', async () => {
    const res = await file({ channel: 'fax', level: 7, customerId: 999999 });
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['channel', 'level']));
    const unknown = await file({ customerId: 999999 });
    expect(unknown.json().error.details.issues[0].field).toBe('customerId');
  });

  it('honours an Idempotency-Key: a retried inbound call files once', async () => {
    const headers = { 'idempotency-key': 'crm-7781' };
    const first = await file({ channel: 'api', externalRef: 'CRM-7781' }, headers);
    const again = await file({ channel: 'api', externalRef: 'CRM-7781' }, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().ticket.id).toBe(first.json().ticket.id);
    expect(first.json().ticket.source).toBe('api');
    const list = await agent.request({
      method: 'GET',
      url: `/api/tickets?q=${encodeURIComponent('热线')}&pageSize=100`,
    });
    const ids = list.json().items.map((t: { id: number }) => t.id);
    expect(ids.filter((id: number) => id === first.json().ticket.id)).toHaveLength(1);
  });

  it('works a ticket: assign, note, reply, in progress, resolved; notes hidden from non-workers', async () => {
    const t = (await file({ subject: '流程测试' })).json().ticket;
    const assigned = await admin.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/assign`,
      payload: { assigneeId: agentId },
    });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().ticket).toMatchObject({ status: 'assigned', assigneeName: 'Agent Li' });
    const inbox = await agent.request({ method: 'GET', url: '/api/notifications' });
    expect(JSON.stringify(inbox.json())).toContain('ticket.assigned');

    await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/messages`,
      payload: { kind: 'note', body: '客户情绪激动，先安抚' },
    });
    const replied = await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/messages`,
      payload: { kind: 'reply', body: '您好，我们已收到，正在处理' },
    });
    expect(replied.json().ticket.status).toBe('replied');
    expect(replied.json().ticket.firstRepliedAt).not.toBeNull();
    let version = replied.json().ticket.version;
    for (const to of ['in_progress', 'resolved'] as const) {
      const r = await agent.request({
        method: 'POST',
        url: `/api/tickets/${t.id}/transition`,
        payload: { to, version },
      });
      expect(r.statusCode).toBe(200);
      expect(r.json().ticket.status).toBe(to);
      version = r.json().ticket.version;
    }
    const staffView = (await agent.request({ method: 'GET', url: `/api/tickets/${t.id}` })).json();
    expect(staffView.messages.map((m: { kind: string }) => m.kind)).toContain('note');
    expect(staffView.ticket.allowedTransitions).toEqual(
      expect.arrayContaining(['confirmed', 'closed', 'in_progress']),
    );
    const readerView = await sales.request({ method: 'GET', url: `/api/tickets/${t.id}` });
    expect(readerView.statusCode).toBe(200);
    const kinds = readerView.json().messages.map((m: { kind: string }) => m.kind);
    expect(kinds).toContain('reply');
    expect(kinds).not.toContain('note');
    expect(JSON.stringify(readerView.json())).not.toContain('先安抚');
    // The public view shows replies only.
    const pub = await app.inject({
      method: 'GET',
      url: `/api/public/tickets/${t.reference}?customerCode=${customerCode}`,
      remoteAddress: '10.9.9.9',
    });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      status: 'resolved',
      replies: [{ body: '您好，我们已收到，正在处理' }],
    });
    expect(pub.body).not.toContain('先安抚');
  });

  it('refuses an illegal transition with INVALID_STATE naming from and to, and a stale version', async () => {
    const t = (await file()).json().ticket;
    const bad = await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/transition`,
      payload: { to: 'resolved', version: t.version },
    });
    expect(bad.statusCode).toBe(409);
    expect(bad.json().error).toMatchObject({
      code: 'INVALID_STATE',
      message: 'A ticket cannot move from new to resolved',
      details: { from: 'new', to: 'resolved' },
    });
    const stale = await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/transition`,
      payload: { to: 'assigned', version: t.version + 5 },
    });
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const cancel = await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/transition`,
      payload: { to: 'closed', version: t.version },
    });
    expect(cancel.json().error.code).toBe('FORBIDDEN');
  });

  it('reopens a closed ticket and counts it', async () => {
    let t = (await file({ assigneeId: agentId })).json().ticket;
    for (const to of ['in_progress', 'resolved', 'confirmed', 'closed', 'in_progress']) {
      const r = await agent.request({
        method: 'POST',
        url: `/api/tickets/${t.id}/transition`,
        payload: { to, version: t.version },
      });
      expect(r.statusCode, r.body).toBe(200);
      t = r.json().ticket;
    }
    expect(t).toMatchObject({ status: 'in_progress', reopenedCount: 1, closedAt: null });
  });

  it('stores and serves attachments, refusing oversize ones', async () => {
    const t = (await file()).json().ticket;
    const up = await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/attachments`,
      payload: {
        fileName: '现场照片.txt',
        contentType: 'text/plain',
        dataBase64: Buffer.from('hello ticket').toString('base64'),
      },
    });
    expect(up.statusCode, up.body).toBe(201);
    const a = up.json();
    expect(a.size).toBe(12);
    const down = await agent.request({
      method: 'GET',
      url: `/api/tickets/${t.id}/attachments/${a.id}`,
    });
    expect(down.body).toBe('hello ticket');
    const big = await agent.request({
      method: 'POST',
      url: `/api/tickets/${t.id}/attachments`,
      payload: {
        fileName: 'big.bin',
        dataBase64: Buffer.alloc(10 * 1024 * 1024 + 1).toString('base64'),
      },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.details.issues[0].field).toBe('dataBase64');
  });

  it('lists with filters and per customer', async () => {
    const byCat = await agent.request({
      method: 'GET',
      url: '/api/tickets?category=complaint&level=3',
    });
    expect(byCat.statusCode).toBe(200);
    expect(byCat.json().total).toBeGreaterThan(0);
    for (const item of byCat.json().items) expect(item.categoryTop).toBe('complaint');
    const none = await agent.request({ method: 'GET', url: '/api/tickets?category=disaster' });
    expect(none.json().total).toBe(0);
    const badStatus = await agent.request({ method: 'GET', url: '/api/tickets?status=bogus' });
    expect(badStatus.json().error.details.issues[0].field).toBe('status');
    const mine = await agent.request({ method: 'GET', url: '/api/tickets?assignee=me' });
    for (const item of mine.json().items) expect(item.assigneeId).toBe(agentId);
    const cust = await agent.request({
      method: 'GET',
      url: `/api/customers/${customerId}/tickets`,
    });
    expect(cust.json().total).toBe(byCat.json().total);
  });

  describe('public web form', () => {
    const submit = (payload: Record<string, unknown>, ip: string) =>
      app.inject({ method: 'POST', url: '/api/public/tickets', payload, remoteAddress: ip });
    const form = () => ({
      customerCode,
      phone: '+86 138-1234-5678',
      category: 'repair',
      description: '设备异响，需要上门检修',
    });

    it('files a verified ticket when the phone matches a contact, unverified otherwise', async () => {
      const ok = await submit(form(), '10.0.0.1');
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json().verified).toBe(true);
      const ref = ok.json().reference as string;
      const list = await agent.request({ method: 'GET', url: `/api/tickets?q=${ref}` });
      expect(list.json().items[0]).toMatchObject({
        reference: ref,
        channel: 'web_form',
        source: 'public_form',
        contactName: '王经理',
        level: 2,
      });
      const other = await submit({ ...form(), phone: '139 0000 0000' }, '10.0.0.1');
      expect(other.json().verified).toBe(false);
      const found = await agent.request({
        method: 'GET',
        url: `/api/tickets?q=${other.json().reference}`,
      });
      const unverified = found.json().items[0];
      expect(unverified).toMatchObject({ verified: false, contactId: null });
      // Staff checked the caller, then refine the category.
      const checked = await agent.request({
        method: 'POST',
        url: `/api/tickets/${unverified.id}/verify`,
      });
      expect(checked.json().ticket.verified).toBe(true);
      const refined = await agent.request({
        method: 'PATCH',
        url: `/api/tickets/${unverified.id}`,
        payload: { version: checked.json().ticket.version, category: 'repair.parts' },
      });
      expect(refined.json().ticket).toMatchObject({
        category: 'repair.parts',
        categoryTop: 'repair',
      });
      const wrong = await agent.request({
        method: 'PATCH',
        url: `/api/tickets/${unverified.id}`,
        payload: { version: refined.json().ticket.version, category: 'repair.unknown' },
      });
      expect(wrong.json().error.details.issues[0].field).toBe('category');
      const unknown = await submit({ ...form(), customerCode: 'NOPE' }, '10.0.0.1');
      expect(unknown.json().error.details.issues[0].field).toBe('customerCode');
      const badCat = await submit({ ...form(), category: 'x' }, '10.0.0.1');
      expect(badCat.json().error.details.issues[0].field).toBe('category');
    });

    it('drops honeypot submissions silently', async () => {
      const before = (await agent.request({ method: 'GET', url: '/api/tickets' })).json().total;
      const bot = await submit({ ...form(), website: 'http://spam.example' }, '10.0.0.2');
      expect(bot.statusCode).toBe(201);
      const after = (await agent.request({ method: 'GET', url: '/api/tickets' })).json().total;
      expect(after).toBe(before);
    });

    it('limits submissions per address', async () => {
      const codes: number[] = [];
      for (let i = 0; i < PUBLIC_LIMIT; i++)
        codes.push((await submit({ ...form(), website: 'x' }, '10.0.0.3')).statusCode);
      expect(codes.slice(0, PUBLIC_LIMIT).every((c) => c === 201)).toBe(true);
      const last = await submit(form(), '10.0.0.3');
      expect(last.statusCode).toBe(429);
      expect(last.json().error.code).toBe('RATE_LIMITED');
      expect((await submit(form(), '10.0.0.4')).statusCode).toBe(201);
    });
  });
});
