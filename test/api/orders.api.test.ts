import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { businessToday } from '../../src/app/business-today';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import type { Deps } from '../../src/app/deps';
import { forgetCatalogs } from '../../src/app/policy/policy-in-force';
import { publishRun } from '../../src/app/review/publish.service';
import { setOverride } from '../../src/app/tiering/overrides.service';
import { runTiering } from '../../src/app/tiering/run.service';
import { markServiceTier } from '../../src/app/tiering/schemes.service';
import { createFromTemplate } from '../../src/app/tiering/templates.service';
import { addDays } from '../../src/domain/business-date';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, signInRoles, testServer } from '../support/http';

const PASSWORD = 'Orders-pass-123';

/** The ABCD template as the service tier, customers placed by hand: code → tier. */
async function seedTiers(deps: Deps, placed: Record<string, string>) {
  const ctx = systemCtx();
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const ids: Record<string, number> = {};
  for (const [code, tier] of Object.entries(placed)) {
    const c = await createCustomer(deps, ctx, customerInput({ code }));
    ids[code] = c.id;
    await setOverride(deps, ctx, version.schemeId, { customerId: c.id, tier, reason: 'test' });
  }
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: '2026-10-31' });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: '2026-11-01' });
  // Created after the publication: no tier yet.
  await createCustomer(deps, ctx, customerInput({ code: 'NOTIER' }));
  return ids;
}

