import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forgetSessions } from '../../src/app/auth/sessions.service';
import { createUser } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { customerTierHistory, customerTiersOn } from '../../src/app/review/history.service';
import { customerTiers } from '../../src/app/tiering/customer-tiers.service';
import { businessDate } from '../../src/domain/business-date';
import { refreshRollups } from '../../src/store/metrics/rollups';
import { customerInput } from '../factories/customers';
import { revenueScheme } from '../factories/schemes';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';
import {
  roleLike,
  SCOPE_PASSWORD,
  type ScopeCast,
  seedScopeCast,
  setRowScope,
} from '../support/row-scopes';

const AS_OF = '2026-11-30';
const P = 'RV';
type Code = 'A1' | 'A2' | 'B1' | 'C1' | 'N1' | 'S1';
/** 12-month revenue per customer (yuan): distinct, so the scheme spreads them over the tiers. */
const REVENUE: Record<Code, number> = { A1: 600, C1: 500, N1: 400, B1: 300, S1: 200, A2: 100 };

/**
 * Row scopes on the review cycle and tiering lists. Who sees what (customers RV-…):
 * - am-a (own): A1, A2;
 * - sm-east (sales manager, region 华东, builtin scope region): A1, A2, B1 and S1, a 华南
 *   customer they own; at the rating step the region rule leaves S1 out;
 * - fin-east (finance, scope set to region 华东 here): A1, A2, B1;
 * - ov-east (administrator's permissions, scope region 华东): A1, A2, B1;
 * - gm-all and admin: all six.
 */
