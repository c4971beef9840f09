import type { Kysely } from 'kysely';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { scopeCondition } from '../customer-scope';
import { dateTextOrNull, instantText, instantTextOrNull } from '../row-values';
import type { DB } from '../schema';

export interface ApplicationFilter {
  id?: number | undefined;
  status?: string | undefined;
  schemeId?: number | undefined;
  customerId?: number | undefined;
  /** The reader's row scope: only applications of these customers. */
  rows?: CustomerFilter | undefined;
}

/** Upgrade applications with the customer's code and name, newest first (at most 500). */
export async function listApplications(db: Kysely<DB>, f: ApplicationFilter) {
  let q = db
    .selectFrom('upgrade_applications as a')
    .innerJoin('customers as c', 'c.id', 'a.customer_id')
    .selectAll('a')
    .select(['c.code', 'c.name']);
  if (f.id !== undefined) q = q.where('a.id', '=', f.id);
  if (f.status) q = q.where('a.status', '=', f.status);
  if (f.schemeId) q = q.where('a.scheme_id', '=', f.schemeId);
  if (f.customerId) q = q.where('a.customer_id', '=', f.customerId);
  const inScope = f.rows ? scopeCondition(f.rows, 'c') : undefined;
  if (inScope) q = q.where(inScope);
  const rows = await q.orderBy('a.id', 'desc').limit(500).execute();
  const n = (v: unknown) => (v == null ? null : Number(v));
  return rows.map((r) => ({
    id: Number(r.id),
    schemeId: Number(r.scheme_id),
    customerId: Number(r.customer_id),
    customerCode: r.code,
    customerName: r.name,
    currentTier: r.current_tier,
    requestedTier: r.requested_tier,
    reason: r.reason,
    applicantId: n(r.applicant_id),
    status: r.status as 'pending' | 'approved' | 'rejected' | 'withdrawn',
    decidedBy: n(r.decided_by),
    decidedAt: instantTextOrNull(r.decided_at),
    decisionNote: r.decision_note,
    expiresOn: dateTextOrNull(r.expires_on),
    overrideId: n(r.override_id),
    createdAt: instantText(r.created_at),
  }));
}

/** One upgrade application, or undefined. */
export async function findApplication(db: Kysely<DB>, id: number) {
  return (await listApplications(db, { id }))[0];
}
