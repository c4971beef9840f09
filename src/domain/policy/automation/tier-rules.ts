import { addDays } from '../../business-date';
import { monthsBefore } from './calendar';
import { type Firing, firing } from './firing';
import type { RuleParams } from './rule-catalog';

export interface ComplaintFacts {
  /** Complaints (feedback of kind complaint and complaint tickets) received in the window. */
  complaints: number;
  lastComplaintOn: string | null;
  hasTag: boolean;
}

export interface ComplaintEvidence {
  tag: string;
  months: number;
  from: string;
  complaints: number;
  lastComplaintOn: string;
}

/** The first day counted by the complaint window on `today`. */
export function complaintWindowStart(today: string, months: number): string {
  return addDays(monthsBefore(today, months), 1);
}

/**
 * Complaint history: `minComplaints` complaints within `months` months tag the customer (the
 * tag follows it everywhere it is shown). A customer that already carries the tag needs nothing;
 * the period is the last complaint's date, so a tag removed by hand comes back only with a new one.
 */
export function evaluateComplaintTag(
  customerId: number,
  f: ComplaintFacts,
  today: string,
  params: RuleParams['complaint_tag'],
): Firing<ComplaintEvidence> | null {
  if (f.hasTag || f.complaints < params.minComplaints || !f.lastComplaintOn) return null;
  return firing('complaint_tag', customerId, f.lastComplaintOn, {
    tag: params.tag,
    months: params.months,
    from: complaintWindowStart(today, params.months),
    complaints: f.complaints,
    lastComplaintOn: f.lastComplaintOn,
  });
}

export interface PublishedTier {
  tier: string;
  since: string;
  runId: number | null;
}

export interface ProvisionalEvidence {
  tier: string;
  since: string;
  runId: number | null;
  firstDealOn: string;
  months: number;
  dueOn: string;
}

/**
 * Seed 002: a new customer's tier is provisional and reviewed once it has `months` months of
 * dealings. Fires when the published tier came out provisional and that time has passed; the
 * interim review cycle then takes the customer in (see `insertProvisionalDue`). Once per run.
 */
export function evaluateProvisionalDue(
  customerId: number,
  t: PublishedTier & { provisional: boolean; firstDealOn: string | null },
  today: string,
  params: RuleParams['provisional_due'],
): Firing<ProvisionalEvidence> | null {
  if (!t.provisional || !t.firstDealOn) return null;
  if (t.firstDealOn > monthsBefore(today, params.months)) return null;
  return firing('provisional_due', customerId, `run-${t.runId ?? 0}`, {
    tier: t.tier,
    since: t.since,
    runId: t.runId,
    firstDealOn: t.firstDealOn,
    months: params.months,
    dueOn: monthsBefore(t.firstDealOn, -params.months),
  });
}

export interface BottomTierEvidence {
  tier: string;
  since: string;
  years: number;
  cutoff: string;
}

/** The latest `since` that makes a bottom-tier customer a candidate (the elimination list's cut). */
export function bottomTierCutoff(today: string, years: number): string {
  return addDays(today, -Math.round(years * 365.25));
}

/**
 * Bottom tier for `years` years without a break (seed 002: weed out customers stuck at the
 * bottom) makes an elimination candidate; once per stretch at the bottom (period: since).
 */
export function evaluateBottomTier(
  customerId: number,
  t: PublishedTier,
  bottomTier: string | undefined,
  today: string,
  params: RuleParams['bottom_tier'],
): Firing<BottomTierEvidence> | null {
  if (!bottomTier || t.tier !== bottomTier) return null;
  const cutoff = bottomTierCutoff(today, params.years);
  if (t.since > cutoff) return null;
  return firing('bottom_tier', customerId, t.since, {
    tier: t.tier,
    since: t.since,
    years: params.years,
    cutoff,
  });
}
