import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../../src/app/auth/users.service';
import { type Ctx, systemCtx } from '../../src/app/context';
import * as contacts from '../../src/app/customers/contacts.service';
import { createCustomField } from '../../src/app/customers/custom-fields.service';
import * as customers from '../../src/app/customers/customers.service';
import { mergeCustomers, resolveCustomerCode } from '../../src/app/customers/merge.service';
import * as facts from '../../src/app/facts/facts.service';
import { BUILTIN_ROLES } from '../../src/domain/auth/permissions';
import { DomainError } from '../../src/domain/errors';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const sys = systemCtx();

function actorCtx(roleId: string, id = 99): Ctx {
  const role = BUILTIN_ROLES.find((r) => r.id === roleId)!;
  return {
    actor: {
      id,
      name: roleId,
      roleId,
      permissions: role.permissions,
      region: null,
      rowScope: 'all',
      team: null,
    },
    now: () => new Date(),
  };
}

async function rejects(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describeEachEngine('customer file', ({ deps }) => {
  beforeAll(async () => {
    await createUser(deps(), sys, {
      username: 'owner1',
      displayName: '张经理',
      password: 'Owner-pass-123',
      roleId: 'account_manager',
    });
  });

  it('validates the unified social credit code check digit', async () => {
    const ok = await customers.createCustomer(
      deps(),
      sys,
      customerInput({ creditCode: '91350100M000100Y43' }),
    );
    expect(ok.creditCode).toBe('91350100M000100Y43');
    const bad = await rejects(
      customers.createCustomer(deps(), sys, customerInput({ creditCode: '91350100M000100Y44' })),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(JSON.stringify(bad.details)).toContain('creditCode');
    const dup = await rejects(
      customers.createCustomer(deps(), sys, customerInput({ creditCode: '91350100M000100Y43' })),
    );
    expect(dup.code).toBe('DUPLICATE');
  });

  it('resolves province/city/district to a GB/T 2260 code and keeps tags', async () => {
    const c = await customers.createCustomer(
      deps(),
      sys,
      customerInput({
        province: '广东省',
        city: '深圳市',
        district: '南山区',
        tags: ['重点', 'VIP', '重点'],
      }),
    );
    expect(c.regionCode).toBe('440305');
    expect(c.tags).toEqual(['VIP', '重点']);
    const tagged = await customers.listCustomers(deps(), sys, { tag: '重点' });
    expect(tagged.items.map((x) => x.id)).toContain(c.id);
  });

  it('validates custom fields like built-in ones', async () => {
    await createCustomField(deps(), sys, {
      key: 'credit_limit',
      type: 'number',
      labelZh: '信用额度',
      labelEn: 'Credit limit',
    });
    await createCustomField(deps(), sys, {
      key: 'channel',
      type: 'select',
      labelZh: '渠道',
      labelEn: 'Channel',
      options: [
        { value: 'direct', labelZh: '直销', labelEn: 'Direct' },
        { value: 'dealer', labelZh: '经销', labelEn: 'Dealer' },
      ],
    });
    const c = await customers.createCustomer(
      deps(),
      sys,
      customerInput({ customFields: { credit_limit: '50000', channel: 'dealer' } }),
    );
    expect(c.customFields).toEqual({ credit_limit: 50000, channel: 'dealer' });
    const e = await rejects(
      customers.createCustomer(
        deps(),
        sys,
        customerInput({ customFields: { channel: 'shop', nope: 1 } }),
      ),
    );
    const fields = (e.details.issues as { field: string }[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['customFields.channel', 'customFields.nope']));
  });

  it('encrypts contact personal data at rest and masks it for roles without customers.pii', async () => {
    const c = await customers.createCustomer(deps(), sys, customerInput());
    const added = await contacts.addContact(deps(), sys, c.id, {
      name: '李四',
      role: 'purchaser',
      phone: '+86 138-1234-5678',
      email: 'Li.Si@Example.com',
    });
    expect(added.phone).toBe('+86 138-1234-5678');
    expect(added.isPrimary).toBe(true);
    const raw = await deps()
      .store.db.selectFrom('contacts')
      .selectAll()
      .where('id', '=', added.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(raw)).not.toContain('1234');
    expect(JSON.stringify(raw)).not.toContain('Example');
    expect(raw.phone_enc).toMatch(/^v1:/);

    const agent = await contacts.listContacts(deps(), actorCtx('service_agent'), c.id);
    expect(agent[0]?.phone).toBe('138****5678');
    expect(agent[0]?.masked).toBe(true);
    const manager = await contacts.listContacts(deps(), actorCtx('account_manager'), c.id);
    expect(manager[0]?.phone).toBe('+86 138-1234-5678');

    const found = await contacts.lookupContacts(deps(), sys, { phone: '13812345678' });
    expect(found.map((x) => x.id)).toContain(added.id);
    const audit = await deps()
      .store.db.selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'contact')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('1234-5678');
  });

  it('records facts with exact money, lists them and puts them on one timeline', async () => {
    const c = await customers.createCustomer(deps(), sys, customerInput());
    await facts.createFact(deps(), sys, 'orders', c.id, {
      orderNo: `SO-${c.id}-1`,
      orderedOn: '2026-03-01',
      amount: '1,234.56',
      cost: '1000.10',
      lines: [{ product: '轴承', quantity: 3, unitPrice: '411.52' }],
    });
    await facts.createFact(deps(), sys, 'payments', c.id, {
      invoiceNo: `INV-${c.id}-1`,
      amount: 1234.56,
      dueOn: '2026-04-01',
      paidOn: '2026-04-11',
    });
    await facts.createFact(deps(), sys, 'surveys', c.id, { answeredOn: '2026-05-02', score: 4 });
    const orders = await facts.listFacts(deps(), sys, 'orders', c.id);
    expect(orders.items[0]).toMatchObject({ amountMinor: 123456, costMinor: 100010 });
    const payments = await facts.listFacts(deps(), sys, 'payments', c.id);
    expect(payments.items[0]).toMatchObject({ daysLate: 10 });
    const tl = await facts.customerTimeline(deps(), sys, c.id);
    expect(tl.map((e) => e.kind)).toEqual(['surveys', 'payments', 'orders']);

    const dup = await rejects(
      facts.createFact(deps(), sys, 'orders', c.id, {
        orderNo: `SO-${c.id}-1`,
        orderedOn: '2026-03-02',
        amount: '1',
      }),
    );
    expect(dup.code).toBe('DUPLICATE');
    const bad = await rejects(
      facts.createFact(deps(), sys, 'orders', c.id, {
        orderNo: 'X',
        orderedOn: '2026-02-30',
        amount: '1.234',
      }),
    );
    const fields = (bad.details.issues as { field: string }[]).map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['orderedOn', 'amount']));
  });

  it('merges two customers, moving all history, and the old code resolves to the survivor', async () => {
    const a = await customers.createCustomer(deps(), sys, customerInput({ tags: ['A'] }));
    const b = await customers.createCustomer(
      deps(),
      sys,
      customerInput({ tags: ['B'], creditCode: '91110000802100433B', industry: '零售' }),
    );
    const other = await customers.createCustomer(deps(), sys, customerInput());
    await facts.createFact(deps(), sys, 'orders', b.id, {
      orderNo: `M-${b.id}`,
      orderedOn: '2026-01-05',
      amount: '10',
    });
    await contacts.addContact(deps(), sys, b.id, { name: '王五', phone: '13900001111' });
    await facts.createFact(deps(), sys, 'referrals', b.id, {
      referredCustomerId: other.id,
      referredOn: '2026-01-01',
    });
    await facts.createFact(deps(), sys, 'referrals', a.id, {
      referredCustomerId: other.id,
      referredOn: '2026-01-02',
    });

    const r = await mergeCustomers(deps(), sys, {
      survivorId: a.id,
      mergedId: b.id,
      survivorVersion: a.version,
      mergedVersion: b.version,
      reasons: ['same_name'],
    });
    expect(r.survivor.tags).toEqual(['A', 'B']);
    expect(r.survivor.creditCode).toBe('91110000802100433B');
    expect(r.survivor.industry).toBe(a.industry);
    expect((await facts.listFacts(deps(), sys, 'orders', a.id)).total).toBe(1);
    expect((await contacts.listContacts(deps(), sys, a.id)).map((x) => x.name)).toContain('王五');
    expect((await facts.listFacts(deps(), sys, 'referrals', a.id)).total).toBe(1);
    const resolved = await resolveCustomerCode(deps(), sys, b.code);
    expect(resolved.id).toBe(a.id);
    const list = await customers.listCustomers(deps(), sys, { q: b.code });
    expect(list.total).toBe(0);
    const again = await rejects(
      mergeCustomers(deps(), sys, {
        survivorId: a.id,
        mergedId: b.id,
        survivorVersion: r.survivor.version,
        mergedVersion: 2,
      }),
    );
    expect(again.code).toBe('INVALID_STATE');
  });

  it('refuses a merge based on a stale version and changes nothing', async () => {
    const a = await customers.createCustomer(deps(), sys, customerInput());
    const b = await customers.createCustomer(deps(), sys, customerInput());
    await customers.updateCustomer(deps(), sys, b.id, { industry: '化工', version: b.version });
    const e = await rejects(
      mergeCustomers(deps(), sys, {
        survivorId: a.id,
        mergedId: b.id,
        survivorVersion: a.version,
        mergedVersion: b.version,
      }),
    );
    expect(e.code).toBe('STALE_VERSION');
    expect((await customers.getCustomer(deps(), sys, b.id)).status).toBe('active');
  });

  it('re-resolves the region code when an edit changes the district', async () => {
    const c = await customers.createCustomer(
      deps(),
      sys,
      customerInput({ province: '上海市', city: '上海市', district: null }),
    );
    const edited = await customers.updateCustomer(deps(), sys, c.id, {
      district: '浦东新区',
      version: c.version,
    });
    expect(edited.regionCode).toBe('310115');
  });

  it('filters the timeline by kind and returns an order with its lines', async () => {
    const c = await customers.createCustomer(deps(), sys, customerInput());
    const order = await facts.createFact(deps(), sys, 'orders', c.id, {
      orderNo: `TL-${c.id}`,
      orderedOn: '2026-06-01',
      amount: '30.00',
      lines: [
        { product: '螺栓', quantity: 10, unitPrice: '1.50' },
        { product: '螺母', quantity: 15, unitPrice: '1.00' },
      ],
    });
    await facts.createFact(deps(), sys, 'surveys', c.id, { answeredOn: '2026-06-02', score: 5 });
    const onlyOrders = await facts.customerTimeline(deps(), sys, c.id, 100, { kinds: ['orders'] });
    expect(onlyOrders.map((e) => e.kind)).toEqual(['orders']);
    const detail = await facts.getFact(deps(), sys, 'orders', Number(order.id));
    expect(detail.lines).toEqual([
      { lineNo: 1, product: '螺栓', quantity: 10, unitPriceMinor: 150, amountMinor: 1500 },
      { lineNo: 2, product: '螺母', quantity: 15, unitPriceMinor: 100, amountMinor: 1500 },
    ]);
    const e = await rejects(
      facts.createFact(deps(), sys, 'visits', c.id, { visitedOn: '2026-06-03', userId: 987654 }),
    );
    expect(e.details.issues).toEqual([expect.objectContaining({ field: 'userId' })]);
  });
});
