import type { Kysely } from 'kysely';
import { appendAuditEntry } from '../store/audit/audit.repository';
import type { DB } from '../store/schema';
import type { Ctx } from './context';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/**
 * The one audit writer. Call it with the transaction that makes the change, so the change and
 * its record commit or roll back together. Each entry is chained to the previous one by a hash
 * (store/audit/chain.ts), so an entry changed or removed later is found by `tierdesk audit
 * verify`; the table itself refuses UPDATE and DELETE (migration 0025).
 */
export async function writeAudit(db: Kysely<DB>, ctx: Ctx, entry: AuditEntry): Promise<void> {
  await appendAuditEntry(db, {
    at: ctx.now().toISOString(),
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === undefined ? null : JSON.stringify(entry.after),
    request_id: ctx.requestId ?? null,
  });
}
