import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';
import { type Client, signIn, testServer } from '../support/http';

describeEachEngine('closing a ticket asks the customer for a rating', ({ deps }) => {
  let app: FastifyInstance;
  let admin: Client;
  let customerId: number;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    customerId = (await createCustomer(deps(), systemCtx(), customerInput({ code: 'SURV-1' }))).id;
    app = (await testServer(deps())).app;
    admin = await signIn(app);
  });
  afterAll(async () => {
    await app.close();
  });

  it('puts a one-time survey link into the conversation, and the answer is tied to the ticket', async () => {
    const created = await admin.request({
      method: 'POST',
      url: '/api/tickets',
      payload: { customerId, channel: 'phone', category: 'consultation', subject: '咨询账单' },
    });
    expect(created.statusCode).toBe(201);
    const { ticket } = created.json();
    const closed = await admin.request({
      method: 'POST',
      url: `/api/tickets/${ticket.id}/transition`,
      payload: { to: 'closed', version: ticket.version },
    });
    expect(closed.statusCode).toBe(200);
    const bodies = (closed.json().messages as { body: string }[]).map((m) => m.body);
    const link = bodies.map((b) => b.match(/\/public\/survey\?token=\S+/)?.[0]).find(Boolean);
    expect(link).toBeDefined();
    const token = new URL(link as string, 'http://x').searchParams.get('token');

    const answered = await app.inject({
      method: 'POST',
      url: '/api/public/surveys/answer',
      payload: { token, score: 5, comment: '很快' },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const row = await deps()
      .store.db.selectFrom('survey_responses')
      .select(['ticket_id', 'score'])
      .where('customer_id', '=', customerId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ ticket_id: ticket.id, score: 5 });

    const invitations = await deps()
      .store.db.selectFrom('survey_invitations')
      .select('ticket_id')
      .where('ticket_id', '=', ticket.id)
      .execute();
    expect(invitations).toHaveLength(1);
  });
});
