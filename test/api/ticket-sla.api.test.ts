import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signInRoles, testServer } from '../support/http';

interface QueueItem {
  id: number;
  level: number;
  breached: number;
  resolutionDueAt: string | null;
  nextRemainingMs: number | null;
}

describeEachEngine('ticket SLA clocks through the API', ({ deps }) => {
  let app: FastifyInstance;
  let agent: Client;
  let supervisor: Client;
  let finance: Client;
  let customerId = 0;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    customerId = (await createCustomer(deps(), systemCtx(), customerInput())).id;
    app = (await testServer(deps())).app;
    ({ agent, supervisor, finance } = await signInRoles(deps(), app, {
      agent: 'service_agent',
      supervisor: 'service_supervisor',
      finance: 'finance',
    }));
  });
  afterAll(async () => {
    await app?.close();
  });

  const file = async (category: string, level: number) => {
    const res = await agent.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { customerId, channel: 'phone', category, level, subject: `L${level} ${category}` },
    });
    expect(res.statusCode).toBe(201);
    return res.json() as { ticket: { id: number }; sla: { policyKey: string } | null };
  };

  it('orders the queue by due instant with the time left on each row', async () => {
    const slow = await file('consultation', 4);
    const urgent = await file('emergency', 1);
    // Level 1 runs 24×7 with 2 hours to resolve; level 4 has 10 working days.
    expect(urgent.sla?.policyKey).toBe('level-1');
    const res = await agent.request({ method: 'GET', url: '/api/tickets/queue' });
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: QueueItem[] }).items;
    const ids = items.map((i) => i.id);
    expect(ids.indexOf(urgent.ticket.id)).toBeLessThan(ids.indexOf(slow.ticket.id));
    const row = items.find((i) => i.id === urgent.ticket.id);
    expect(row?.nextRemainingMs).toBeGreaterThan(0);
    expect(row?.nextRemainingMs).toBeLessThanOrEqual(30 * 60_000);
    const mine = await agent.request({ method: 'GET', url: '/api/tickets/queue?mine=true' });
    expect((mine.json() as { total: number }).total).toBe(0);
  });

  it('pauses and resumes through the API; a second pause is refused with the ticket named', async () => {
    const t = await file('repair', 2);
    const url = `/api/tickets/${t.ticket.id}`;
    const p = await agent.request({
      method: 'POST',
      url: `${url}/pause`,
      payload: { reason: '等待客户回电' },
    });
    expect(p.statusCode).toBe(200);
    expect((p.json() as { sla: { pausedSince: string | null } }).sla.pausedSince).not.toBeNull();
    const again = await agent.request({
      method: 'POST',
      url: `${url}/pause`,
      payload: { reason: 'again' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      error: { code: 'INVALID_STATE', message: expect.stringContaining(`Ticket ${t.ticket.id}`) },
    });
    const r = await agent.request({ method: 'POST', url: `${url}/resume`, payload: {} });
    expect(r.statusCode).toBe(200);
    const sla = (r.json() as { sla: { pausedSince: string | null; events: { kind: string }[] } })
      .sla;
    expect(sla.pausedSince).toBeNull();
    expect(sla.events.map((e) => e.kind)).toEqual(['computed', 'paused', 'resumed', 'recomputed']);
  });

  it('shows the supervisor view to supervisors and refuses people who do not work tickets', async () => {
    const res = await supervisor.request({ method: 'GET', url: '/api/tickets/supervisor' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ totals: { breached: 0, atRisk: 0 } });
    const no = await finance.request({ method: 'GET', url: '/api/tickets/queue' });
    expect(no.statusCode).toBe(403);
  });
});
