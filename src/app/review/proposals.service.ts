import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { resolveWindow } from '../../domain/metrics/window-range';
import {
  finalTier,
  financeInput,
  rateInput,
  reviseInput,
  tierBefore,
} from '../../domain/review/proposal';
import type { StepKind } from '../../domain/review/steps';
import { requireTurn } from '../../domain/review/workflow';
import { movePairs, tierIdsByRank } from '../../domain/scheme';
import * as proposals from '../../store/review/proposals.repository';
import { findVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { cycleState } from './cycles.service';

/**
 * The region an actor rates: a sales manager with a region rates only that region's customers
 * (seed 002: section chiefs rate the customers of their own area). The review meeting that
 * follows is not limited by region, only by the actor's row scope like every step.
 */
function regionOf(ctx: Ctx): string | null {
  return ctx.actor.roleId === 'sales_manager' ? ctx.actor.region : null;
}

export const proposalsQuery = z.strictObject({
  tier: z.string().min(1).max(100).optional(),
  changed: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  pending: z.enum(['rate', 'finance']).optional(),
  /** Only customers the draft moves up or down against the published tiers. */
  moved: z.enum(['up', 'down']).optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});

/**
 * A page of a cycle's proposals (the evaluation form): at a rating step limited to the rater's
 * region, and at every step to the customers of the actor's row scope.
 */
export async function listProposals(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  raw: z.input<typeof proposalsQuery> | Record<string, unknown>,
) {
  requirePermission(ctx, 'tiering.read');
  const q = parseInput(proposalsQuery, raw, 'Invalid proposals query');
  const { cycle, steps } = await cycleState(deps, cycleId);
  const rating = steps[cycle.currentStep]?.kind === 'rate' && cycle.status === 'open';
  const filter = await proposalFilter(deps, cycle, {
    region: rating ? regionOf(ctx) : null,
    tier: q.tier,
    changed: q.changed,
    pending: q.pending,
    moved: q.moved,
    q: q.q,
    rows: customerFilter(ctx),
  });
  const page = filter
    ? await proposals.listProposals(deps.store.db, filter, q.page, q.pageSize)
    : { items: [], total: 0 };
  return {
    ...page,
    items: await withFormColumns(deps, cycle, page.items),
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** A proposal with the evaluation form's other columns. */
export type FormRow = proposals.ProposalRow & {
  finalTier: string;
  /** Revenue over the 12 months up to the cycle's as-of date, in minor units. */
  revenueMinor: number;
  /** Each criterion's points in the cycle's run. */
  points: Record<string, number | null>;
  proposedByName: string | null;
  financeByName: string | null;
  revisedByName: string | null;
};

/**
 * Adds the evaluation form's columns to proposals of one cycle: the final tier, 12-month
 * revenue at the cycle's as-of date, criterion points of its run, and who rated — three
 * queries for the whole list, whether a page, one saved proposal or a batch of an export.
 */
export async function withFormColumns(
  deps: Deps,
  cycle: { asOf: string; runId: number | null },
  rows: readonly proposals.ProposalRow[],
): Promise<FormRow[]> {
  const db = deps.store.db;
  const ids = rows.map((p) => p.customerId);
  const w = resolveWindow({ kind: 'last_n_months', months: 12 }, cycle.asOf);
  const revenue = await proposals.revenueOf(db, ids, w.fromMonth, w.toMonth);
  const points = cycle.runId
    ? await proposals.pointsOf(db, cycle.runId, ids)
    : new Map<number, Record<string, number | null>>();
  const names = await proposals.userNames(
    db,
    rows.flatMap((p) => [p.proposedBy, p.financeBy, p.revisedBy]),
  );
  const nameOf = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return rows.map((p) => ({
    ...p,
    finalTier: finalTier(p),
    revenueMinor: revenue.get(p.customerId) ?? 0,
    points: points.get(p.customerId) ?? {},
    proposedByName: nameOf(p.proposedBy),
    financeByName: nameOf(p.financeBy),
    revisedByName: nameOf(p.revisedBy),
  }));
}

/** The store filter of a proposals query; undefined when nothing can match (no such move). */
async function proposalFilter(
  deps: Deps,
  cycle: { id: number; schemeVersionId: number },
  q: Omit<proposals.ProposalFilter, 'cycleId' | 'moves'> & { moved?: 'up' | 'down' | undefined },
): Promise<proposals.ProposalFilter | undefined> {
  const { moved, ...rest } = q;
  const filter: proposals.ProposalFilter = { cycleId: cycle.id, ...rest };
  if (!moved) return filter;
  const tiers = await schemeTiers(deps, cycle.schemeVersionId);
  const moves = movePairs(tiers, moved);
  return moves.length ? { ...filter, moves } : undefined;
}

/** The scheme version's tier ids, best first. */
async function schemeTiers(deps: Deps, versionId: number): Promise<string[]> {
  const v = await findVersion(deps.store.db, versionId);
  return tierIdsByRank(v?.document);
}

/**
 * Loads the proposal an actor is about to change, refusing out of turn, out of region, or for
 * a tier the scheme does not have. A customer outside the actor's row scope reads as a
 * proposal that does not exist, so other owners' customers do not leak through the form.
 */
async function editable(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  customerId: number,
  kind: StepKind,
  tier?: string,
) {
  requirePermission(ctx, 'tiering.read');
  const { cycle, state } = await cycleState(deps, cycleId);
  requireTurn(state, kind, ctx.actor, businessToday(deps, ctx));
  const p = await proposals.findProposal(deps.store.db, cycleId, customerId, customerFilter(ctx));
  if (!p) throw notFound('Proposal for customer', customerId);
  const region = kind === 'rate' ? regionOf(ctx) : null;
  if (region && p.region !== region)
    throw new DomainError(
      'FORBIDDEN',
      `Customer ${p.code} is in region ${p.region ?? '—'}; you rate region ${region}`,
    );
  if (tier !== undefined) {
    const tiers = await schemeTiers(deps, cycle.schemeVersionId);
    if (!tiers.includes(tier))
      throw new DomainError('VALIDATION', 'Invalid proposal', {
        issues: [
          {
            field: kind === 'rate' ? 'proposedTier' : 'revisedTier',
            message: `tier must be one of ${tiers.join(', ')}`,
          },
        ],
      });
  }
  return { ...p, asOf: cycle.asOf, runId: cycle.runId };
}

function requireReason(changed: boolean, reason: string | undefined, field: string) {
  if (changed && !reason?.trim())
    throw new DomainError('VALIDATION', 'A different tier needs a reason', {
      issues: [{ field, message: 'reason is required when the tier differs' }],
    });
}

/** Saves a change unless someone saved first (STALE_VERSION: reload and redo). */
async function save(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  p: proposals.ProposalRow & { asOf: string; runId: number | null },
  version: number,
  set: Parameters<typeof proposals.updateProposal>[4],
  action: string,
) {
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await proposals.updateProposal(trx, cycleId, p.customerId, version, set)))
      throw new DomainError(
        'STALE_VERSION',
        `Someone else saved customer ${p.code}'s proposal first; reload it and try again`,
        { customerId: p.customerId },
      );
    await writeAudit(trx, ctx, {
      action,
      entity: 'customer',
      entityId: p.customerId,
      before: { cycleId, version, tier: finalTier(p) },
      after: { cycleId, ...set },
    });
  });
  const fresh = (await proposals.findProposal(deps.store.db, cycleId, p.customerId))!;
  const [row] = await withFormColumns(deps, p, [fresh]);
  return row!;
}

