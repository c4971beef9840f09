import type { Kysely } from 'kysely';
import type {
  ComplaintEvidence,
  Firing,
  LatePaymentsEvidence,
} from '../../domain/policy/automation';
import { firedKeys, insertFirings } from '../../store/automation/firings.repository';
import type { RuleCustomer } from '../../store/automation/rule-facts.repository';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { dispatchEvent } from '../notifications/dispatch';

export interface ApplyOptions {
  source: 'event' | 'sweep' | 'manual';
  jobId: number | null;
  /** Active finance users, told of late payments alongside the owner. */
  financeIds: readonly number[];
}

type Action =
  | { type: 'term_adjustment'; steps: number }
  | { type: 'tag'; tag: string }
  | { type: 'review'; note: 'interim_review' }
  | { type: 'elimination_candidate' }
  | { type: 'alert' }
  | { type: 'notify'; userIds: number[] };

/** What a firing's rule does beyond telling people. */
function actionOf(f: Firing): Action {
  switch (f.rule) {
    case 'late_payments':
      return { type: 'term_adjustment', steps: (f.evidence as LatePaymentsEvidence).steps };
    case 'complaint_tag':
      return { type: 'tag', tag: (f.evidence as ComplaintEvidence).tag };
    // The interim review cycle takes provisional customers in by itself (insertProvisionalDue);
    // the firing tells the owner ahead of it.
    case 'provisional_due':
      return { type: 'review', note: 'interim_review' };
    // The elimination candidates list shows these customers; the firing tells the owner.
    case 'bottom_tier':
      return { type: 'elimination_candidate' };
    default:
      return { type: 'alert' };
  }
}

/** Payment terms down at once (customerPolicy reads adjustments on every order check), tags added. */
async function carryOut(
  trx: Kysely<DB>,
  ctx: Ctx,
  done: readonly { f: Firing; id: number }[],
  now: string,
): Promise<void> {
  const terms = done.filter((d) => d.f.rule === 'late_payments');
  for (let i = 0; i < terms.length; i += 500)
    await trx
      .insertInto('customer_term_adjustments')
      .values(
        terms.slice(i, i + 500).map(({ f, id }) => {
          const e = f.evidence as LatePaymentsEvidence;
          return {
            customer_id: f.customerId,
            steps: e.steps,
            reason: `${e.lateCount} late payments in ${e.quarter} (${e.invoices.map((x) => x.invoiceNo).join(', ')})`,
            source: 'automation',
            source_id: String(id),
            created_by: ctx.actor.id,
            created_at: now,
            expires_on: null,
            revoked_at: null,
            revoked_by: null,
          };
        }),
      )
      .execute();
  const tags = done.filter((d) => d.f.rule === 'complaint_tag');
  for (let i = 0; i < tags.length; i += 500)
    await trx
      .insertInto('customer_tags')
      .values(
        tags.slice(i, i + 500).map(({ f }) => ({
          customer_id: f.customerId,
          tag: (f.evidence as ComplaintEvidence).tag,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['customer_id', 'tag']).doNothing())
      .execute();
}

/**
 * Records and carries out firings inside the caller's transaction: for each one not fired
 * before (dedupe key), the firing row with its actions, the action itself (payment term down,
 * tag …), notices to the owner (and finance for late payments) and an audit entry with the
 * evidence. Firings already recorded are skipped, so evaluating the same facts again does
 * nothing. Returns how many new firings there were.
 */
export async function applyFirings(
  trx: Kysely<DB>,
  ctx: Ctx,
  firings: readonly Firing[],
  customers: ReadonlyMap<number, RuleCustomer>,
  opts: ApplyOptions,
): Promise<number> {
  if (firings.length === 0) return 0;
  const seen = await firedKeys(
    trx,
    firings.map((f) => f.dedupeKey),
  );
  const now = ctx.now().toISOString();
  // Skips keys fired before, and a key listed twice in this call.
  const unseen = (f: Firing) => {
    if (seen.has(f.dedupeKey)) return false;
    seen.add(f.dedupeKey);
    return true;
  };
  const fresh = firings.filter(unseen).map((f) => {
    const c = customers.get(f.customerId);
    const userIds = [
      ...new Set([
        ...(c?.ownerId != null ? [c.ownerId] : []),
        ...(f.rule === 'late_payments' ? opts.financeIds : []),
      ]),
    ];
    const actions: Action[] = [actionOf(f), { type: 'notify', userIds }];
    return { f, c, userIds, actions };
  });
  const ids = await insertFirings(
    trx,
    fresh.map(({ f, actions }) => ({
      rule: f.rule,
      customerId: f.customerId,
      dedupeKey: f.dedupeKey,
      period: f.period,
      evidence: f.evidence,
      actions,
      firedAt: now,
      source: opts.source,
      jobId: opts.jobId,
    })),
  );
  // A key missing from `ids` was inserted meanwhile by a concurrent evaluation: that one acts.
  const done = fresh.flatMap((x) => {
    const id = ids.get(x.f.dedupeKey);
    return id === undefined ? [] : [{ ...x, id }];
  });
  await carryOut(trx, ctx, done, now);
  for (const { f, c, id, userIds, actions } of done) {
    await dispatchEvent(trx, ctx, {
      kind: `automation.${f.rule}`,
      entity: 'customer',
      entityId: f.customerId,
      payload: {
        firingId: id,
        rule: f.rule,
        period: f.period,
        customerCode: c?.code ?? null,
        customerName: c?.name ?? null,
        evidence: f.evidence,
      },
      userIds,
      customerId: f.customerId,
    });
    await writeAudit(trx, ctx, {
      action: `automation.${f.rule}`,
      entity: 'automation_firing',
      entityId: id,
      after: {
        customerId: f.customerId,
        dedupeKey: f.dedupeKey,
        source: opts.source,
        jobId: opts.jobId,
        evidence: f.evidence,
        actions,
      },
    });
  }
  return done.length;
}
