import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { writeAudit } from '../../src/app/audit';
import { verifyAuditChain } from '../../src/app/audit-trail/verify.service';
import { systemCtx } from '../../src/app/context';
import type { Deps } from '../../src/app/deps';
import { openWriteSession } from '../../src/store/write-session';
import { describeEachEngine } from '../support/engines';

const sys = systemCtx();

/** An audited change: a setting written and its audit entry, in one transaction. */
async function auditedChange(deps: Deps, n: number): Promise<void> {
  await deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('settings')
      .values({ key: `chain-${n}`, value: String(n), updated_at: new Date().toISOString() })
      .execute();
    await writeAudit(trx, sys, {
      action: 'setting.set',
      entity: 'setting',
      entityId: `chain-${n}`,
      after: { n },
    });
  });
}

/** Runs raw SQL with the append-only triggers off, as someone with the database's keys could. */
async function behindTheBack(deps: Deps, statement: string): Promise<void> {
  const db = deps.store.db;
  if (deps.store.engine === 'postgres') {
    await sql.raw('alter table audit_log disable trigger user').execute(db);
    try {
      await sql.raw(statement).execute(db);
    } finally {
      await sql.raw('alter table audit_log enable trigger user').execute(db);
    }
    return;
  }
  const s = deps.store.sqlite!;
  s.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete');
  try {
    s.exec(statement);
  } finally {
    s.exec(`create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only: UPDATE is not allowed'); end;
      create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only: DELETE is not allowed'); end;`);
  }
}

describeEachEngine('audit chain', ({ deps, engine }) => {
  it('chains every entry and verifies, also for concurrent writers and write sessions', async () => {
    for (let i = 0; i < 5; i++) await auditedChange(deps(), i);
    // A write session (imports, demo loads) appends inside its own long transaction.
    const writeSessionAppend = async () => {
      const session = await openWriteSession(deps().store);
      await writeAudit(session.db, sys, { action: 'import.test', entity: 'import_run' });
      await session.commit();
    };
    // SQLite's second connection would make the main one wait synchronously: sequential there.
    if (engine === 'sqlite') await writeSessionAppend();
    // Writers racing: transactions, bare handles (and on PostgreSQL a write session) at once.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => auditedChange(deps(), 100 + i)),
      ...Array.from({ length: 5 }, (_, i) =>
        writeAudit(deps().store.db, sys, { action: 'export.test', entity: 'x', entityId: i }),
      ),
      ...(engine === 'postgres' ? [writeSessionAppend()] : []),
    ]);
    const rows = await deps()
      .store.db.selectFrom('audit_log')
      .select(['seq', 'prev_hash', 'hash'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    const report = await verifyAuditChain(deps(), sys, { batchSize: 7 });
    expect(report.problem).toBeNull();
    expect(report).toMatchObject({ ok: true, entries: rows.length });
    expect(report.headHash).toBe(rows[rows.length - 1]!.hash);
  });

  it('refuses UPDATE and DELETE of audit entries (and TRUNCATE on PostgreSQL)', async () => {
    const db = deps().store.db;
    await expect(db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    if (engine === 'postgres') {
      await expect(sql.raw('truncate audit_log').execute(db)).rejects.toThrow(/append-only/);
    }
    expect((await verifyAuditChain(deps(), sys)).ok).toBe(true);
  });

  it('finds an edited entry, a forged one, a deleted one and a rewritten head', async () => {
    const db = deps().store.db;
    const mid = await db
      .selectFrom('audit_log')
      .select(['id', 'seq', 'after', 'hash'])
      .where('seq', '=', 3)
      .executeTakeFirstOrThrow();
    const head = await verifyAuditChain(deps(), sys);
    const anchor = { seq: head.headSeq!, hash: head.headHash! };

    await behindTheBack(deps(), `update audit_log set after = '{"n":999}' where id = ${mid.id}`);
    let r = await verifyAuditChain(deps(), sys);
    expect(r.problem).toMatchObject({ kind: 'hash_mismatch', id: mid.id, seq: 3 });
    expect(r.entries).toBe(2);
    await behindTheBack(deps(), `update audit_log set after = '${mid.after}' where id = ${mid.id}`);
    expect((await verifyAuditChain(deps(), sys)).ok).toBe(true);

    // A row inserted around the application, without a place in the chain.
    await db
      .insertInto('audit_log')
      .values({
        at: new Date().toISOString(),
        actor_id: null,
        actor_name: 'intruder',
        action: 'customer.update',
        entity: 'customer',
        entity_id: '1',
        before: null,
        after: null,
        request_id: null,
        seq: null,
        prev_hash: null,
        hash: null,
      })
      .execute();
    r = await verifyAuditChain(deps(), sys);
    expect(r.problem?.kind).toBe('unchained');
    await behindTheBack(deps(), `delete from audit_log where seq is null`);

    // The whole tail rewritten consistently from entry 3 on: only a recorded anchor tells.
    await behindTheBack(deps(), `delete from audit_log where seq = ${anchor.seq}`);
    r = await verifyAuditChain(deps(), sys, { anchors: [anchor] });
    expect(r.problem).toMatchObject({ kind: 'anchor_mismatch', seq: anchor.seq });

    // An entry deleted in the middle.
    await behindTheBack(deps(), `delete from audit_log where id = ${mid.id}`);
    r = await verifyAuditChain(deps(), sys);
    expect(r.problem).toMatchObject({ kind: 'gap', seq: 4 });
    expect(r.problem?.message).toMatch(/entry 3 of the chain is missing/);
  });
});
