import type { Kysely } from 'kysely';
import { DomainError } from '../../domain/errors';
import type { Scheme } from '../../domain/scheme';
import * as pubs from '../../store/review/publications.repository';
import type { DB } from '../../store/schema';
import { findRun } from '../../store/tiering/runs.repository';
import { latestVersion, lockVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { dispatchEvent } from '../notifications/dispatch';
import { queueSlaRecompute } from '../sla/sla-scan.job';

/** One customer's tier to publish. */
export interface FinalTier {
  customerId: number;
  code: string;
  name: string;
  ownerId: number | null;
  tier: string;
  /** Why it is this tier when a person chose it (proposal or revision); null when computed. */
  reason: string | null;
}

export interface PublicationSummary {
  publicationId: number;
  runId: number;
  cycleId: number | null;
  schemeId: number;
  effectiveFrom: string;
  customers: number;
  distribution: { tier: string; count: number }[];
  upgrades: number;
  downgrades: number;
  unchanged: number;
  entered: number;
  left: number;
  notified: number;
}

const CHANGES_IN_NOTICE = 20;

/**
 * Refuses to publish a stale draft: the run's scheme version is no longer the scheme's latest
 * (the scheme changed), or another run of the scheme was published after this run was made.
 */
export async function requireFresh(
  db: Kysely<DB>,
  run: { id: number; schemeVersionId: number; createdAt: string },
  schemeId: number,
): Promise<void> {
  const latest = await latestVersion(db, schemeId);
  if (latest && latest.id !== run.schemeVersionId)
    throw new DomainError(
      'CONFLICT',
      `The scheme changed since run ${run.id} was made (version ${latest.version} is now the latest); run it again`,
      { reason: 'scheme_changed', latestVersionId: latest.id },
    );
  const last = await pubs.latestPublication(db, schemeId);
  if (last && last.runId !== run.id && last.publishedAt > run.createdAt)
    throw new DomainError(
      'CONFLICT',
      `Run ${last.runId} of this scheme was published after run ${run.id} was made; run it again`,
      { reason: 'newer_publication', publicationId: last.id, runId: last.runId },
    );
}

/**
 * Publishes tiers inside the caller's transaction: current tiers change, a tier history row is
 * written for every customer whose tier changes (from, to, reason, run, cycle, approver,
 * effective date), customers who left the scheme lose their tier when `complete` (the run
 * covered the whole scheme), the version is locked, the run marked published, and each owner
 * of a changed customer gets one notice. Hysteresis counts follow the run's `held` flags.
 */
export async function publishTiers(
  trx: Kysely<DB>,
  ctx: Ctx,
  p: {
    schemeId: number;
    runId: number;
    cycleId: number | null;
    effectiveFrom: string;
    complete: boolean;
    finals: AsyncIterable<FinalTier>;
  },
): Promise<PublicationSummary> {
  const run = await findRun(trx, p.runId);
  if (!run) throw new DomainError('NOT_FOUND', `Tier run ${p.runId} was not found`);
  await requireFresh(trx, run, p.schemeId);
  const version = await latestVersion(trx, p.schemeId);
  const doc = version?.document as Scheme | undefined;
  const tierRank = new Map((doc?.tiers ?? []).map((t) => [t.id, t.rank]));
  const tierName = new Map((doc?.tiers ?? []).map((t) => [t.id, t.name]));
  const now = ctx.now().toISOString();
  const publicationId = await pubs.insertPublication(
    trx,
    {
      schemeId: p.schemeId,
      runId: p.runId,
      cycleId: p.cycleId,
      effectiveFrom: p.effectiveFrom,
      publishedBy: ctx.actor.id,
    },
    now,
  );
  const current = await pubs.currentTiers(trx, p.schemeId);
  const held = await pubs.heldCustomers(trx, p.runId);
  const counts = new Map<string, number>();
  const seen = new Set<number>();
  const s = { upgrades: 0, downgrades: 0, unchanged: 0, entered: 0, left: 0 };
  const notices = new Map<
    number,
    {
      up: number;
      down: number;
      changes: {
        customerId: number;
        code: string;
        name: string;
        from: string | null;
        to: string | null;
      }[];
    }
  >();
  const history = (
    customerId: number,
    from: string | null,
    to: string | null,
    reason: string | null,
  ) => ({
    scheme_id: p.schemeId,
    customer_id: customerId,
    from_tier: from,
    to_tier: to,
    reason,
    publication_id: publicationId,
    run_id: p.runId,
    cycle_id: p.cycleId,
    approver_id: ctx.actor.id,
    effective_from: p.effectiveFrom,
    created_at: now,
  });

  let tiers: Parameters<typeof pubs.upsertCustomerTiers>[1][number][] = [];
  let changes: ReturnType<typeof history>[] = [];
  const flush = async () => {
    await pubs.upsertCustomerTiers(trx, tiers);
    await pubs.insertHistory(trx, changes);
    tiers = [];
    changes = [];
  };
  for await (const f of p.finals) {
    if (!tierRank.has(f.tier))
      throw new DomainError(
        'VALIDATION',
        `Customer ${f.code} has tier ${f.tier}, unknown to the scheme`,
      );
    seen.add(f.customerId);
    counts.set(f.tier, (counts.get(f.tier) ?? 0) + 1);
    const was = current.get(f.customerId);
    const same = was?.tier === f.tier;
    tiers.push({
      scheme_id: p.schemeId,
      customer_id: f.customerId,
      tier: f.tier,
      run_id: p.runId,
      effective_from: same ? was.since : p.effectiveFrom,
      below_count: same && held.has(f.customerId) ? was.below + 1 : 0,
    });
    if (same) s.unchanged++;
    else {
      changes.push(history(f.customerId, was?.tier ?? null, f.tier, f.reason));
      let direction: 'up' | 'down' | 'new' = 'new';
      if (!was) s.entered++;
      else if ((tierRank.get(f.tier) ?? 0) < (tierRank.get(was.tier) ?? 0)) {
        s.upgrades++;
        direction = 'up';
      } else {
        s.downgrades++;
        direction = 'down';
      }
      // Owners hear of upgrades and downgrades; a first tier is no news to act on.
      if (f.ownerId !== null && direction !== 'new') {
        const n = notices.get(f.ownerId) ?? { up: 0, down: 0, changes: [] };
        if (direction === 'up') n.up++;
        else n.down++;
        if (n.changes.length < CHANGES_IN_NOTICE)
          n.changes.push({
            customerId: f.customerId,
            code: f.code,
            name: f.name,
            from: was?.tier ?? null,
            to: f.tier,
          });
        notices.set(f.ownerId, n);
      }
    }
    if (tiers.length >= 5000) await flush();
  }
  await flush();
  if (p.complete) {
    const gone = [...current.keys()].filter((id) => !seen.has(id));
    s.left = gone.length;
    await pubs.deleteCustomerTiers(trx, p.schemeId, gone);
    await pubs.insertHistory(
      trx,
      gone.map((id) => history(id, current.get(id)!.tier, null, 'left the scheme')),
    );
  }
  await lockVersion(trx, run.schemeVersionId);
  await pubs.markRunPublished(trx, p.runId);
  await pubs.insertNotifications(
    trx,
    [...notices].map(([userId, n]) => ({
      user_id: userId,
      kind: 'tiers.published',
      payload: JSON.stringify({
        publicationId,
        schemeId: p.schemeId,
        effectiveFrom: p.effectiveFrom,
        upgrades: n.up,
        downgrades: n.down,
        changes: n.changes.map((c) => ({
          ...c,
          fromName: c.from ? (tierName.get(c.from) ?? null) : null,
          toName: c.to ? (tierName.get(c.to) ?? null) : null,
        })),
      }),
      entity: 'tier_publication',
      entity_id: String(publicationId),
      created_at: now,
    })),
  );
  const summary: PublicationSummary = {
    publicationId,
    runId: p.runId,
    cycleId: p.cycleId,
    schemeId: p.schemeId,
    effectiveFrom: p.effectiveFrom,
    customers: seen.size,
    distribution: (doc?.tiers ?? [])
      .slice()
      .sort((a, b) => a.rank - b.rank)
      .map((t) => ({ tier: t.id, count: counts.get(t.id) ?? 0 })),
    ...s,
    notified: notices.size,
  };
  await pubs.setPublicationSummary(trx, publicationId, summary);
  await queueSlaRecompute(trx, ctx, publicationId);
  // Other systems hear of the publication once (webhooks subscribed to tiers.published); owners
  // got their own notices above, each listing their customers' changes.
  await dispatchEvent(trx, ctx, {
    kind: 'tiers.published',
    entity: 'tier_publication',
    entityId: publicationId,
    payload: { ...summary },
    userIds: [],
  });
  await writeAudit(trx, ctx, {
    action: 'tiers.publish',
    entity: 'tier_run',
    entityId: p.runId,
    after: summary,
  });
  return summary;
}
