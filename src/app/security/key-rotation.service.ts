import { sql } from 'kysely';
import { DomainError } from '../../domain/errors';
import { readJsonSetting, writeJsonSetting } from '../../store/json-settings.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { SECRET_CONTEXT } from '../webhooks/webhook-secret';

/** A column holding `v1:<keyId>:…` values, with the context its values are bound to. */
export interface EncryptedColumn {
  table: 'contacts' | 'tickets' | 'webhook_endpoints';
  column: string;
  context: string;
}

/**
 * Every column that stores encrypted values. A capability that adds one adds it here, so key
 * rotation keeps covering all personal data.
 */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  { table: 'contacts', column: 'phone_enc', context: 'contact.phone' },
  { table: 'contacts', column: 'email_enc', context: 'contact.email' },
  { table: 'contacts', column: 'id_number_enc', context: 'contact.id_number' },
  { table: 'tickets', column: 'contact_phone_enc', context: 'ticket.contact_phone' },
  { table: 'webhook_endpoints', column: 'secret_enc', context: SECRET_CONTEXT },
];

/** Where a rotation stands, kept in `settings` so an interrupted run continues where it stopped. */
export interface RotationCheckpoint {
  activeKeyId: string;
  /** `table.column` being worked on. */
  target: string;
  /** Highest row id of that column already handled. */
  lastId: number;
  rotated: number;
  batches: number;
  startedAt: string;
  finishedAt?: string;
}

export const ROTATION_SETTING = 'keys.rotation';

export interface RotateOptions {
  batchSize?: number;
  /** Stop after this many batches (the run can be continued by running it again). */
  maxBatches?: number;
  onProgress?: (p: { target: string; rotated: number; batches: number }) => void;
}

export interface RotateResult {
  activeKeyId: string;
  /** Values re-encrypted by this run. */
  rotated: number;
  batches: number;
  /** Whether every column was walked to its end. */
  complete: boolean;
  /** Whether this run continued an interrupted one. */
  resumed: boolean;
  /** Values still under another key (counted when complete; 0 means done). */
  remaining: number | null;
}

const name = (c: EncryptedColumn) => `${c.table}.${c.column}`;

/**
 * Re-encrypts every stored encrypted value under the active key, in batches of one transaction
 * each (values, checkpoint and one audit entry with counts commit together), so killing the run
 * loses at most the batch in flight and running it again continues from the checkpoint. Values
 * already under the active key are skipped, so a second run over finished columns costs one
 * indexed scan. Lookup hashes are untouched: they use the hash key, which does not rotate.
 * A value changed by someone else between read and write is left alone (it was written under
 * the active key by the server, or the next run takes it).
 */
