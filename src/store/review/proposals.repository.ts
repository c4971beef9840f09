import { type Kysely, sql } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { likeContains } from '../errors';
import { instantTextOrNull } from '../row-values';
import type { DB, ReviewProposalsTable } from '../schema';

export interface ProposalRow {
  customerId: number;
  code: string;
  name: string;
  region: string | null;
  ownerId: number | null;
  computedTier: string;
  score: number | null;
  previousTier: string | null;
  proposedTier: string | null;
  proposalReason: string | null;
  proposedBy: number | null;
  proposedAt: string | null;
  creditGrade: string | null;
  receivablesConfirmed: boolean | null;
  financeNote: string | null;
  financeBy: number | null;
  financeAt: string | null;
  revisedTier: string | null;
  revisionReason: string | null;
  revisedBy: number | null;
  revisedAt: string | null;
  version: number;
}

export interface ProposalFilter {
  cycleId: number;
  /** Only customers of this region (a sales manager sees their own region). */
  region?: string | null | undefined;
  /** Only proposals whose final tier is this one. */
  tier?: string | undefined;
  /** Only proposals whose final tier differs from the published tier (up or down). */
  changed?: boolean | undefined;
  /** Only proposals whose final tier differs from the published one by one of these pairs. */
  moves?: readonly [string, string][] | undefined;
  /** Only proposals a step has not touched yet. */
  pending?: 'rate' | 'finance' | undefined;
  q?: string | undefined;
  /** The reader's row scope: only proposals of these customers. */
  rows?: CustomerFilter | undefined;
}

