import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { expect, it } from 'vitest';
import { systemCtx } from '../../src/app/context';
import { createCustomField } from '../../src/app/customers/custom-fields.service';
import { createCustomer } from '../../src/app/customers/customers.service';
import { runImport } from '../../src/app/import/run-import';
import { DomainError } from '../../src/domain/errors';
import { customerInput } from '../factories/customers';
import { describeEachEngine } from '../support/engines';

const CDNOW = resolve(import.meta.dirname, '../../../shared/data/CDNOW_master.txt');
const sys = systemCtx();

const cdnowMapping = {
  target: 'orders',
  columns: [
    { header: 'customer_id', field: 'code' },
    { header: 'date', field: 'date' },
    { header: 'number_of_cds', field: 'quantity' },
    { header: 'dollar_value', field: 'amount' },
  ],
  dateFormat: 'YYYYMMDD',
};

async function count(
  deps: () => import('../../src/app/deps').Deps,
  table: 'orders' | 'customers' | 'payments',
) {
  const r = await deps()
    .store.db.selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

describeEachEngine('imports', ({ deps }) => {
  it('imports the real CDNOW file as customers plus orders, dry run first, then idempotently', async () => {
    const base = {
      target: 'orders' as const,
      path: CDNOW,
      fileName: 'CDNOW_master.txt',
      mapping: cdnowMapping,
      options: { createMissingCustomers: true, newCustomerType: 'individual' as const },
    };
    const dry = await runImport(deps(), sys, { ...base, mode: 'dry_run' });
    expect(dry).toMatchObject({
      status: 'dry_run',
      rowsTotal: 69659,
      created: 69659,
      rejected: 0,
      customersCreated: 23570,
    });
    expect(await count(deps, 'orders')).toBe(0);
    expect(await count(deps, 'customers')).toBe(0);

    const real = await runImport(deps(), sys, { ...base, mode: 'all_or_nothing' });
    expect(real).toMatchObject({
      status: 'committed',
      created: 69659,
      updated: 0,
      customersCreated: 23570,
    });
    expect(await count(deps, 'orders')).toBe(69659);
    const total = await deps()
      .store.db.selectFrom('orders')
      .select((eb) => eb.fn.sum<number>('amount_minor').as('s'))
      .executeTakeFirstOrThrow();
    // Sum of dollar_value in CDNOW_master.txt (2,500,315.63), in cents.
    expect(Number(total.s)).toBe(250031563);
    // The import refreshed the monthly rollups in its transaction.
    const rolled = await deps()
      .store.db.selectFrom('customer_month_rollups')
      .select((eb) => eb.fn.sum<number>('revenue_minor').as('s'))
      .executeTakeFirstOrThrow();
    expect(Number(rolled.s)).toBe(250031563);

    const again = await runImport(deps(), sys, { ...base, mode: 'all_or_nothing' });
    expect(again).toMatchObject({
      status: 'committed',
      created: 0,
      updated: 69659,
      customersCreated: 0,
    });
    expect(await count(deps, 'orders')).toBe(69659);
  }, 180_000);

  it('all-or-nothing leaves the database exactly as before when any row is bad', async () => {
    const dir = deps().config.dataDir;
    const file = join(dir, 'bad-payments.csv');
    writeFileSync(
      file,
      '客户编码,发票号,金额,到期日,回款日期\nPAY-1,INV-1,100.00,2026-01-31,2026-02-03\nPAY-1,INV-2,abc,2026-02-30,\nPAY-1,INV-1,5.00,2026-03-01,\n',
    );
    // This test owns its customer, so it passes whatever ran before it.
    if (
      !(await deps()
        .store.db.selectFrom('customers')
        .select('id')
        .where('code', '=', 'PAY-1')
        .executeTakeFirst())
    ) {
      await createCustomer(deps(), sys, customerInput({ code: 'PAY-1' }));
    }
    const before = await count(deps, 'payments');
    const mapping = {
      target: 'payments',
      columns: [
        { header: '客户编码', field: 'code' },
        { header: '发票号', field: 'invoiceNo' },
        { header: '金额', field: 'amount' },
        { header: '到期日', field: 'dueOn' },
        { header: '回款日期', field: 'paidOn' },
      ],
    };
    const r = await runImport(deps(), sys, {
      target: 'payments',
      path: file,
      fileName: 'bad.csv',
      mapping,
      mode: 'all_or_nothing',
    });
    expect(r.status).toBe('rejected');
    expect(r.rejected).toBe(2);
    expect(r.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'amount' }),
        expect.objectContaining({ row: 3, field: 'dueOn' }),
        expect.objectContaining({ row: 4, field: 'invoiceNo' }),
      ]),
    );
    expect(await count(deps, 'payments')).toBe(before);

    const valid = await runImport(deps(), sys, {
      target: 'payments',
      path: file,
      fileName: 'bad.csv',
      mapping,
      mode: 'valid_only',
    });
    expect(valid).toMatchObject({ status: 'committed', created: 1, rejected: 2 });
    expect(await count(deps, 'payments')).toBe(before + 1);
  });

  it('reads a GBK customer file, maps Chinese headers, and reports duplicates inside the file', async () => {
    const dir = deps().config.dataDir;
    const file = join(dir, 'customers-gbk.csv');
    const text =
      '客户编码,客户名称,客户类型,省份,城市,统一社会信用代码,手机,标签\r\n' +
      'G001,杭州恒瑞机械有限公司,企业,浙江省,杭州市,91350100M000100Y43,13812345678,重点;华东\r\n' +
      'G002,（上海）宏达贸易有限公司,企业,上海市,上海市,,021-12345678,\r\n' +
      'G001,重复的编码,企业,,,,,\r\n' +
      'G003,坏代码公司,企业,,,91350100M000100Y44,,\r\n';
    writeFileSync(file, iconv.encode(text, 'gbk'));
    const mapping = {
      target: 'customers',
      columns: [
        { header: '客户编码', field: 'code' },
        { header: '客户名称', field: 'name' },
        { header: '客户类型', field: 'type' },
        { header: '省份', field: 'province' },
        { header: '城市', field: 'city' },
        { header: '统一社会信用代码', field: 'creditCode' },
        { header: '手机', field: 'phone' },
        { header: '标签', field: 'tags' },
      ],
    };
    const r = await runImport(deps(), sys, {
      target: 'customers',
      path: file,
      fileName: 'customers.csv',
      mapping,
      mode: 'valid_only',
    });
    expect(r).toMatchObject({ created: 2, rejected: 2 });
    expect(r.issues.map((i) => `${i.row}:${i.field}`)).toEqual(['4:code', '5:creditCode']);
    const g1 = await deps()
      .store.db.selectFrom('customers')
      .selectAll()
      .where('code', '=', 'G001')
      .executeTakeFirstOrThrow();
    expect(g1).toMatchObject({
      name: '杭州恒瑞机械有限公司',
      region_code: '330100',
      credit_code: '91350100M000100Y43',
    });
    const contact = await deps()
      .store.db.selectFrom('contacts')
      .selectAll()
      .where('customer_id', '=', g1.id)
      .executeTakeFirstOrThrow();
    expect(contact.phone_enc).toMatch(/^v1:/);
  });

  it('refuses a file missing a mapped column, an empty file and a wrong type, writing nothing', async () => {
    const dir = deps().config.dataDir;
    const noCol = join(dir, 'nocol.csv');
    writeFileSync(noCol, 'code,when\nA,2026-01-01\n');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, 'code,name\nA,B\n');
    const mapping = {
      target: 'orders',
      columns: [
        { header: 'code', field: 'code' },
        { header: 'date', field: 'date' },
        { header: 'amount', field: 'amount' },
      ],
    };
    const before = await count(deps, 'orders');
    for (const [path, reason] of [
      [noCol, 'date'],
      [empty, 'empty'],
      [fake, 'xlsx'],
    ] as const) {
      let err: unknown;
      try {
        await runImport(deps(), sys, {
          target: 'orders',
          path,
          fileName: path.split('/').pop()!,
          mapping,
          mode: 'all_or_nothing',
        });
      } catch (e) {
        err = e;
      }
      expect(err, path).toBeInstanceOf(DomainError);
      expect(
        JSON.stringify([(err as DomainError).message, (err as DomainError).details]).toLowerCase(),
      ).toContain(reason);
    }
    expect(await count(deps, 'orders')).toBe(before);
  });

  it('imports custom field columns, checked against their definitions', async () => {
    await createCustomField(deps(), sys, {
      key: 'grade',
      type: 'select',
      labelZh: '信用等级',
      labelEn: 'Credit grade',
      options: [
        { value: 'AAA', labelZh: 'AAA', labelEn: 'AAA' },
        { value: 'AA', labelZh: 'AA', labelEn: 'AA' },
      ],
    });
    const file = join(deps().config.dataDir, 'custom.csv');
    writeFileSync(file, 'code,name,信用等级\nCF1,甲公司,AAA\nCF2,乙公司,B\n');
    const mapping = {
      target: 'customers',
      columns: [
        { header: 'code', field: 'code' },
        { header: 'name', field: 'name' },
        { header: '信用等级', field: 'custom.grade' },
      ],
    };
    const r = await runImport(deps(), sys, {
      target: 'customers',
      path: file,
      fileName: 'custom.csv',
      mapping,
      mode: 'valid_only',
    });
    expect(r).toMatchObject({ created: 1, rejected: 1 });
    expect(r.issues[0]).toMatchObject({ row: 3, field: 'custom.grade' });
    const cf1 = await deps()
      .store.db.selectFrom('customers')
      .select('custom_fields')
      .where('code', '=', 'CF1')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(cf1.custom_fields)).toEqual({ grade: 'AAA' });
  });
});
