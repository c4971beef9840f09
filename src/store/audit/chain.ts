import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../schema';

/** The `prev_hash` of the first entry of the chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields of an audit entry that its hash covers, as stored (types from the table; the set is
 * fixed, since changing it would change every hash), with the entry's place in the chain.
 */
export type ChainedFields = Pick<
  Selectable<AuditLogTable>,
  | 'at'
  | 'actor_id'
  | 'actor_name'
  | 'action'
  | 'entity'
  | 'entity_id'
  | 'before'
  | 'after'
  | 'request_id'
> & { seq: number };

/**
 * An instant in one spelling whatever the engine returned (PostgreSQL hands back timestamptz
 * parsed to ISO, SQLite the text as written), so a hash computed at write time matches the one
 * recomputed when verifying.
 */
function canonicalInstant(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(ms).toISOString();
}

/**
 * SHA-256 (hex) of an entry chained to its predecessor: a JSON array of the covered fields in a
 * fixed order, then the previous entry's hash. Changing any field, reordering entries or
 * removing one changes every hash after it.
 * @example chainHash({ seq: 1, at: '2026-11-27T10:00:00.000Z', … }, GENESIS_HASH) // '3f…'
 */
export function chainHash(e: ChainedFields, prevHash: string): string {
  const canonical = JSON.stringify([
    e.seq,
    canonicalInstant(e.at),
    e.actor_id,
    e.actor_name,
    e.action,
    e.entity,
    e.entity_id,
    e.before,
    e.after,
    e.request_id,
    prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