/** Step 1: a sales manager rates a customer, proposing a tier (a reason when it differs). */
export async function rateProposal(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  customerId: number,
  raw: unknown,
) {
  const input = parseInput(rateInput, raw, 'Invalid rating');
  const p = await editable(deps, ctx, cycleId, customerId, 'rate', input.proposedTier);
  const changed = input.proposedTier !== tierBefore(p, 'rate');
  requireReason(changed, input.reason, 'reason');
  return save(
    deps,
    ctx,
    cycleId,
    p,
    input.version,
    {
      proposed_tier: input.proposedTier,
      proposal_reason: changed ? input.reason!.trim() : input.reason?.trim() || null,
      proposed_by: ctx.actor.id,
      proposed_at: ctx.now().toISOString(),
    },
    'review.rate',
  );
}

/** Step 2: finance gives the credit grade and confirms receivables. */
export async function financeProposal(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  customerId: number,
  raw: unknown,
) {
  const input = parseInput(financeInput, raw, 'Invalid credit rating');
  const p = await editable(deps, ctx, cycleId, customerId, 'finance');
  return save(
    deps,
    ctx,
    cycleId,
    p,
    input.version,
    {
      credit_grade: input.creditGrade,
      receivables_confirmed: input.receivablesConfirmed ? 1 : 0,
      finance_note: input.note?.trim() || null,
      finance_by: ctx.actor.id,
      finance_at: ctx.now().toISOString(),
    },
    'review.finance',
  );
}

/** Step 3: the review meeting revises a proposal (a reason when it differs). */
export async function reviseProposal(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  customerId: number,
  raw: unknown,
) {
  const input = parseInput(reviseInput, raw, 'Invalid revision');
  const p = await editable(deps, ctx, cycleId, customerId, 'revise', input.revisedTier);
  const changed = input.revisedTier !== tierBefore(p, 'revise');
  requireReason(changed, input.reason, 'reason');
  return save(
    deps,
    ctx,
    cycleId,
    p,
    input.version,
    {
      revised_tier: changed ? input.revisedTier : null,
      revision_reason: changed ? input.reason!.trim() : null,
      revised_by: ctx.actor.id,
      revised_at: ctx.now().toISOString(),
    },
    'review.revise',
  );
}
