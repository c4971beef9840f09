import type { Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { loadDemo } from '../../src/app/demo/demo.service';
import { transitionTicket } from '../../src/app/service/ticket-workflow.service';
import { getTicket, listTickets } from '../../src/app/service/tickets.service';
import { complaintCounts } from '../../src/store/automation/rule-facts.repository';
import { openTickets } from '../../src/store/frontline/card.repository';
import * as m0017 from '../../src/store/migrations/0017-service-tickets';
import type { DB } from '../../src/store/schema';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

describeEachEngine('tickets written before the service desk', ({ deps }) => {
  const ctx = systemCtx();
  let customerId = 0;
  const legacy: number[] = [];

  beforeAll(async () => {
    const db = deps().store.db;
    customerId = (await createCustomer(deps(), ctx, customerInput())).id;
    // Back to the schema before 0017, write rows as the old importers did, and migrate again.
    await m0017.down(db as unknown as Kysely<unknown>);
    for (const [category, status] of [
      ['complaint', 'open'],
      ['repair', 'in_progress'],
      ['consultation', 'closed'],
    ] as const) {
      const r = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>)
        .insertInto('tickets')
        .values({
          customer_id: customerId,
          subject: `旧工单 ${category}`,
          category,
          level: 3,
          status,
          opened_at: '2026-10-01T02:00:00.000Z',
          closed_at: status === 'closed' ? '2026-10-02T02:00:00.000Z' : null,
          created_at: '2026-10-01T02:00:00.000Z',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      legacy.push(Number(r.id));
    }
    await m0017.up(db as unknown as Kysely<unknown>);
  });

  it('maps the old status and category into the state machine and taxonomy', async () => {
    const db: Kysely<DB> = deps().store.db;
    const rows = await db
      .selectFrom('tickets')
      .select(['status', 'category', 'category_path', 'version', 'reopened_count', 'verified'])
      .where('id', 'in', legacy)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => [r.status, r.category, r.category_path])).toEqual([
      ['new', 'complaint', 'complaint'],
      ['in_progress', 'repair', 'repair'],
      ['closed', 'consultation', 'consultation'],
    ]);
    expect(rows.every((r) => Number(r.version) === 1 && Number(r.verified) === 1)).toBe(true);
  });

  it('reads old rows through the service with names, reference and allowed moves', async () => {
    const first = legacy[0] as number;
    const { ticket, messages } = await getTicket(deps(), ctx, first);
    expect(ticket).toMatchObject({
      status: 'new',
      categoryPathZh: ['投诉'],
      channel: null,
      assigneeId: null,
      reference: `T20261001${String(first).padStart(5, '0')}`,
      // 'assigned' needs an assignee (the assign action does both); the system may cancel.
      allowedTransitions: ['closed'],
    });
    expect(messages).toEqual([]);
    const news = await listTickets(deps(), ctx, { status: 'new', customerId });
    expect(news.items.map((t) => t.id)).toEqual([first]);
    const complaints = await listTickets(deps(), ctx, { category: 'complaint', customerId });
    expect(complaints.total).toBe(1);
  });

  it('keeps the front-line card and the automation complaint count working', async () => {
    const db = deps().store.db;
    const open = await openTickets(db, customerId);
    expect(open.map((t) => t.status).sort()).toEqual(['in_progress', 'new']);
    const counts = await complaintCounts(db, { ids: [customerId] }, '2026-01-01');
    expect(counts.find((c) => c.customerId === customerId)?.complaints).toBe(1);
  });

  it('works an old row forward with optimistic locking', async () => {
    const id = legacy[1] as number;
    const r = await transitionTicket(deps(), ctx, id, { to: 'resolved', version: 1 });
    expect(r.ticket).toMatchObject({ status: 'resolved', version: 2 });
    expect(r.ticket.resolvedAt).not.toBeNull();
    await expect(
      transitionTicket(deps(), ctx, id, { to: 'closed', version: 1 }),
    ).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
  });

  it('loads demo tickets after the migration and reads them all', async () => {
    await loadDemo(deps(), { customers: 30, seed: 5, asOf: '2026-11-30' });
    const all = await listTickets(deps(), ctx, { pageSize: 100 });
    expect(all.total).toBeGreaterThan(3);
    const statuses = new Set(all.items.map((t) => t.status));
    for (const s of statuses)
      expect([
        'new',
        'assigned',
        'replied',
        'in_progress',
        'resolved',
        'confirmed',
        'closed',
      ]).toContain(s);
    const fresh = await listTickets(deps(), ctx, { status: 'new' });
    const db = deps().store.db;
    const raw = await db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('status', 'in', ['new', 'open'])
      .executeTakeFirstOrThrow();
    expect(fresh.total).toBe(Number(raw.n));
  });
});