function base(db: Kysely<DB>, f: ProposalFilter) {
  let q = db
    .selectFrom('review_proposals as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .where('p.cycle_id', '=', f.cycleId);
  if (f.region) q = q.where('c.region', '=', f.region);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  // The final tier: the review meeting's, else the proposal's, else the computed one.
  const final = sql<string>`coalesce(p.revised_tier, p.proposed_tier, p.computed_tier)`;
  if (f.tier) q = q.where(final, '=', f.tier);
  if (f.changed)
    q = q.where((eb) =>
      eb.or([eb('p.previous_tier', 'is', null), eb(final, '!=', eb.ref('p.previous_tier'))]),
    );
  if (f.moves) {
    const moves = f.moves;
    // The caller passes at least one pair (an empty list matches nothing and is not queried).
    q = q.where((eb) =>
      eb.or(
        moves.map(([from, to]) => eb.and([eb('p.previous_tier', '=', from), eb(final, '=', to)])),
      ),
    );
  }
  if (f.pending === 'rate') q = q.where('p.proposed_by', 'is', null);
  if (f.pending === 'finance') q = q.where('p.finance_by', 'is', null);
  if (f.q) {
    const like = sql<string>`${likeContains(f.q)} escape '\\'`;
    q = q.where((eb) => eb.or([eb('c.code', 'like', like), eb('c.name', 'like', like)]));
  }
  return q;
}

const COLUMNS = [
  'p.customer_id',
  'c.code',
  'c.name',
  'c.region',
  'c.owner_id',
  'p.computed_tier',
  'p.score',
  'p.previous_tier',
  'p.proposed_tier',
  'p.proposal_reason',
  'p.proposed_by',
  'p.proposed_at',
  'p.credit_grade',
  'p.receivables_confirmed',
  'p.finance_note',
  'p.finance_by',
  'p.finance_at',
  'p.revised_tier',
  'p.revision_reason',
  'p.revised_by',
  'p.revised_at',
  'p.version',
] as const;

function toProposal(r: Record<string, unknown>): ProposalRow {
  const n = (v: unknown) => (v == null ? null : Number(v));
  return {
    customerId: Number(r.customer_id),
    code: String(r.code),
    name: String(r.name),
    region: (r.region as string | null) ?? null,
    ownerId: n(r.owner_id),
    computedTier: String(r.computed_tier),
    score: n(r.score),
    previousTier: (r.previous_tier as string | null) ?? null,
    proposedTier: (r.proposed_tier as string | null) ?? null,
    proposalReason: (r.proposal_reason as string | null) ?? null,
    proposedBy: n(r.proposed_by),
    proposedAt: instantTextOrNull(r.proposed_at),
    creditGrade: (r.credit_grade as string | null) ?? null,
    receivablesConfirmed:
      r.receivables_confirmed == null ? null : Number(r.receivables_confirmed) === 1,
    financeNote: (r.finance_note as string | null) ?? null,
    financeBy: n(r.finance_by),
    financeAt: instantTextOrNull(r.finance_at),
    revisedTier: (r.revised_tier as string | null) ?? null,
    revisionReason: (r.revision_reason as string | null) ?? null,
    revisedBy: n(r.revised_by),
    revisedAt: instantTextOrNull(r.revised_at),
    version: Number(r.version),
  };
}

/** A page of a cycle's proposals in score order, with the number matching the filter. */
export async function listProposals(
  db: Kysely<DB>,
  f: ProposalFilter,
  page: number,
  pageSize: number,
): Promise<{ items: ProposalRow[]; total: number }> {
  const total = await base(db, f)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base(db, f)
    .select(COLUMNS)
    .orderBy('p.score', 'desc')
    .orderBy('c.code')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { items: rows.map((r) => toProposal(r)), total: Number(total.n) };
}

/** Every proposal matching a filter, in customer order, read in batches (exports, publish). */
export async function* iterateProposals(
  db: Kysely<DB>,
  f: ProposalFilter,
  batch = 5000,
): AsyncGenerator<ProposalRow> {
  let after = 0;
  for (;;) {
    const rows = await base(db, f)
      .select(COLUMNS)
      .where('p.customer_id', '>', after)
      .orderBy('p.customer_id')
      .limit(batch)
      .execute();
    if (rows.length === 0) return;
    for (const r of rows) yield toProposal(r);
    after = Number(rows[rows.length - 1]!.customer_id);
  }
}

/** One proposal, or undefined (also when `rows` is given and leaves its customer out). */
export async function findProposal(
  db: Kysely<DB>,
  cycleId: number,
  customerId: number,
  rows?: CustomerFilter,
): Promise<ProposalRow | undefined> {
  const r = await base(db, { cycleId, rows })
    .select(COLUMNS)
    .where('p.customer_id', '=', customerId)
    .executeTakeFirst();
  return r && toProposal(r);
}

/**
 * Saves a change to a proposal if it is still at `version` (optimistic locking) and bumps the
 * version. False when someone saved first.
 */
export async function updateProposal(
  db: Kysely<DB>,
  cycleId: number,
  customerId: number,
  version: number,
  set: Partial<Omit<ReviewProposalsTable, 'cycle_id' | 'customer_id' | 'version'>>,
): Promise<boolean> {
  const r = await db
    .updateTable('review_proposals')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('cycle_id', '=', cycleId)
    .where('customer_id', '=', customerId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Counts of a cycle's proposals: total, rated, finance done, revised, changed against published. */
export async function proposalProgress(db: Kysely<DB>, cycleId: number, region?: string | null) {
  const r = await base(db, { cycleId, region })
    .select((eb) => [
      eb.fn.countAll<string | number>().as('total'),
      eb.fn.count<string | number>('p.proposed_by').as('rated'),
      eb.fn.count<string | number>('p.finance_by').as('finance'),
      eb.fn.count<string | number>('p.revised_by').as('revised'),
    ])
    .executeTakeFirstOrThrow();
  return {
    total: Number(r.total),
    rated: Number(r.rated),
    finance: Number(r.finance),
    revised: Number(r.revised),
  };
}

/** Revenue (minor units) per customer over a month range, from the monthly rollups. */
export async function revenueOf(
  db: Kysely<DB>,
  customerIds: readonly number[],
  fromMonth: string,
  toMonth: string,
): Promise<Map<number, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('customer_month_rollups')
    .select(['customer_id', (eb) => eb.fn.sum<string | number>('revenue_minor').as('revenue')])
    .where('customer_id', 'in', customerIds)
    .where('month', '>=', fromMonth)
    .where('month', '<=', toMonth)
    .groupBy('customer_id')
    .execute();
  return new Map(rows.map((r) => [Number(r.customer_id), Number(r.revenue)]));
}

/** Each customer's criterion points in a run (the evaluation form's columns). */
export async function pointsOf(
  db: Kysely<DB>,
  runId: number,
  customerIds: readonly number[],
): Promise<Map<number, Record<string, number | null>>> {
  if (customerIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('tier_results')
    .select(['customer_id', 'points'])
    .where('run_id', '=', runId)
    .where('customer_id', 'in', customerIds)
    .execute();
  return new Map(
    rows.map((r) => [
      Number(r.customer_id),
      r.points === null ? {} : (JSON.parse(r.points) as Record<string, number | null>),
    ]),
  );
}

/** Display names of users, for "who" columns. */
export async function userNames(
  db: Kysely<DB>,
  ids: readonly (number | null)[],
): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((x): x is number => x !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [Number(r.id), r.display_name]));
}
