import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { instantText } from '../row-values';
import type { DB } from '../schema';

export interface FiringInsert {
  rule: string;
  customerId: number;
  dedupeKey: string;
  period: string;
  evidence: unknown;
  firedAt: string;
  source: 'event' | 'sweep' | 'manual';
  jobId: number | null;
}

/**
 * Inserts firings with what they do, skipping any whose dedupe key exists (a concurrent
 * evaluation got there first); returns the new ids by dedupe key. Multi-row statements, so a
 * sweep batch costs a few round trips rather than one per firing.
 */
export async function insertFirings(
  db: Kysely<DB>,
  rows: readonly (FiringInsert & { actions: unknown })[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const inserted = await db
      .insertInto('automation_firings')
      .values(
        chunk.map((f) => ({
          rule: f.rule,
          customer_id: f.customerId,
          dedupe_key: f.dedupeKey,
          period: f.period,
          evidence: JSON.stringify(f.evidence),
          actions: JSON.stringify(f.actions),
          fired_at: f.firedAt,
          source: f.source,
          job_id: f.jobId,
        })),
      )
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'dedupe_key'])
      .execute();
    for (const r of inserted) out.set(r.dedupe_key, Number(r.id));
  }
  return out;
}

/** Which of these dedupe keys already fired (one query for a sweep batch). */
export async function firedKeys(db: Kysely<DB>, keys: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .selectFrom('automation_firings')
      .select('dedupe_key')
      .where('dedupe_key', 'in', chunk)
      .execute();
    for (const r of rows) out.add(r.dedupe_key);
  }
  return out;
}

export interface FiringRow {
  id: number;
  rule: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  dedupeKey: string;
  period: string;
  evidence: Record<string, unknown>;
  actions: unknown[];
  firedAt: string;
  source: string;
  jobId: number | null;
}

export interface FiringFilter {
  rule?: string;
  customerId?: number;
  /** Instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  limit: number;
  offset: number;
  /** The reader's row scope: only firings of these customers. */
  rows?: CustomerFilter | undefined;
}

/** Firings newest first, with the customer's code and name, and the total for paging. */
export async function listFirings(
  db: Kysely<DB>,
  f: FiringFilter,
): Promise<{ items: FiringRow[]; total: number }> {
  let q = db
    .selectFrom('automation_firings as f')
    .innerJoin('customers as c', 'c.id', 'f.customer_id');
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (f.rule) q = q.where('f.rule', '=', f.rule);
  if (f.customerId) q = q.where('f.customer_id', '=', f.customerId);
  if (f.from) q = q.where('f.fired_at', '>=', f.from);
  if (f.to) q = q.where('f.fired_at', '<', f.to);
  const [rows, total] = await Promise.all([
    q
      .select([
        'f.id',
        'f.rule',
        'f.customer_id',
        'c.code',
        'c.name',
        'f.dedupe_key',
        'f.period',
        'f.evidence',
        'f.actions',
        'f.fired_at',
        'f.source',
        'f.job_id',
      ])
      .orderBy('f.fired_at', 'desc')
      .orderBy('f.id', 'desc')
      .limit(f.limit)
      .offset(f.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      rule: r.rule,
      customerId: Number(r.customer_id),
      customerCode: r.code,
      customerName: r.name,
      dedupeKey: r.dedupe_key,
      period: r.period,
      evidence: JSON.parse(r.evidence) as Record<string, unknown>,
      actions: JSON.parse(r.actions) as unknown[],
      firedAt: instantText(r.fired_at),
      source: r.source,
      jobId: r.job_id === null ? null : Number(r.job_id),
    })),
  };
}
