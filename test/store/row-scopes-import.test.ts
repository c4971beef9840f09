import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { userCtx } from '../../src/app/auth/users.service';
import { ensureFirstAdmin } from '../../src/app/bootstrap';
import { runImport } from '../../src/app/import/run-import';
import { describeEachEngine } from '../support/engines';
import { type ScopeCast, seedScopeCast } from '../support/row-scopes';

const mapping = {
  target: 'customers',
  columns: [
    { header: '客户编码', field: 'code' },
    { header: '客户名称', field: 'name' },
  ],
};

describeEachEngine('customer imports under a row scope', ({ deps }) => {
  let cast: ScopeCast;
  let file: string;

  beforeAll(async () => {
    await ensureFirstAdmin(deps());
    cast = await seedScopeCast(deps());
    file = join(mkdtempSync(join(tmpdir(), 'row-scope-import-')), 'customers.csv');
    writeFileSync(file, '客户编码,客户名称\nRS-A1,A1 新名称\nRS-B1,B1 被改名\nRS-NEW,新客户\n');
  });

  it('refuses the rows touching another owner’s customer; all or nothing writes nothing', async () => {
    const ctx = await userCtx(deps(), 'am-a');
    const input = { target: 'customers' as const, path: file, fileName: 'c.csv', mapping };
    const refused = await runImport(deps(), ctx, { ...input, mode: 'all_or_nothing' });
    expect(refused.status).toBe('rejected');
    expect(refused.issues).toEqual([
      expect.objectContaining({
        row: 3,
        field: 'code',
        message: expect.stringContaining('row scope'),
      }),
    ]);
    const b1 = await deps()
      .store.db.selectFrom('customers')
      .select('name')
      .where('id', '=', cast.customers.B1)
      .executeTakeFirstOrThrow();
    expect(b1.name).toBe('B1 客户');

    const valid = await runImport(deps(), ctx, { ...input, mode: 'valid_only' });
    expect(valid).toMatchObject({ status: 'committed', created: 1, updated: 1, rejected: 1 });
    const made = await deps()
      .store.db.selectFrom('customers')
      .select('owner_id')
      .where('code', '=', 'RS-NEW')
      .executeTakeFirstOrThrow();
    // A new customer imported by an own-scoped user is theirs.
    expect(Number(made.owner_id)).toBe(cast.users.a);
  });
});