describeEachEngine('order check and order queue through the API', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let finance: Client;
  let agent: Client;
  let today = '';
  const far = () => addDays(today, 60);
  const order = (code: string, over: Record<string, unknown> = {}) => ({
    customerCode: code,
    lines: [
      { product: 'Pump P-100', quantity: 10, internalPriceMinor: 10_000 },
      { product: 'Valve V-2', quantity: 4, internalPriceMinor: 2_500 },
    ],
    requestedDiscountPct: 0,
    paymentTerm: 'prepay',
    deliveryDate: far(),
    rush: false,
    ...over,
  });
  const check = (c: Client, body: unknown) =>
    c.request({ method: 'POST', url: '/api/orders/check', payload: body as object });
  const submit = (c: Client, body: unknown) =>
    c.request({ method: 'POST', url: '/api/orders/requests', payload: body as object });
  const count = async () =>
    Number(
      (
        await deps()
          .store.db.selectFrom('order_requests')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    forgetCatalogs();
    await ensureFirstAdmin(deps());
    await seedTiers(deps(), { 'OA-1': 'A', 'OA-2': 'A', 'OB-1': 'B', 'OC-1': 'C', 'OD-1': 'D' });
    app = (await testServer(deps())).app;
    admin = await signIn(app);
    ({ fin: finance, agent } = await signInRoles(
      deps(),
      app,
      { fin: 'finance', agent: 'service_agent' },
      PASSWORD,
    ));
    today = businessToday(deps(), systemCtx());
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  it('checks an order with every reason and the customer’s policy, writing nothing', async () => {
    const ok = await check(
      finance,
      order('OA-1', { requestedDiscountPct: 5, paymentTerm: 'deferred_90' }),
    );
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      allowed: true,
      reasons: [],
      customer: { code: 'OA-1' },
      policy: { tier: 'A', paymentTerm: 'deferred_90', priceFloorPct: -5, leadTimeDays: 20 },
      totals: { internalMinor: 110_000, priceFloorMinor: 104_500 },
      earliestDelivery: addDays(today, 20),
    });

    const refused = await check(
      finance,
      order('OB-1', {
        requestedDiscountPct: 4,
        paymentTerm: 'deferred_90',
        deliveryDate: addDays(today, 29),
      }),
    );
    expect(refused.json().allowed).toBe(false);
    expect(refused.json().reasons).toEqual([
      expect.objectContaining({ code: 'discount_above_cap', limit: 3, requested: 4 }),
      expect.objectContaining({ code: 'terms_above_level', limit: 'cod_or_30' }),
      expect.objectContaining({
        code: 'delivery_before_lead_time',
        field: 'deliveryDate',
        limit: addDays(today, 30),
      }),
    ]);
    const d = await check(finance, order('OD-1'));
    expect(d.json()).toMatchObject({ allowed: false, review: 'strict', maxDiscountPct: -5 });
    const noTier = await check(finance, order('NOTIER'));
    expect(noTier.json().reasons.map((r: { code: string }) => r.code)).toEqual(['no_tier']);
    expect(await count()).toBe(0);
    expect((await check(agent, order('OA-1'))).statusCode).toBe(403);
  });

  it('answers bad input with errors naming the field and the line', async () => {
    const res = await check(
      finance,
      order('OA-1', {
        lines: [
          { product: 'a', quantity: 1, internalPriceMinor: 100 },
          { product: 'b', quantity: 0, internalPriceMinor: 100 },
          { product: 'c', quantity: 1 },
        ],
        requestedDiscountPct: 101,
      }),
    );
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'lines.1.quantity',
        'lines.2.internalPriceMinor',
        'requestedDiscountPct',
      ]),
    );
    const term = await check(finance, order('OA-1', { paymentTerm: 'deferred_180' }));
    expect(term.statusCode).toBe(400);
    expect(term.json().error.details.issues).toEqual([
      { field: 'paymentTerm', message: expect.stringMatching(/not on the ladder/) },
    ]);
    const nan = await check(finance, order('OA-1', { requestedDiscountPct: 'five' }));
    expect(nan.json().error.details.issues[0]).toMatchObject({ field: 'requestedDiscountPct' });
    expect((await check(finance, order('NOPE'))).statusCode).toBe(404);
  });

  it('refuses a not-allowed submission with 422 and its reasons, writing nothing', async () => {
    const res = await submit(finance, order('OC-1', { requestedDiscountPct: 1 }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'ORDER_REFUSED',
      details: { reasons: [expect.objectContaining({ code: 'discount_above_cap', limit: 0 })] },
    });
    expect(await count()).toBe(0);
  });

  it('queues by tier, rush as the tier allows, then submission; moves orders along', async () => {
    const ids: number[] = [];
    for (const body of [
      order('OC-1'),
      order('OB-1', { paymentTerm: 'cod_or_30' }),
      order('OB-1', { paymentTerm: 'cod_or_30', rush: true, note: '客户产线停工' }),
      order('OA-2', { paymentTerm: 'deferred_90' }),
      order('OA-1', { paymentTerm: 'deferred_90', rush: true }),
      order('OD-1', { requestedDiscountPct: -5 }),
    ]) {
      const r = await submit(finance, body);
      expect(r.statusCode).toBe(201);
      ids.push(r.json().id);
    }
    const [c1, b1, b1rush, a2, a1rush, d1] = ids as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const queue = (await finance.request({ method: 'GET', url: '/api/orders/queue' })).json().items;
    expect(queue.map((o: { id: number }) => o.id)).toEqual([a1rush, a2, b1rush, b1, c1, d1]);
    expect(queue.map((o: { position: number }) => o.position)).toEqual([1, 2, 3, 4, 5, 6]);
    const strict = queue.find((o: { id: number }) => o.id === d1);
    expect(strict).toMatchObject({ tier: 'D', strictReview: true, requestedTotalMinor: 115_500 });
    expect(queue.find((o: { id: number }) => o.id === b1rush)).toMatchObject({
      rush: true,
      note: '客户产线停工',
      createdByName: 'fin',
    });

    const move = (id: number, status: string, version: number) =>
      finance.request({
        method: 'PATCH',
        url: `/api/orders/requests/${id}`,
        payload: { status, version },
      });
    const started = await move(a1rush, 'in_production', 1);
    expect(started.json()).toMatchObject({ status: 'in_production', version: 2 });
    expect((await move(a1rush, 'done', 1)).json().error.code).toBe('STALE_VERSION');
    expect((await move(c1, 'done', 1)).json().error.code).toBe('INVALID_STATE');
    expect((await move(a1rush, 'done', 2)).json().status).toBe('done');
    expect((await move(d1, 'cancelled', 1)).json().status).toBe('cancelled');
    const open = (await finance.request({ method: 'GET', url: '/api/orders/queue' })).json().items;
    expect(open.map((o: { id: number }) => o.id)).toEqual([a2, b1rush, b1, c1]);
    const done = (
      await finance.request({ method: 'GET', url: '/api/orders/queue?status=done' })
    ).json().items;
    expect(done.map((o: { id: number }) => o.id)).toEqual([a1rush]);

    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'order_request')
      .execute();
    expect(audit.filter((a) => a.action === 'order.submit')).toHaveLength(6);
    expect(audit.filter((a) => a.action === 'order.status')).toHaveLength(3);
    expect((await admin.request({ method: 'GET', url: '/api/orders/queue' })).statusCode).toBe(200);
  });
});
