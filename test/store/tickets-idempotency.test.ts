import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { systemCtx } from '../../src/app/context';
import { createCustomer } from '../../src/app/customers/customers.service';
import { createTicket } from '../../src/app/service/tickets.service';
import { customerInput } from '../factories/customers';
import { roleCtx } from '../factories/users';
import { describeEachEngine } from '../support/engines';

describeEachEngine('inbound tickets with an idempotency key', ({ deps }) => {
  let customerId = 0;
  let userId = 0;

  beforeAll(async () => {
    customerId = (await createCustomer(deps(), systemCtx(), customerInput())).id;
    userId = (
      await createUser(deps(), systemCtx(), {
        username: 'crm-bot',
        displayName: 'CRM',
        password: 'Crm-bot-pass-123',
        roleId: 'service_agent',
      })
    ).id;
  });

  const body = () => ({
    customerId,
    channel: 'api',
    category: 'repair.equipment_fault',
    subject: '设备故障',
    externalRef: 'CRM-1',
  });

  it('files once when the same call arrives several times at once', async () => {
    const ctx = roleCtx('service_agent', userId);
    const results = await Promise.all(
      Array.from({ length: 4 }, () => createTicket(deps(), ctx, body(), { idempotencyKey: 'k-1' })),
    );
    const ids = new Set(results.map((r) => r.ticket.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const n = await deps()
      .store.db.selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('external_ref', '=', 'CRM-1')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('keeps keys apart per caller, and files again without a key', async () => {
    const other = await createTicket(deps(), systemCtx(), body(), { idempotencyKey: 'k-1' });
    expect(other.replayed).toBe(false);
    const again = await createTicket(deps(), roleCtx('service_agent', userId), body());
    expect(again.replayed).toBe(false);
    expect(again.ticket.id).not.toBe(other.ticket.id);
  });

  it('writes nothing when the input is bad', async () => {
    const before = await deps()
      .store.db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    await expect(
      createTicket(deps(), systemCtx(), { ...body(), category: 'repair.nope' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { issues: [expect.objectContaining({ field: 'category' })] },
    });
    const after = await deps()
      .store.db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
