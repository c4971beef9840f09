import {
  type EscalationStep,
  SLA_TARGET_KEYS,
  type SlaMatch,
  type SlaPolicy,
  type SlaTarget,
  type SlaTargetKey,
} from './sla.schema';

/** What a ticket brings to policy matching. */
export interface SlaTicketFacts {
  /** The customer's service tier in force, or null without one. */
  tier: string | null;
  level: number;
  /** The ticket's full category code, e.g. `complaint.service_attitude`. */
  category: string;
}

export type MatchField = 'tier' | 'level' | 'category';

/** Why a policy does not apply: the field, what the policy wants and what the ticket has. */
export interface Mismatch {
  field: MatchField;
  wanted: string | number;
  got: string | number | null;
}

/** The comparison step that put one matching policy behind another. */
export type LostOn = 'fields' | 'category_depth' | 'level' | 'tier';

export interface SlaCandidate {
  policy: SlaPolicy;
  matched: boolean;
  /** Non-null match fields, category depth, level set, tier set: compared in this order. */
  specificity: [number, number, number, number];
  outcome: 'winner' | 'less_specific' | 'no_match';
  mismatches: Mismatch[];
  /** For a less specific match: the step that decided against it, and the policy that beat it. */
  lostOn: LostOn | null;
  beatenBy: string | null;
}

/** A target as it applies to one ticket, with the policy (and so the calendar) it comes from. */
export interface ResolvedTarget {
  key: SlaTargetKey;
  target: SlaTarget;
  policyKey: string;
  calendar: string;
  warnAt: number;
  escalation: EscalationStep[];
  /** True when the winner leaves this target unset and a less specific policy supplies it. */
  inherited: boolean;
}

export interface SlaSelection {
  winner: SlaPolicy | null;
  candidates: SlaCandidate[];
  targets: Partial<Record<SlaTargetKey, ResolvedTarget>>;
}

/** True when `prefix` is the code itself or an ancestor of it at a dot boundary. */
export function categoryMatches(prefix: string, code: string): boolean {
  return code === prefix || code.startsWith(`${prefix}.`);
}

/** The fields of a policy's match the ticket does not meet (empty: the policy applies). */
export function mismatches(match: SlaMatch, facts: SlaTicketFacts): Mismatch[] {
  const out: Mismatch[] = [];
  if (match.tier !== null && match.tier !== facts.tier)
    out.push({ field: 'tier', wanted: match.tier, got: facts.tier });
  if (match.level !== null && match.level !== facts.level)
    out.push({ field: 'level', wanted: match.level, got: facts.level });
  if (match.category !== null && !categoryMatches(match.category, facts.category))
    out.push({ field: 'category', wanted: match.category, got: facts.category });
  return out;
}

/**
 * How specific a match is, compared element by element: the number of non-null fields first,
 * then the depth of the category code, then whether a level is set, then whether a tier is set.
 * Two different policies that both match one ticket never tie: equal tuples mean the same fields
 * with the same values, which a policy set refuses as a duplicate match.
 */
export function specificity(match: SlaMatch): [number, number, number, number] {
  const set = [match.tier, match.level, match.category].filter((v) => v !== null).length;
  const depth = match.category === null ? 0 : match.category.split('.').length;
  return [set, depth, match.level === null ? 0 : 1, match.tier === null ? 0 : 1];
}

const STEPS: LostOn[] = ['fields', 'category_depth', 'level', 'tier'];

/** Positive when `a` is more specific than `b`; with the step that decided. */
export function compareSpecificity(
  a: SlaMatch,
  b: SlaMatch,
): { order: number; decidedBy: LostOn | null } {
  const sa = specificity(a);
  const sb = specificity(b);
  for (let i = 0; i < sa.length; i++) {
    const d = sa[i]! - sb[i]!;
    if (d !== 0) return { order: d, decidedBy: STEPS[i]! };
  }
  return { order: 0, decidedBy: null };
}

/**
 * Chooses the policy for a ticket: the most specific matching policy wins (see `specificity`).
 * Each target the winner leaves unset is taken from the next most specific matching policy
 * that sets it, on that policy's calendar. Returns every policy as a candidate, matching ones
 * first (most specific first), each saying why it lost.
 */
export function selectSlaPolicy(
  policies: readonly SlaPolicy[],
  facts: SlaTicketFacts,
): SlaSelection {
  const matching: SlaPolicy[] = [];
  const rest: SlaCandidate[] = [];
  for (const policy of policies) {
    const miss = mismatches(policy.match, facts);
    if (miss.length === 0) matching.push(policy);
    else
      rest.push({
        policy,
        matched: false,
        specificity: specificity(policy.match),
        outcome: 'no_match',
        mismatches: miss,
        lostOn: null,
        beatenBy: null,
      });
  }
  // Stable on the set's order, which only matters for duplicates a valid set cannot hold.
  matching.sort((a, b) => compareSpecificity(b.match, a.match).order);
  const winner = matching[0] ?? null;
  const ranked: SlaCandidate[] = matching.map((policy, i) => ({
    policy,
    matched: true,
    specificity: specificity(policy.match),
    outcome: i === 0 ? 'winner' : 'less_specific',
    mismatches: [],
    lostOn: i === 0 || !winner ? null : compareSpecificity(winner.match, policy.match).decidedBy,
    beatenBy: i === 0 || !winner ? null : winner.key,
  }));
  const targets: Partial<Record<SlaTargetKey, ResolvedTarget>> = {};
  for (const key of SLA_TARGET_KEYS) {
    const from = matching.find((p) => p.targets[key]);
    const target = from?.targets[key];
    if (!from || !target) continue;
    targets[key] = {
      key,
      target,
      policyKey: from.key,
      calendar: from.calendar,
      warnAt: from.warnAt,
      escalation: from.escalation.filter((s) => s.target === key),
      inherited: from !== winner,
    };
  }
  return { winner, candidates: [...ranked, ...rest], targets };
}
