import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeAudit } from '../../src/app/audit';
import { systemCtx } from '../../src/app/context';
import { type CliSandbox, cliSandbox } from '../support/cli';

let box: CliSandbox;

beforeAll(async () => {
  box = cliSandbox('tierdesk-audit-cli-');
  const deps = await box.openDeps();
  for (let i = 0; i < 3; i++) {
    await writeAudit(deps.store.db, systemCtx(), {
      action: 'customer.update',
      entity: 'customer',
      entityId: i,
      after: { name: i === 1 ? '=HYPERLINK("http://x")' : `c${i}` },
    });
  }
  await deps.store.close();
});

afterAll(() => box.dispose());

it('verifies the chain, exports it, and exits 1 naming the first tampered entry', async () => {
  const ok = await box.tierdesk('audit', 'verify');
  expect(ok.stdout).toMatch(/Audit chain intact: \d+ entries/);
  const head = /Head \(seq:hash\): (\d+:[0-9a-f]{64})/.exec(ok.stdout)![1]!;

  const csv = await box.tierdesk('audit', 'export', '--action', 'customer.', '--lang', 'en');
  expect(csv.stdout).toContain('Seq,At,Actor,Action');
  expect(csv.stdout.trim().split('\n')).toHaveLength(4);

  // Someone with the database file edits an entry, dropping the trigger first.
  const raw = new SqliteDatabase(`${box.dir}/cli.db`);
  const victim = raw
    .prepare("select id, seq from audit_log where action = 'customer.update' order by seq limit 1")
    .get() as { id: number; seq: number };
  raw.exec('drop trigger audit_log_no_update');
  raw.prepare("update audit_log set after = '{}' where id = ?").run(victim.id);
  raw.close();

  const bad = await box.failing('audit', 'verify', '--anchor', head);
  expect(bad.code).toBe(1);
  expect(bad.stdout).toContain(
    `First broken entry: id ${victim.id}, seq ${victim.seq} (hash_mismatch)`,
  );
}, 120_000);
