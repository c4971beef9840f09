import { type Kysely, sql } from 'kysely';
import { type ChainedFields, chainHash, GENESIS_HASH } from '../audit/chain';
import { isPostgres, types } from './column-types';

const BATCH = 1000;

/**
 * A tamper-evident, append-only audit log. Every entry gets its place in the chain (`seq`, 1, 2,
 * 3 … in the order entries were written), the hash of its predecessor (`prev_hash`) and its own
 * hash over its fields and `prev_hash` (store/audit/chain.ts). Entries written before this
 * migration are chained here in id order. Afterwards triggers refuse UPDATE and DELETE (and
 * TRUNCATE on PostgreSQL), so no code path, and no one with only the application's rights,
 * can rewrite history without `tierdesk audit verify` noticing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await db.schema.alterTable('audit_log').addColumn('seq', t.big).execute();
  await db.schema.alterTable('audit_log').addColumn('prev_hash', 'text').execute();
  await db.schema.alterTable('audit_log').addColumn('hash', 'text').execute();

  await chainExisting(db);

  // Verification walks and every write reads the head by seq: one unique index serves both and
  // makes two entries claiming the same place impossible.
  await db.schema.createIndex('audit_log_seq_ux').on('audit_log').column('seq').unique().execute();

  if (isPostgres(db)) {
    await sql`
      create or replace function audit_log_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_log is append-only: % is not allowed', tg_op
          using errcode = 'insufficient_privilege';
      end $$`.execute(db);
    await sql`
      create trigger audit_log_no_change before update or delete on audit_log
      for each row execute function audit_log_append_only()`.execute(db);
    await sql`
      create trigger audit_log_no_truncate before truncate on audit_log
      for each statement execute function audit_log_append_only()`.execute(db);
  } else {
    await sql`
      create trigger audit_log_no_update before update on audit_log
      begin select raise(abort, 'audit_log is append-only: UPDATE is not allowed'); end`.execute(
      db,
    );
    await sql`
      create trigger audit_log_no_delete before delete on audit_log
      begin select raise(abort, 'audit_log is append-only: DELETE is not allowed'); end`.execute(
      db,
    );
  }
}

type Row = ChainedFields & { id: number };

/** Chains the entries already present, in id order, in batches of one UPDATE … FROM (VALUES). */
async function chainExisting(db: Kysely<unknown>): Promise<void> {
  let prev = GENESIS_HASH;
  let seq = 0;
  let lastId = 0;
  for (;;) {
    const { rows } = await sql<Omit<Row, 'seq'>>`
      select id, at, actor_id, actor_name, action, entity, entity_id, before, after, request_id
      from audit_log where id > ${lastId} order by id limit ${BATCH}`.execute(db);
    if (rows.length === 0) return;
    const values = [];
    for (const r of rows) {
      seq += 1;
      const hash = chainHash({ ...r, seq }, prev);
      values.push(
        sql`(cast(${r.id} as bigint), cast(${seq} as bigint), cast(${prev} as text), cast(${hash} as text))`,
      );
      prev = hash;
      lastId = Number(r.id);
    }
    await sql`
      update audit_log set seq = v.column2, prev_hash = v.column3, hash = v.column4
      from (values ${sql.join(values)}) as v
      where audit_log.id = v.column1`.execute(db);
  }
}