export async function rotateKeys(
  deps: Deps,
  ctx: Ctx,
  opts: RotateOptions = {},
): Promise<RotateResult> {
  requirePermission(ctx, 'settings.manage');
  const db = deps.store.db;
  const keyring = deps.keyring;
  const active = keyring.activeKeyId;
  const prefix = `v1:${active}:`;
  const batchSize = opts.batchSize ?? 500;
  const saved = await readJsonSetting<RotationCheckpoint>(db, ROTATION_SETTING);
  const resumed = !!saved && saved.activeKeyId === active && !saved.finishedAt;
  const cp: RotationCheckpoint = resumed
    ? { ...saved }
    : {
        activeKeyId: active,
        target: name(ENCRYPTED_COLUMNS[0]!),
        lastId: 0,
        rotated: 0,
        batches: 0,
        startedAt: ctx.now().toISOString(),
      };
  let rotated = 0;
  let batches = 0;
  const startAt = Math.max(
    0,
    ENCRYPTED_COLUMNS.findIndex((c) => name(c) === cp.target),
  );
  for (const col of ENCRYPTED_COLUMNS.slice(startAt)) {
    if (name(col) !== cp.target) {
      cp.target = name(col);
      cp.lastId = 0;
    }
    for (;;) {
      if (opts.maxBatches !== undefined && batches >= opts.maxBatches) {
        return { activeKeyId: active, rotated, batches, complete: false, resumed, remaining: null };
      }
      const { rows } = await sql<{ id: number; value: string }>`
        select id, ${sql.ref(col.column)} as value from ${sql.table(col.table)}
        where id > ${cp.lastId} and ${sql.ref(col.column)} is not null
          and substr(${sql.ref(col.column)}, 1, ${prefix.length}) <> ${prefix}
        order by id limit ${batchSize}`.execute(db);
      if (rows.length === 0) break;
      const fromId = Number(rows[0]!.id);
      const toId = Number(rows[rows.length - 1]!.id);
      let changed = 0;
      await db.transaction().execute(async (trx) => {
        for (const r of rows) {
          let next: string;
          try {
            next = keyring.reencrypt(r.value, col.context);
          } catch (e) {
            const reason = e instanceof DomainError ? e.message : String(e);
            throw new DomainError(
              'INTERNAL',
              `${name(col)} of row ${r.id} cannot be re-encrypted: ${reason}`,
              { table: col.table, column: col.column, id: Number(r.id) },
            );
          }
          const res = await sql`
            update ${sql.table(col.table)} set ${sql.ref(col.column)} = ${next}
            where id = ${r.id} and ${sql.ref(col.column)} = ${r.value}`.execute(trx);
          changed += Number(res.numAffectedRows ?? 0);
        }
        cp.lastId = toId;
        cp.rotated += changed;
        cp.batches += 1;
        await writeJsonSetting(trx, ROTATION_SETTING, cp, ctx.now().toISOString());
        await writeAudit(trx, ctx, {
          action: 'keys.rotate_batch',
          entity: 'encryption_key',
          entityId: active,
          after: { column: name(col), fromId, toId, rotated: changed, read: rows.length },
        });
      });
      rotated += changed;
      batches += 1;
      opts.onProgress?.({ target: name(col), rotated, batches });
    }
  }
  const remaining = await countNotUnder(deps, active);
  const finishedAt = ctx.now().toISOString();
  await db.transaction().execute(async (trx) => {
    await writeJsonSetting(trx, ROTATION_SETTING, { ...cp, finishedAt }, finishedAt);
    await writeAudit(trx, ctx, {
      action: 'keys.rotate',
      entity: 'encryption_key',
      entityId: active,
      after: { rotated: cp.rotated, batches: cp.batches, remaining, resumed },
    });
  });
  return { activeKeyId: active, rotated, batches, complete: true, resumed, remaining };
}

/** How many stored values are encrypted under another key than `keyId`. */
export async function countNotUnder(deps: Deps, keyId: string): Promise<number> {
  const prefix = `v1:${keyId}:`;
  let n = 0;
  for (const col of ENCRYPTED_COLUMNS) {
    const { rows } = await sql<{ n: number }>`
      select count(*) as n from ${sql.table(col.table)}
      where ${sql.ref(col.column)} is not null
        and substr(${sql.ref(col.column)}, 1, ${prefix.length}) <> ${prefix}`.execute(
      deps.store.db,
    );
    n += Number(rows[0]?.n ?? 0);
  }
  return n;
}

/** Values per key id across every encrypted column, e.g. { k1: 120, k2: 3400 }. */
export async function countByKey(deps: Deps): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const col of ENCRYPTED_COLUMNS) {
    // The key id sits between the first and the second colon of `v1:<keyId>:…`.
    const { rows } = await sql<{ value: string }>`
      select ${sql.ref(col.column)} as value from ${sql.table(col.table)}
      where ${sql.ref(col.column)} is not null`.execute(deps.store.db);
    for (const r of rows) {
      const id = deps.keyring.keyIdOf(r.value) ?? '(unreadable)';
      out[id] = (out[id] ?? 0) + 1;
    }
  }
  return out;
}