describeEachEngine(
  'row scopes on review cycles, publications and overrides',
  ({ deps, engine }) => {
    let app: FastifyInstance;
    let cast: ScopeCast;
    const ids = {} as Record<Code, number>;
    let admin: Client;
    let a: Client;
    let sm: Client;
    let gm: Client;
    let fin: Client;
    let ov: Client;
    let schemeId = 0;
    let versionId = 0;
    let publicationId = 0;
    const today = businessDate(new Date(), 'Asia/Shanghai');
    const later = (days: number) => {
      const d = new Date(`${today}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + days);
      return d.toISOString().slice(0, 10);
    };
    const codeOf = (c: { code: string }) => c.code.replace(`${P}-`, '');
    const sorted = (rows: { code: string }[]) => rows.map(codeOf).sort();

    beforeAll(async () => {
      await ensureFirstAdmin(deps());
      cast = await seedScopeCast(deps(), P);
      Object.assign(ids, cast.customers);
      ids.S1 = (
        await createCustomer(
          deps(),
          systemCtx(),
          customerInput({
            code: `${P}-S1`,
            name: 'S1 客户',
            ownerId: cast.users.sm,
            region: '华南',
          }),
        )
      ).id;
      // One order each inside the 12 months before the as-of date, and the rollups the runs read.
      const now = new Date().toISOString();
      await deps()
        .store.db.insertInto('orders')
        .values(
          (Object.keys(REVENUE) as Code[]).map((code, i) => ({
            customer_id: ids[code],
            order_no: `${P}-O${i}`,
            ordered_on: '2026-10-15',
            amount_minor: REVENUE[code] * 100,
            cost_minor: null,
            currency: 'CNY',
            category: null,
            channel: null,
            rush: 0,
            created_at: now,
            product: null,
            quantity: null,
            import_run_id: null,
          })),
        )
        .execute();
      await refreshRollups(deps().store.db, engine, Object.values(ids));

      await setRowScope(deps(), 'finance', 'region');
      const adminRegion = await roleLike(deps(), 'admin', 'region');
      for (const [username, roleId] of [
        ['fin-east', 'finance'],
        ['ov-east', adminRegion],
      ] as const)
        await createUser(deps(), systemCtx(), {
          username,
          displayName: username,
          password: SCOPE_PASSWORD,
          roleId,
          region: '华东',
          team: null,
        });
      forgetSessions();

      app = (await testServer(deps())).app;
      admin = await signIn(app);
      a = await signIn(app, 'am-a', SCOPE_PASSWORD);
      sm = await signIn(app, 'sm-east', SCOPE_PASSWORD);
      gm = await signIn(app, 'gm-all', SCOPE_PASSWORD);
      fin = await signIn(app, 'fin-east', SCOPE_PASSWORD);
      ov = await signIn(app, 'ov-east', SCOPE_PASSWORD);

      const created = await admin.request({
        method: 'POST',
        url: '/api/tiering/schemes',
        payload: revenueScheme('rv-abc', { thresholds: [80, 40] }),
      });
      expect(created.statusCode).toBe(201);
      schemeId = created.json().schemeId;
      versionId = created.json().id;
      const run = await admin.request({
        method: 'POST',
        url: '/api/tiering/runs',
        payload: { schemeVersionId: versionId, asOf: AS_OF },
      });
      expect(run.statusCode).toBe(201);
      const pub = await admin.request({
        method: 'POST',
        url: `/api/tiering/runs/${run.json().runId}/publish`,
        payload: { effectiveFrom: '2026-12-01' },
      });
      expect(pub.statusCode).toBe(200);
      publicationId = pub.json().publicationId;
    }, 120_000);
    afterAll(async () => {
      await app.close();
    });

    it("lists a publication's changes in scope only, with the total counted in scope", async () => {
      const changes = async (client: Client, query = '', pageSize = 100) => {
        const res = await client.request({
          method: 'GET',
          url: `/api/tiering/publications/${publicationId}/changes?pageSize=${pageSize}${query}`,
        });
        expect(res.statusCode).toBe(200);
        return res.json() as { items: { code: string }[]; total: number };
      };
      const all = await changes(gm);
      expect(sorted(all.items)).toEqual(['A1', 'A2', 'B1', 'C1', 'N1', 'S1']);
      expect(all.total).toBe(6);
      const mine = await changes(a);
      expect(sorted(mine.items)).toEqual(['A1', 'A2']);
      expect(mine.total).toBe(2);
      const entered = await changes(a, '&direction=entered');
      expect(sorted(entered.items)).toEqual(['A1', 'A2']);
      expect(entered.total).toBe(2);
      const firstPage = await changes(a, '', 1);
      expect(firstPage.items.map(codeOf)).toEqual(['A1']);
      expect(firstPage.total).toBe(2);
      const region = await changes(sm);
      expect(sorted(region.items)).toEqual(['A1', 'A2', 'B1', 'S1']);
      expect(region.total).toBe(4);
    });

    it("answers 404 for another owner's customer's tier history and tiers, as for an unknown id", async () => {
      for (const path of ['tier-history', 'tiers-on?date=2026-12-31', 'tiers']) {
        const mine = await a.request({ method: 'GET', url: `/api/customers/${ids.A1}/${path}` });
        expect(mine.statusCode).toBe(200);
        expect(mine.json().items).toHaveLength(1);
        const other = await a.request({ method: 'GET', url: `/api/customers/${ids.B1}/${path}` });
        expect(other.statusCode).toBe(404);
        const unknown = await a.request({ method: 'GET', url: `/api/customers/999999/${path}` });
        expect(other.json().error.code).toBe(unknown.json().error.code);
      }
      // The use cases refuse too, not only the route guard in front of them.
      const own = roleCtx('account_manager', cast.users.a, 'own');
      await expect(customerTierHistory(deps(), own, ids.B1)).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(customerTiersOn(deps(), own, ids.B1, '2026-12-31')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
      await expect(customerTiers(deps(), own, ids.B1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await customerTierHistory(deps(), own, ids.A1)).toHaveLength(1);
      expect(await customerTiers(deps(), own, ids.A1)).toHaveLength(1);
    });

    it('lists what-if movers of customers in scope only', async () => {
      const whatIf = async (client: Client) => {
        const res = await client.request({
          method: 'POST',
          url: '/api/tiering/what-if',
          payload: {
            schemeVersionId: versionId,
            asOf: AS_OF,
            changes: { thresholds: { A: 95, B: 90 } },
          },
        });
        expect(res.statusCode).toBe(200);
        return res.json() as { movers: { code: string }[]; moversTotal: number };
      };
      const all = await whatIf(gm);
      const everyone = sorted(all.movers);
      expect(everyone).toEqual(expect.arrayContaining(['B1', 'C1', 'N1']));
      expect(all.moversTotal).toBe(everyone.length);
      const region = await whatIf(sm);
      const inRegion = everyone.filter((c) => ['A1', 'A2', 'B1', 'S1'].includes(c));
      expect(sorted(region.movers)).toEqual(inRegion);
      expect(region.moversTotal).toBe(inRegion.length);
    });

    it('keeps the evaluation form, its export and its edits to the customers in scope at every step', async () => {
      const started = await gm.request({
        method: 'POST',
        url: '/api/reviews/cycles',
        payload: {
          name: '2026 年度评审（行范围）',
          kind: 'annual',
          schemeId,
          asOf: AS_OF,
          deadline: later(30),
          effectiveFrom: '2027-01-01',
        },
      });
      expect(started.statusCode).toBe(201);
      const url = `/api/reviews/cycles/${started.json().id}`;
      type Row = { customerId: number; code: string; version: number };
      const form = async (client: Client) => {
        const res = await client.request({ method: 'GET', url: `${url}/proposals?pageSize=100` });
        expect(res.statusCode).toBe(200);
        const body = res.json() as { items: Row[]; total: number };
        expect(body.total).toBe(body.items.length);
        return body.items;
      };
      const codes = async (client: Client) => sorted(await form(client));
      const version = async (code: Code) =>
        (await form(admin)).find((r) => r.customerId === ids[code])!.version;
      const exported = async (client: Client) => {
        const res = await client.request({ method: 'GET', url: `${url}/proposals.csv?lang=en` });
        expect(res.statusCode).toBe(200);
        return res.body
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',')[0]!.replace(`${P}-`, ''))
          .sort();
      };
      const unknown = await sm.request({
        method: 'PUT',
        url: `${url}/proposals/999999/rating`,
        payload: { proposedTier: 'A', reason: 'x', version: 1 },
      });
      expect(unknown.statusCode).toBe(404);

      // Step 1, rating: the sales manager's region rule and row scope both apply.
      expect(await codes(gm)).toEqual(['A1', 'A2', 'B1', 'C1', 'N1', 'S1']);
      expect(await codes(a)).toEqual(['A1', 'A2']);
      expect(await codes(sm)).toEqual(['A1', 'A2', 'B1']);
      expect(await exported(a)).toEqual(['A1', 'A2']);
      expect(await exported(sm)).toEqual(['A1', 'A2', 'B1', 'S1']);
      expect(await exported(gm)).toEqual(['A1', 'A2', 'B1', 'C1', 'N1', 'S1']);
      const rateC1 = await sm.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.C1}/rating`,
        payload: { proposedTier: 'A', reason: '跨区', version: await version('C1') },
      });
      expect(rateC1.statusCode).toBe(404);
      expect(rateC1.json().error.code).toBe(unknown.json().error.code);
      // Their own customer in another region: in scope, but not theirs to rate (region rule).
      const rateS1 = await sm.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.S1}/rating`,
        payload: { proposedTier: 'A', reason: '自有客户', version: await version('S1') },
      });
      expect(rateS1.statusCode).toBe(403);
      const rateB1 = await sm.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.B1}/rating`,
        payload: { proposedTier: 'A', reason: '新签框架协议', version: await version('B1') },
      });
      expect(rateB1.statusCode).toBe(200);
      const rated = await sm.request({ method: 'POST', url: `${url}/steps/rate/complete` });
      expect(rated.statusCode).toBe(200);

      // Step 2, finance: a region-scoped finance user sees and rates only 华东.
      expect(await codes(fin)).toEqual(['A1', 'A2', 'B1']);
      const creditC1 = await fin.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.C1}/finance`,
        payload: { creditGrade: 'AA', receivablesConfirmed: true, version: await version('C1') },
      });
      expect(creditC1.statusCode).toBe(404);
      const creditA1 = await fin.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.A1}/finance`,
        payload: { creditGrade: 'AA', receivablesConfirmed: true, version: await version('A1') },
      });
      expect(creditA1.statusCode).toBe(200);
      const financed = await fin.request({ method: 'POST', url: `${url}/steps/finance/complete` });
      expect(financed.statusCode).toBe(200);

      // Step 3, the meeting: no region rule, the row scope still applies.
      expect(await codes(sm)).toEqual(['A1', 'A2', 'B1', 'S1']);
      expect(await codes(a)).toEqual(['A1', 'A2']);
      expect(await codes(gm)).toEqual(['A1', 'A2', 'B1', 'C1', 'N1', 'S1']);
      const reviseN1 = await sm.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.N1}/revision`,
        payload: { revisedTier: 'A', reason: '评审会', version: await version('N1') },
      });
      expect(reviseN1.statusCode).toBe(404);
      const reviseS1 = await sm.request({
        method: 'PUT',
        url: `${url}/proposals/${ids.S1}/revision`,
        payload: { revisedTier: 'A', reason: '评审会：战略客户', version: await version('S1') },
      });
      expect(reviseS1.statusCode).toBe(200);
      expect(reviseS1.json()).toMatchObject({ finalTier: 'A' });

      // Nothing was saved on the refused customers.
      const saved = await deps()
        .store.db.selectFrom('review_proposals')
        .select(['customer_id', 'proposed_by', 'finance_by', 'revised_by'])
        .where('cycle_id', '=', started.json().id)
        .where('customer_id', 'in', [ids.C1, ids.N1])
        .execute();
      expect(saved).toHaveLength(2);
      for (const r of saved)
        expect([r.proposed_by, r.finance_by, r.revised_by]).toEqual([null, null, null]);
    });

    it("lists, sets and revokes overrides only on customers in scope; others' are 404", async () => {
      const set = (client: Client, code: Code, tier: string) =>
        client.request({
          method: 'POST',
          url: `/api/tiering/schemes/${schemeId}/overrides`,
          payload: { customerId: ids[code], tier, reason: `${code} 手工调整` },
        });
      const outside = await set(ov, 'C1', 'A');
      expect(outside.statusCode).toBe(404);
      const unknown = await ov.request({
        method: 'POST',
        url: `/api/tiering/schemes/${schemeId}/overrides`,
        payload: { customerId: 999999, tier: 'A', reason: 'x' },
      });
      expect(outside.json().error.code).toBe(unknown.json().error.code);
      const mine = await set(ov, 'A1', 'B');
      expect(mine.statusCode).toBe(201);
      const theirs = await set(admin, 'C1', 'A');
      expect(theirs.statusCode).toBe(201);

      const listed = async (client: Client, query = '') => {
        const res = await client.request({
          method: 'GET',
          url: `/api/tiering/overrides?schemeId=${schemeId}${query}`,
        });
        expect(res.statusCode).toBe(200);
        return (res.json().items as { customerCode: string }[])
          .map((o) => o.customerCode.replace(`${P}-`, ''))
          .sort();
      };
      expect(await listed(gm)).toEqual(['A1', 'C1']);
      expect(await listed(ov)).toEqual(['A1']);
      expect(await listed(a)).toEqual(['A1']);
      expect(await listed(sm)).toEqual(['A1']);
      expect(await listed(ov, `&customerId=${ids.C1}`)).toEqual([]);

      const revokeTheirs = await ov.request({
        method: 'POST',
        url: `/api/tiering/overrides/${theirs.json().id}/revoke`,
        payload: { reason: '越权' },
      });
      expect(revokeTheirs.statusCode).toBe(404);
      const revokeUnknown = await ov.request({
        method: 'POST',
        url: '/api/tiering/overrides/999999/revoke',
        payload: { reason: 'x' },
      });
      expect(revokeTheirs.json().error.code).toBe(revokeUnknown.json().error.code);
      expect(await listed(gm, '&active=true')).toEqual(['A1', 'C1']);
      const revokeMine = await ov.request({
        method: 'POST',
        url: `/api/tiering/overrides/${mine.json().id}/revoke`,
        payload: { reason: '评估结束' },
      });
      expect(revokeMine.statusCode).toBe(204);
      expect(await listed(gm, '&active=true')).toEqual(['C1']);
    });
  },
);
