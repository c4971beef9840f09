import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { dateText, instantText } from '../row-values';
import type { DB } from '../schema';

export interface HistoryRow {
  id: number;
  schemeId: number;
  customerId: number;
  code: string;
  name: string;
  fromTier: string | null;
  toTier: string | null;
  reason: string | null;
  publicationId: number | null;
  runId: number | null;
  cycleId: number | null;
  approverId: number | null;
  approverName: string | null;
  effectiveFrom: string;
  createdAt: string;
}

function base(db: Kysely<DB>) {
  return db
    .selectFrom('tier_history as h')
    .innerJoin('customers as c', 'c.id', 'h.customer_id')
    .leftJoin('users as u', 'u.id', 'h.approver_id')
    .select([
      'h.id',
      'h.scheme_id',
      'h.customer_id',
      'c.code',
      'c.name',
      'h.from_tier',
      'h.to_tier',
      'h.reason',
      'h.publication_id',
      'h.run_id',
      'h.cycle_id',
      'h.approver_id',
      'u.display_name as approver_name',
      'h.effective_from',
      'h.created_at',
    ]);
}

function toRow(r: Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number]): HistoryRow {
  const n = (v: unknown) => (v == null ? null : Number(v));
  return {
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    customerId: Number(r.customer_id),
    code: r.code,
    name: r.name,
    fromTier: r.from_tier,
    toTier: r.to_tier,
    reason: r.reason,
    publicationId: n(r.publication_id),
    runId: n(r.run_id),
    cycleId: n(r.cycle_id),
    approverId: n(r.approver_id),
    approverName: r.approver_name ?? null,
    effectiveFrom: dateText(r.effective_from),
    createdAt: instantText(r.created_at),
  };
}

/** A customer's tier changes in every scheme, newest first. */
export async function customerHistory(db: Kysely<DB>, customerId: number): Promise<HistoryRow[]> {
  const rows = await base(db)
    .where('h.customer_id', '=', customerId)
    .orderBy('h.effective_from', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map(toRow);
}

/** The last change per scheme effective on or before a date: the tier held that day. */
export async function tiersOnDate(
  db: Kysely<DB>,
  customerId: number,
  date: string,
): Promise<HistoryRow[]> {
  const rows = await base(db)
    .where('h.customer_id', '=', customerId)
    .where('h.effective_from', '<=', date)
    .orderBy('h.effective_from', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  const latest = new Map<number, HistoryRow>();
  for (const r of rows.map(toRow)) if (!latest.has(r.schemeId)) latest.set(r.schemeId, r);
  return [...latest.values()];
}

/**
 * A page of the changes one publication made; `pairs` (from, to) limits them to upgrades or
 * downgrades, as the caller works out from the tier ranks, and `rows` to the customers of the
 * reader's row scope (the total counts those only).
 */
export async function publicationChanges(
  db: Kysely<DB>,
  publicationId: number,
  pairs: readonly [string | null, string | null][] | undefined,
  page: number,
  pageSize: number,
  rows?: CustomerFilter,
): Promise<{ items: HistoryRow[]; total: number }> {
  if (pairs && pairs.length === 0) return { items: [], total: 0 };
  let q = base(db).where('h.publication_id', '=', publicationId);
  const inScope = rows ? scopeCondition(rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  if (pairs)
    q = q.where((eb) =>
      eb.or(
        pairs.map(([from, to]) =>
          eb.and([
            from === null ? eb('h.from_tier', 'is', null) : eb('h.from_tier', '=', from),
            to === null ? eb('h.to_tier', 'is', null) : eb('h.to_tier', '=', to),
          ]),
        ),
      ),
    );
  const total = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const found = await q
    .orderBy('c.code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: found.map(toRow), total: Number(total.n) };
}
