import { beforeAll, expect, it } from 'vitest';
import type { Ctx } from '../../src/app/context';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createCampaign, sendCampaign } from '../../src/app/feedback/campaigns.service';
import { hashSurveyToken } from '../../src/app/feedback/survey-tokens';
import {
  answerByToken,
  createInvitation,
  recordStaffAnswer,
  requestSurveyForTicket,
} from '../../src/app/feedback/surveys.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

describeEachEngine('satisfaction surveys in the store', ({ deps }) => {
  const ctx: Ctx = { ...systemCtx(), now: () => new Date('2026-11-20T04:00:00Z') };
  const ids: number[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 5; i++) ids.push((await createCustomer(deps(), ctx, customerInput())).id);
  });

  const rollup = async (customerId: number) =>
    deps()
      .store.db.selectFrom('customer_month_rollups')
      .select(['surveys', 'survey_score_sum'])
      .where('customer_id', '=', customerId)
      .execute();

  it('an answer by token writes the response and updates the customer’s monthly rollup', async () => {
    const id = ids[0] as number;
    const inv = await createInvitation(deps(), ctx, { customerId: id });
    const token = new URL(inv.link, 'http://x').searchParams.get('token') as string;
    expect(token).toBe(inv.token);
    await answerByToken(deps(), token, { score: 4, comment: '响应及时' }, { now: ctx.now() });
    await recordStaffAnswer(deps(), ctx, { customerId: id, score: 2 });
    const rows = await rollup(id);
    expect(rows.map((r) => [Number(r.surveys), Number(r.survey_score_sum)])).toEqual([[2, 6]]);
    const resp = await deps()
      .store.db.selectFrom('survey_responses')
      .select(['score', 'comment', 'invitation_id'])
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute();
    expect(resp[0]).toMatchObject({ score: 4, comment: '响应及时' });
    expect(resp[0]?.invitation_id).not.toBeNull();
    expect(resp[1]?.invitation_id).toBeNull();
    // Spent: a second answer is refused and writes nothing.
    await expect(
      answerByToken(deps(), token, { score: 5 }, { now: ctx.now() }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await rollup(id)).map((r) => Number(r.surveys))).toEqual([2]);
  });

  it('a campaign send is all or nothing: a failing batch leaves no invitation and a draft', async () => {
    const c = await createCampaign(deps(), ctx, {
      name: '2026 Q4 满意度',
      quarter: '2026-Q4',
      allActive: true,
    });
    // A row already there for the last customer makes the last batch fail on the unique key.
    const last = ids[ids.length - 1] as number;
    await deps()
      .store.db.insertInto('survey_invitations')
      .values({
        token_hash: hashSurveyToken('pre-existing'),
        customer_id: last,
        campaign_id: c.id,
        sent_at: ctx.now().toISOString(),
        expires_at: ctx.now().toISOString(),
      })
      .execute();
    await expect(sendCampaign(deps(), ctx, c.id, { batchSize: 2 })).rejects.toThrow();
    const count = async () =>
      Number(
        (
          await deps()
            .store.db.selectFrom('survey_invitations')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('campaign_id', '=', c.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(1);
    const after = await deps()
      .store.db.selectFrom('survey_campaigns')
      .select(['status', 'invited'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({ status: 'draft', invited: 0 });

    // Without the stray row the same send goes through in batches.
    await deps()
      .store.db.deleteFrom('survey_invitations')
      .where('campaign_id', '=', c.id)
      .execute();
    const sent = await sendCampaign(deps(), ctx, c.id, { batchSize: 2 });
    expect(sent.links.length).toBeGreaterThanOrEqual(ids.length);
    expect(await count()).toBe(sent.links.length);
    expect(sent.campaign).toMatchObject({ status: 'sent', invited: sent.links.length });
    await expect(sendCampaign(deps(), ctx, c.id)).rejects.toMatchObject({ code: 'INVALID_STATE' });
  });

  it('a closed ticket gets one survey invitation, kept when it closes again', async () => {
    const id = ids[1] as number;
    const now = ctx.now().toISOString();
    const t = await deps()
      .store.db.insertInto('tickets')
      .values({
        customer_id: id,
        subject: '设备维修',
        category: 'repair',
        level: 2,
        status: 'closed',
        opened_at: now,
        closed_at: now,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await deps()
      .store.db.transaction()
      .execute((trx) => requestSurveyForTicket(trx, ctx, Number(t.id)));
    expect(first?.link).toMatch(/^\/public\/survey\?token=/);
    const again = await deps()
      .store.db.transaction()
      .execute((trx) => requestSurveyForTicket(trx, ctx, Number(t.id)));
    expect(again).toBeNull();
    await answerByToken(deps(), first?.token ?? '', { score: 5 }, { now: ctx.now() });
    const r = await deps()
      .store.db.selectFrom('survey_responses')
      .select(['ticket_id', 'score'])
      .where('customer_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(r).toMatchObject({ ticket_id: Number(t.id), score: 5 });
  });
});
