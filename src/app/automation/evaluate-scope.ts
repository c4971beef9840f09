import type { Kysely } from 'kysely';
import {
  complaintWindowStart,
  evaluateBottomTier,
  evaluateComplaintTag,
  evaluateLatePayments,
  evaluateProvisionalDue,
  evaluateSatisfaction,
  evaluateSilentCustomer,
  type Firing,
  type InvoiceFact,
  lateQuarters,
  type RuleParams,
  satisfactionWindows,
} from '../../domain/policy/automation';
import { tierIdsByRank } from '../../domain/scheme/tier-order';
import type { CustomerScope, RuleCustomer } from '../../store/automation/rule-facts.repository';
import * as facts from '../../store/automation/rule-facts.repository';
import { serviceTierSchemeId } from '../../store/policy/service-tier.repository';
import type { DB } from '../../store/schema';
import { latestVersion } from '../../store/tiering/schemes.repository';
import type { RuleInForce } from './rules.service';

/** What every batch of one evaluation shares: today, the enabled rules, the service scheme. */
export interface EvaluationSetup {
  today: string;
  rules: Partial<{ [K in keyof RuleParams]: RuleParams[K] }>;
  schemeId: number | undefined;
  bottomTier: string | undefined;
}

/** Reads once what all batches need: enabled rules' parameters and the service scheme. */
export async function evaluationSetup(
  db: Kysely<DB>,
  rules: readonly RuleInForce[],
  today: string,
): Promise<EvaluationSetup> {
  const enabled: EvaluationSetup['rules'] = {};
  for (const r of rules) if (r.enabled) Object.assign(enabled, { [r.key]: r.params });
  // Only the tier rules need the service scheme; an event evaluating late payments skips it.
  const tiers = enabled.provisional_due !== undefined || enabled.bottom_tier !== undefined;
  const schemeId = tiers ? await serviceTierSchemeId(db) : undefined;
  const doc = schemeId === undefined ? undefined : (await latestVersion(db, schemeId))?.document;
  return { today, rules: enabled, schemeId, bottomTier: tierIdsByRank(doc).at(-1) };
}

/** Late invoices grouped by customer, evaluated against the quarters of today. */
function lateFirings(
  rows: facts.LateInvoiceRow[],
  s: EvaluationSetup,
  p: RuleParams['late_payments'],
) {
  const by = new Map<number, InvoiceFact[]>();
  for (const r of rows) {
    const list = by.get(r.customerId) ?? [];
    list.push({
      invoiceNo: r.invoiceNo,
      amountMinor: r.amountMinor,
      dueOn: r.dueOn,
      paidOn: r.paidOn,
    });
    by.set(r.customerId, list);
  }
  return [...by].flatMap(([id, inv]) => evaluateLatePayments(id, inv, s.today, p));
}

/**
 * Evaluates the enabled rules for the customers of a scope (a sweep batch or an event's
 * customers): one set-based query per kind of fact, then the pure evaluators. Returns the
 * customers looked at (active, not leaving) and the firings, not yet deduplicated.
 */
export async function evaluateScope(
  db: Kysely<DB>,
  scope: CustomerScope,
  s: EvaluationSetup,
  only?: keyof RuleParams,
): Promise<{ customers: RuleCustomer[]; firings: Firing[] }> {
  const customers = await facts.ruleCustomers(db, scope);
  if (customers.length === 0) return { customers, firings: [] };
  const active = new Set(customers.map((c) => c.id));
  const want = <K extends keyof RuleParams>(k: K): RuleParams[K] | undefined =>
    only && only !== k ? undefined : (s.rules[k] as RuleParams[K] | undefined);
  const out: Firing[] = [];

  const late = want('late_payments');
  if (late) {
    const from = lateQuarters(s.today)[0]?.start ?? s.today;
    out.push(...lateFirings(await facts.lateInvoices(db, scope, from, s.today), s, late));
  }

  const silent = want('silent_customer');
  const sat = want('satisfaction');
  const prov = want('provisional_due');
  let firstDeal = new Map<number, string | null>();
  if (silent || sat || prov) {
    const w = satisfactionWindows(s.today, sat?.windowMonths ?? 3);
    const rows = await facts.rollupFacts(db, scope, w);
    firstDeal = new Map(rows.map((r) => [r.customerId, r.firstOrderOn]));
    for (const r of rows) {
      const f1 = silent && evaluateSilentCustomer(r.customerId, r, s.today, silent);
      if (f1) out.push(f1);
      const f2 =
        sat &&
        evaluateSatisfaction(
          r.customerId,
          { responses: r.surveys, scoreSum: r.surveyScoreSum },
          { responses: r.previousSurveys, scoreSum: r.previousSurveyScoreSum },
          s.today,
          sat,
        );
      if (f2) out.push(f2);
    }
  }

  const complaint = want('complaint_tag');
  if (complaint) {
    const from = complaintWindowStart(s.today, complaint.months);
    const [rows, tagged] = await Promise.all([
      facts.complaintCounts(db, scope, from),
      facts.customersTagged(db, scope, complaint.tag),
    ]);
    for (const r of rows) {
      const f = evaluateComplaintTag(
        r.customerId,
        { ...r, hasTag: tagged.has(r.customerId) },
        s.today,
        complaint,
      );
      if (f) out.push(f);
    }
  }

  const bottom = want('bottom_tier');
  if ((prov || bottom) && s.schemeId !== undefined) {
    for (const t of await facts.publishedTiers(db, scope, s.schemeId)) {
      const f1 =
        prov &&
        evaluateProvisionalDue(
          t.customerId,
          { ...t, firstDealOn: firstDeal.get(t.customerId) ?? null },
          s.today,
          prov,
        );
      if (f1) out.push(f1);
      const f2 = bottom && evaluateBottomTier(t.customerId, t, s.bottomTier, s.today, bottom);
      if (f2) out.push(f2);
    }
  }
  return { customers, firings: out.filter((f) => active.has(f.customerId)) };
}
