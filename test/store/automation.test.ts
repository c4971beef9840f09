import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { ensureAutomationSchedule } from '../../src/app/automation/default-schedule';
import { listFirings } from '../../src/app/automation/firings.service';
import { updateRule } from '../../src/app/automation/rules.service';
import { runSweep } from '../../src/app/automation/sweep.service';
import { requestSweep } from '../../src/app/automation/sweep-request.service';
import { type Ctx, systemCtx } from '../../src/app/context';
import { loadDemo } from '../../src/app/demo/demo.service';
import { createFact } from '../../src/app/facts/facts.service';
import { runNextJob } from '../../src/app/jobs/runner';
import { customerPolicy } from '../../src/app/policy/policy-in-force';
import { publishRun } from '../../src/app/review/publish.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { termIndex } from '../../src/domain/policy';
import { describeEachEngine } from '../support/engines';

const TODAY = '2026-11-27';
const NOW = new Date('2026-11-27T04:00:00Z');

describeEachEngine('automation rules', ({ deps }) => {
  const ctx: Ctx = { ...systemCtx('automation-test'), now: () => NOW };
  let financeId = 0;

  beforeAll(async () => {
    await loadDemo(deps(), { customers: 60, seed: 31, asOf: '2026-11-30', ctx });
    const { version } = await createFromTemplate(deps(), ctx, 'abcd');
    await markServiceTier(deps(), ctx, version.schemeId);
    const run = await runTiering(deps(), ctx, { schemeVersionId: version.id, asOf: '2025-11-30' });
    await publishRun(deps(), ctx, run.runId, { effectiveFrom: '2025-12-01' });
    financeId = (
      await createUser(deps(), ctx, {
        username: 'fin',
        displayName: '财务',
        password: 'Finance-pass-123',
        roleId: 'finance',
      })
    ).id;
  }, 180_000);

  /** A customer with a tier, an owner, a term above the strictest and no late invoice since July. */
  async function punctualCustomer(): Promise<{ id: number; ownerId: number; term: number }> {
    const db = deps().store.db;
    const rows = await db
      .selectFrom('customer_tiers as ct')
      .innerJoin('customers as c', 'c.id', 'ct.customer_id')
      .select(['c.id', 'c.owner_id'])
      .where('c.owner_id', 'is not', null)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('payments as p')
              .select('p.id')
              .whereRef('p.customer_id', '=', 'c.id')
              .where('p.due_on', '>=', '2026-07-01')
              .where(
                sql<boolean>`(p.paid_on > p.due_on or (p.paid_on is null and p.due_on < ${TODAY}))`,
              ),
          ),
        ),
      )
      .orderBy('c.id')
      .execute();
    for (const r of rows) {
      const p = await customerPolicy(db, Number(r.id), TODAY);
      if (!p?.paymentTerm) continue;
      const i = termIndex(p.catalog.paymentTerms, p.paymentTerm.id);
      if (i < p.catalog.paymentTerms.length - 1)
        return { id: Number(r.id), ownerId: Number(r.owner_id), term: i };
    }
    throw new Error('no punctual customer in the demo data');
  }

  it('drops the payment term at once when a second late payment of the quarter is recorded', async () => {
    const db = deps().store.db;
    const c = await punctualCustomer();
    const pay = (invoiceNo: string, dueOn: string, paidOn: string) =>
      createFact(deps(), ctx, 'payments', c.id, { invoiceNo, amount: 1200, dueOn, paidOn });

    await pay('AUTO-LATE-1', '2026-10-10', '2026-10-25');
    expect(
      (await listFirings(deps(), ctx, { customerId: c.id, rule: 'late_payments' })).total,
    ).toBe(0);

    await pay('AUTO-LATE-2', '2026-11-02', '2026-11-20');
    const { items } = await listFirings(deps(), ctx, { customerId: c.id, rule: 'late_payments' });
    expect(items).toHaveLength(1);
    const f = items[0]!;
    expect(f).toMatchObject({ dedupeKey: `late_payments:${c.id}:2026-Q4`, source: 'event' });
    expect(f.evidence).toMatchObject({ quarter: '2026-Q4', lateCount: 2 });
    expect(
      (f.evidence.invoices as { invoiceNo: string; daysLate: number }[]).map((i) => [
        i.invoiceNo,
        i.daysLate,
      ]),
    ).toEqual([
      ['AUTO-LATE-1', 15],
      ['AUTO-LATE-2', 18],
    ]);

    const policy = await customerPolicy(db, c.id, TODAY);
    expect(termIndex(policy!.catalog.paymentTerms, policy!.paymentTerm!.id)).toBe(c.term + 1);
    expect(policy!.termAdjustments.map((a) => [a.source, a.sourceId, a.steps])).toEqual([
      ['automation', String(f.id), 1],
    ]);

    const notes = await db
      .selectFrom('notifications')
      .select(['user_id', 'entity_id'])
      .where('kind', '=', 'automation.late_payments')
      .where('entity_id', '=', String(c.id))
      .execute();
    expect(notes.map((n) => Number(n.user_id)).sort((a, b) => a - b)).toEqual(
      [c.ownerId, financeId].sort((a, b) => a - b),
    );
    const audit = await db
      .selectFrom('audit_log')
      .select('after')
      .where('action', '=', 'automation.late_payments')
      .where('entity_id', '=', String(f.id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({ evidence: { lateCount: 2 } });

    // A third late payment in the same quarter does not drop the term again.
    await pay('AUTO-LATE-3', '2026-11-05', '2026-11-25');
    const again = await customerPolicy(db, c.id, TODAY);
    expect(again!.termAdjustments).toHaveLength(1);
  });

  it('does nothing on late payments while the rule is switched off', async () => {
    const c = await punctualCustomer();
    await updateRule(deps(), ctx, 'late_payments', {
      enabled: false,
      params: { minLate: 2, steps: 1 },
      version: 0,
    });
    for (const n of [1, 2])
      await createFact(deps(), ctx, 'payments', c.id, {
        invoiceNo: `OFF-${n}`,
        amount: 500,
        dueOn: `2026-10-0${n}`,
        paidOn: '2026-10-20',
      });
    expect((await listFirings(deps(), ctx, { customerId: c.id })).total).toBe(0);
    await updateRule(deps(), ctx, 'late_payments', {
      enabled: true,
      params: { minLate: 2, steps: 1 },
      version: 1,
    });
  });

  it('sweeps every rule once; a second sweep fires nothing new', async () => {
    const db = deps().store.db;
    const c = await punctualCustomer();
    await createFact(deps(), ctx, 'feedback', c.id, {
      kind: 'complaint',
      content: '交货延误',
      receivedOn: '2026-11-03',
    });
    const progress: number[] = [];
    const first = await runSweep(deps(), ctx, {
      batchSize: 17,
      onProgress: (p) => void progress.push(p.done),
    });
    expect(first.firings).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(first.customers);
    const sweepRows = await db
      .selectFrom('automation_firings')
      .select(['rule', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('source', '=', 'sweep')
      .groupBy('rule')
      .execute();
    expect(sweepRows.reduce((s, r) => s + Number(r.n), 0)).toBe(first.firings);
    // The switched-off rule's earlier late payments (OFF-1, OFF-2) fire now that it is on.
    expect(sweepRows.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['late_payments', 'complaint_tag']),
    );
    const tag = await db
      .selectFrom('customer_tags')
      .select('tag')
      .where('customer_id', '=', c.id)
      .where('tag', '=', 'complaint_history')
      .executeTakeFirst();
    expect(tag?.tag).toBe('complaint_history');

    // Every late-payment firing moved its customer's term, pointing back at the firing.
    const orphan = await db
      .selectFrom('automation_firings as f')
      .select('f.id')
      .where('f.rule', '=', 'late_payments')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('customer_term_adjustments as a')
              .select('a.id')
              .where('a.source', '=', 'automation')
              .whereRef('a.customer_id', '=', 'f.customer_id'),
          ),
        ),
      )
      .execute();
    expect(orphan).toEqual([]);

    const second = await runSweep(deps(), ctx);
    expect(second.firings).toBe(0);
  }, 60_000);

  it('runs as a job and keeps a nightly schedule', async () => {
    const job = await requestSweep(deps(), ctx);
    const r = await runNextJob(deps(), { now: () => NOW });
    expect(r?.job.id).toBe(job.id);
    expect(r?.outcome).toBe('done');
    const row = await deps()
      .store.db.selectFrom('jobs')
      .select('progress')
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.progress ?? '{}')).toMatchObject({ firings: 0, today: TODAY });
    const id = await ensureAutomationSchedule(deps(), ctx);
    expect(id).toBeGreaterThan(0);
    expect(await ensureAutomationSchedule(deps(), ctx)).toBeNull();
  });
});
