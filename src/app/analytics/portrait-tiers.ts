import { Flag } from '../../domain/evaluation';
import {
  activeOverridesOf,
  publishingRuns,
  type RunResultRow,
  runResultsOf,
} from '../../store/analytics/portrait-tiers.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type CustomerTier, customerTiers } from '../tiering/customer-tiers.service';

type Text = { zh: string; en: string };

/** One criterion of the scheme with the points the customer earned in the run. */
export interface CriterionPoints {
  id: string;
  label: Text;
  metric: string;
  weight: number;
  /**
   * The most this criterion can add to this customer's score: its weight's share of the scale
   * among the criteria the customer was scored on. Null when the criterion was left out.
   */
  maxPoints: number | null;
  /** Points on the score scale (they add up to the score); null when left out (no value). */
  points: number | null;
}

/** Why the run placed the customer where it did: its points, the rule and the adjustments. */
export interface TierExplanation {
  /** 'published': the run that published the tier in force; 'latest_run': no publication. */
  source: 'published' | 'latest_run';
  runId: number;
  asOf: string;
  runCustomers: number;
  tier: string;
  tierName: Text;
  score: number | null;
  rank: number | null;
  criteria: CriterionPoints[];
  /** The assignment rule that gave the tier, when a rule did. */
  rule: { id: string | null; label: Text | null } | null;
  flags: { provisional: boolean; override: boolean; held: boolean; gated: boolean };
  /** A manual override in force on this scheme. */
  override: { tier: string; reason: string; expiresOn: string | null } | null;
}

/** The customer's tier in one scheme with the explanation of the run behind it. */
export interface PortraitTier extends CustomerTier {
  explanation: TierExplanation | null;
}

interface LooseScheme {
  score?: { scale?: number };
  tiers?: { id: string; name?: Text }[];
  criteria?: {
    id: string;
    label?: Text;
    metric?: string;
    weight?: number;
  }[];
  assignment?: { rules?: { id?: string; label?: Text }[] };
}

const textOr = (t: Text | undefined, fallback: string): Text =>
  t ? { zh: t.zh, en: t.en } : { zh: fallback, en: fallback };

function explain(
  row: RunResultRow,
  source: TierExplanation['source'],
  override: TierExplanation['override'],
): TierExplanation {
  const doc = (row.document ?? {}) as LooseScheme;
  const tier = doc.tiers?.find((t) => t.id === row.tier);
  const rule =
    row.rules && typeof row.rules.index === 'number'
      ? doc.assignment?.rules?.[row.rules.index]
      : undefined;
  const criteria = doc.criteria ?? [];
  const pointsOf = (id: string) => row.points?.[id] ?? null;
  const scale = doc.score?.scale ?? 100;
  // Criteria left out for a missing value drop out of the weights; the rest fill the scale.
  const scored = criteria.reduce((w, c) => w + (pointsOf(c.id) === null ? 0 : (c.weight ?? 1)), 0);
  return {
    source,
    runId: row.runId,
    asOf: row.asOf,
    runCustomers: row.runCustomers,
    tier: row.tier,
    tierName: textOr(tier?.name, row.tier),
    score: row.score,
    rank: row.rank,
    criteria: criteria.map((c) => {
      const points = pointsOf(c.id);
      const weight = c.weight ?? 1;
      return {
        id: c.id,
        label: textOr(c.label, c.id),
        metric: c.metric ?? '',
        weight,
        maxPoints: points === null || scored <= 0 ? null : (scale * weight) / scored,
        points,
      };
    }),
    rule: row.rules
      ? { id: row.rules.id ?? rule?.id ?? null, label: rule?.label ? textOr(rule.label, '') : null }
      : null,
    flags: {
      provisional: (row.flags & Flag.provisional) !== 0,
      override: (row.flags & Flag.override) !== 0,
      held: (row.flags & Flag.held) !== 0,
      gated: (row.flags & Flag.gated) !== 0,
    },
    override,
  };
}

/**
 * The customer's tier in every scheme that placed it (published tier, since when, upcoming
 * change, latest run), each with the stored explanation of the run that published it — or of
 * the latest run when nothing was published — and any override in force. Reads stored results
 * only, so it stays cheap whatever the size of the runs.
 */
export async function portraitTiers(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  today: string,
): Promise<PortraitTier[]> {
  const db = deps.store.db;
  const [tiers, runs, overrides] = await Promise.all([
    customerTiers(deps, ctx, customerId),
    publishingRuns(db, customerId),
    activeOverridesOf(db, customerId, today),
  ]);
  const wanted = new Map<number, { runId: number; source: TierExplanation['source'] }>();
  for (const t of tiers) {
    const published = t.published ? runs.get(t.schemeId) : null;
    if (published != null) wanted.set(t.schemeId, { runId: published, source: 'published' });
    else if (t.latestRun)
      wanted.set(t.schemeId, { runId: t.latestRun.runId, source: 'latest_run' });
  }
  const results = await runResultsOf(
    db,
    customerId,
    [...wanted.values()].map((w) => w.runId),
  );
  return tiers.map((t) => {
    const w = wanted.get(t.schemeId);
    const row = w ? results.get(w.runId) : undefined;
    const o = overrides.get(t.schemeId);
    return {
      ...t,
      explanation: row
        ? explain(
            row,
            w!.source,
            o ? { tier: o.tier, reason: o.reason, expiresOn: o.expiresOn } : null,
          )
        : null,
    };
  });
}
