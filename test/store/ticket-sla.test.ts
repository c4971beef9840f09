import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { updateTicket } from '../../src/app/service/ticket-edit.service';
import { addMessage } from '../../src/app/service/ticket-workflow.service';
import { createTicket, getTicket } from '../../src/app/service/tickets.service';
import { runSlaScan } from '../../src/app/sla/sla-scan';
import { queueSlaRecompute, slaRecomputeTiersJob } from '../../src/app/sla/sla-scan.job';
import { recomputeForCustomer } from '../../src/app/sla/ticket-sla-clock';
import { pauseTicketClock, resumeTicketClock } from '../../src/app/sla/ticket-sla-pause';
import { agentQueue, supervisorView } from '../../src/app/sla/ticket-sla-queue';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { findClock, listClockEvents } from '../../src/store/sla/ticket-sla.repository';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

/** Friday 2026-02-13 16:00 in Shanghai, the last afternoon before the Spring Festival break. */
const OPENED = new Date('2026-02-13T08:00:00.000Z');

describeEachEngine('SLA clocks on tickets', ({ deps }) => {
  let now = OPENED;
  const ctx: Ctx = { ...systemCtx(), now: () => now };
  let customerId = 0;
  let supervisorId = 0;
  let schemeVersionId = 0;
  let schemeId = 0;

  beforeAll(async () => {
    const { version } = await createFromTemplate(deps(), ctx, 'abcd');
    schemeVersionId = version.id;
    schemeId = version.schemeId;
    await markServiceTier(deps(), ctx, version.schemeId);
    customerId = (await createCustomer(deps(), ctx, customerInput())).id;
    await deps()
      .store.db.insertInto('customer_tiers')
      .values({
        scheme_id: version.schemeId,
        customer_id: customerId,
        tier: 'C',
        run_id: null,
        effective_from: '2026-01-01',
        below_count: 0,
      })
      .execute();
    supervisorId = (
      await createUser(deps(), ctx, {
        username: 'sup',
        displayName: 'Supervisor Zhao',
        password: 'Supervisor-pass-1',
        roleId: 'service_supervisor',
      })
    ).id;
  }, 60_000);

  const file = async (level: number, at: Date) => {
    now = at;
    const r = await createTicket(deps(), ctx, {
      customerId,
      channel: 'phone',
      category: 'complaint',
      level,
      subject: `level ${level} at ${at.toISOString()}`,
    });
    return r.ticket;
  };

  it('sets the deadlines from the policy on the China calendar across the Spring Festival', async () => {
    const t = await file(3, OPENED);
    const clock = await findClock(deps().store.db, t.id);
    expect(clock).toMatchObject({
      policyKey: 'level-3',
      policyVersion: null,
      tier: 'C',
      calendarKey: 'cn-mainland',
      // Tier C (silver): first reply in 2 business hours — Friday 16:00–18:00.
      firstReplyDueAt: '2026-02-13T10:00:00.000Z',
      // 24 business hours: Fri 2 h + Sat 14 Feb (make-up day) 8 h, holiday 15–23 Feb,
      // Tue 24 Feb 8 h, Wed 25 Feb 09:00–12:00 and 13:00–16:00 → Wednesday 16:00.
      responseDueAt: '2026-02-25T08:00:00.000Z',
      // 5 working days after Friday: Sat 14, Tue 24, Wed 25, Thu 26, Fri 27 Feb at 18:00.
      resolutionDueAt: '2026-02-27T10:00:00.000Z',
      reason: 'opened',
      breached: 0,
      escalationLevel: 0,
    });
    const { sla } = await getTicket(deps(), ctx, t.id);
    expect(sla?.policyKey).toBe('level-3');
    expect(sla?.candidates.find((c) => c.outcome === 'winner')?.key).toBe('level-3');
    expect(sla?.targets.map((x) => [x.key, x.policyKey])).toEqual([
      ['firstReply', 'tier-c'],
      ['response', 'level-3'],
      ['resolution', 'level-3'],
    ]);
  });

  it('recomputes on a level change, pauses, refuses a second pause and extends on resume', async () => {
    const t = await file(3, OPENED);
    now = new Date('2026-02-13T08:30:00.000Z');
    await updateTicket(deps(), ctx, t.id, { version: t.version, level: 2 });
    let clock = await findClock(deps().store.db, t.id);
    expect(clock).toMatchObject({
      policyKey: 'level-2',
      reason: 'level_changed',
      // 4 h: Fri 2 h + Sat 09:00–11:00. 12 h: Fri 2 h + Sat 8 h + Tue 24 Feb 09:00–11:00.
      responseDueAt: '2026-02-14T03:00:00.000Z',
      resolutionDueAt: '2026-02-24T03:00:00.000Z',
    });
    const moved = (await listClockEvents(deps().store.db, t.id, ['recomputed']))[0];
    expect(moved?.detail).toMatchObject({
      reason: 'level_changed',
      before: { resolutionDueAt: '2026-02-27T10:00:00.000Z' },
      after: { resolutionDueAt: '2026-02-24T03:00:00.000Z' },
    });

    now = new Date('2026-02-13T09:00:00.000Z'); // Friday 17:00
    await pauseTicketClock(deps(), ctx, t.id, { reason: '等待客户提供电表照片' });
    await expect(pauseTicketClock(deps(), ctx, t.id, { reason: 'again' })).rejects.toMatchObject({
      code: 'INVALID_STATE',
      message: expect.stringContaining(`Ticket ${t.id}`),
    });
    await expect(pauseTicketClock(deps(), ctx, t.id, {})).rejects.toMatchObject({
      code: 'VALIDATION',
    });

    now = new Date('2026-02-24T02:00:00.000Z'); // Tuesday 10:00 after the break
    await resumeTicketClock(deps(), ctx, t.id);
    await expect(resumeTicketClock(deps(), ctx, t.id)).rejects.toMatchObject({
      code: 'INVALID_STATE',
    });
    clock = await findClock(deps().store.db, t.id);
    // Paused Fri 17–18, Sat 8 h, Tue 9–10: 10 business hours. 1 h was used before the pause;
    // the 11 h left run Tue 10:00–18:00 (7 h with lunch), Wed 09:00–12:00 and 13:00–14:00.
    expect(clock).toMatchObject({
      reason: 'resumed',
      pausedSince: null,
      pausedMs: 10 * 3_600_000,
      resolutionDueAt: '2026-02-25T06:00:00.000Z',
    });
    const { sla } = await getTicket(deps(), ctx, t.id);
    expect(sla?.events.map((e) => e.kind)).toEqual([
      'computed',
      'recomputed',
      'paused',
      'resumed',
      'recomputed',
    ]);
  });

  it('warns, breaches and escalates once each; the quick-response rule escalates a level 2 ticket', async () => {
    const db = deps().store.db;
    const t = await file(2, new Date('2026-03-02T01:00:00.000Z')); // Monday 09:00
    // Ten minutes without a reply on a level 2 ticket: the supervisors hear at once.
    now = new Date('2026-03-02T01:11:00.000Z');
    const first = await runSlaScan(deps(), ctx);
    expect(first.quickResponse).toBe(1);
    expect((await findClock(db, t.id))?.escalationLevel).toBe(1);
    expect((await runSlaScan(deps(), ctx)).quickResponse).toBe(0);

    // Tier C first reply: 2 h → 11:00, warned at 75 % → 10:30. At 10:45 the ticket is at risk.
    now = new Date('2026-03-02T02:45:00.000Z');
    await runSlaScan(deps(), ctx);
    const warned = await listClockEvents(db, t.id, ['warned']);
    expect(warned.map((e) => e.detail.key)).toEqual(['warned:firstReply']);
    const view = await supervisorView(deps(), ctx);
    expect(view.atRisk.map((r) => r.id)).toContain(t.id);

    // Level 2 response: 4 h → 14:00 (lunch skipped). At 15:00 both clocks are past due.
    now = new Date('2026-03-02T07:00:00.000Z');
    await runSlaScan(deps(), ctx);
    await runSlaScan(deps(), ctx);
    const log = await listClockEvents(db, t.id, ['warned', 'breached', 'escalated']);
    const keys = log.map((e) => String(e.detail.key));
    expect(keys.filter((k) => k === 'breached:response')).toHaveLength(1);
    expect(keys.filter((k) => k === 'breached:firstReply')).toHaveLength(1);
    expect(keys.filter((k) => k === 'warned:response')).toHaveLength(1);
    expect(keys.filter((k) => k === 'escalated:response:supervisor')).toHaveLength(0);
    expect((await findClock(db, t.id))?.breached).toBe(1);
    const notes = await db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', supervisorId)
      .where('entity_id', '=', String(t.id))
      .execute();
    expect(notes.map((n) => n.kind)).toContain('ticket.sla_quick_response');
    const sup = await supervisorView(deps(), ctx);
    expect(sup.breached.map((r) => r.id)).toContain(t.id);
    expect(sup.totals.breached).toBeGreaterThanOrEqual(1);

    // A reply stops the first-reply and response clocks: missed, so the ticket stays breached.
    await addMessage(deps(), ctx, t.id, { kind: 'reply', body: '已安排人员处理' });
    expect(await findClock(db, t.id)).toMatchObject({ firstReplyMet: 0, breached: 1 });
  });

  it('files a ticket whose clock runs past the calendar with null deadlines and says why', async () => {
    // Level 4: 10 working days from 30 Dec 2026 reach 2027, which has no holiday list yet.
    const t = await file(4, new Date('2026-12-30T02:00:00.000Z'));
    const clock = await findClock(deps().store.db, t.id);
    expect(clock).toMatchObject({ resolutionDueAt: null, responseDueAt: null, breached: 0 });
    const { sla } = await getTicket(deps(), ctx, t.id);
    expect(sla?.problem?.message).toContain('CALENDAR_NOT_COVERED');
    expect(sla?.problem).toMatchObject({ date: expect.stringMatching(/^2027-/) });
  });

  it('recomputes the open tickets of a customer whose tier changed, with the reason', async () => {
    const t = await file(3, OPENED);
    const db = deps().store.db;
    await db
      .updateTable('customer_tiers')
      .set({ tier: 'A' })
      .where('customer_id', '=', customerId)
      .execute();
    const n = await db
      .transaction()
      .execute((trx) => recomputeForCustomer(trx, ctx, customerId, 'tier_changed'));
    expect(n).toBeGreaterThanOrEqual(1);
    const clock = await findClock(db, t.id);
    // Tier A (super): first reply within 30 minutes, around the clock.
    expect(clock).toMatchObject({
      tier: 'A',
      reason: 'tier_changed',
      firstReplyDueAt: '2026-02-13T08:30:00.000Z',
    });
    await db
      .updateTable('customer_tiers')
      .set({ tier: 'C' })
      .where('customer_id', '=', customerId)
      .execute();
  });

  it('queues the recompute with a tier publication and the job moves the deadlines', async () => {
    const t = await file(3, OPENED);
    const db = deps().store.db;
    const at = OPENED.toISOString();
    const run = await db
      .insertInto('tier_runs')
      .values({
        scheme_version_id: schemeVersionId,
        as_of: '2026-02-13',
        status: 'published',
        customers: 1,
        summary: null,
        created_by: null,
        created_at: at,
        finished_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const pub = await db
      .insertInto('tier_publications')
      .values({
        scheme_id: schemeId,
        run_id: Number(run.id),
        cycle_id: null,
        effective_from: '2026-01-01',
        published_by: null,
        published_at: at,
        summary: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const publicationId = Number(pub.id);
    await db
      .insertInto('tier_history')
      .values({
        scheme_id: schemeId,
        customer_id: customerId,
        from_tier: 'C',
        to_tier: 'B',
        reason: 'score',
        publication_id: publicationId,
        run_id: Number(run.id),
        cycle_id: null,
        approver_id: null,
        effective_from: '2026-01-01',
        created_at: at,
      })
      .execute();
    await db
      .updateTable('customer_tiers')
      .set({ tier: 'B' })
      .where('customer_id', '=', customerId)
      .execute();
    await db.transaction().execute((trx) => queueSlaRecompute(trx, ctx, publicationId));
    await db.transaction().execute((trx) => queueSlaRecompute(trx, ctx, publicationId));
    const jobs = await db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'sla.recompute_tiers')
      .execute();
    expect(jobs.map((j) => JSON.parse(j.payload))).toEqual([{ publicationId }]);
    const job = {
      id: 1,
      kind: 'sla.recompute_tiers',
      attempts: 1,
      maxAttempts: 3,
      runAt: at,
      dedupeKey: null,
    };
    const out = await slaRecomputeTiersJob.run(
      { publicationId },
      { deps: deps(), ctx, job, progress: async () => {} },
    );
    expect(out).toMatchObject({ customers: 1 });
    // Tier B (gold): first reply within 1 business hour — Friday 17:00.
    expect(await findClock(db, t.id)).toMatchObject({
      tier: 'B',
      reason: 'tier_changed',
      firstReplyDueAt: '2026-02-13T09:00:00.000Z',
    });
    await db
      .updateTable('customer_tiers')
      .set({ tier: 'C' })
      .where('customer_id', '=', customerId)
      .execute();
  });

  it('orders the queue breached first, then clocks without a deadline, then by due instant', async () => {
    now = new Date('2026-03-02T07:00:00.000Z');
    const q = await agentQueue(deps(), ctx, {});
    const breached = q.items.map((i) => i.breached);
    expect(breached).toEqual([...breached].sort((a, b) => b - a));
    const dues = q.items.filter((i) => i.breached === 0).map((i) => i.resolutionDueAt ?? '');
    expect(dues).toEqual([...dues].sort());
    // The ticket whose calendar lacks 2027 is not forgotten at the bottom of the queue.
    expect(dues[0]).toBe('');
    expect(q.items[0]?.nextRemainingMs).not.toBeNull();
  });
});
