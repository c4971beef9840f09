import type { Kysely } from 'kysely';
import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import { dateSchema } from '../../domain/money';
import type { Scheme } from '../../domain/scheme';
import { findCustomerById } from '../../store/customers.repository';
import * as applications from '../../store/lifecycle/upgrade-applications.repository';
import { currentTiers } from '../../store/review/publications.repository';
import type { DB } from '../../store/schema';
import { insertOverride, revokeActive } from '../../store/tiering/overrides.repository';
import { customerLatestResults } from '../../store/tiering/runs.repository';
import { findSchemeById, latestVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { clearEvaluationCache } from '../tiering/evaluation-cache';
import { getCustomerResult } from '../tiering/results.service';

export const applyInput = z.strictObject({
  schemeId: z.number({ error: 'schemeId must be a number' }).int().positive(),
  customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
  requestedTier: z.string({ error: 'requestedTier is required' }).trim().min(1).max(100),
  reason: z
    .string({ error: 'reason is required' })
    .trim()
    .min(1, 'reason is required: say why the customer deserves the higher tier')
    .max(2000),
});

export const decideInput = z.strictObject({
  approve: z.boolean({ error: 'approve must be true or false' }),
  note: z.string().trim().max(2000).optional(),
  /** Until when a granted upgrade holds (the next review decides again); none: open-ended. */
  expiresOn: dateSchema('expiresOn').optional(),
});

async function tiersOf(db: Kysely<DB>, schemeId: number) {
  const v = await latestVersion(db, schemeId);
  return ((v?.document as Scheme | undefined)?.tiers ?? []).map((t) => ({
    id: t.id,
    rank: t.rank,
  }));
}

/**
 * What the customer meets and lacks for the tier asked, from the scheme's latest run that placed
 * it: its result and, per criterion, the smallest change that would lift it.
 */
async function assessment(deps: Deps, ctx: Ctx, schemeId: number, customerId: number) {
  const latest = (await customerLatestResults(deps.store.db, customerId)).find(
    (r) => r.schemeId === schemeId,
  );
  if (!latest) return null;
  const r = await getCustomerResult(deps, ctx, latest.runId, customerId);
  return { runId: latest.runId, asOf: latest.asOf, ...r };
}

/**
 * An account manager applies for a customer's upgrade (seed 002): a tier above the published
 * one, with a reason. One pending application per customer and scheme.
 */
export async function applyForUpgrade(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(applyInput, raw, 'Invalid upgrade application');
  const db = deps.store.db;
  if (!(await findSchemeById(db, input.schemeId))) throw notFound('Scheme', input.schemeId);
  const c = await findCustomerById(db, input.customerId);
  if (!c) throw notFound('Customer', input.customerId);
  const tiers = await tiersOf(db, input.schemeId);
  const wanted = tiers.find((t) => t.id === input.requestedTier);
  if (!wanted)
    throw new DomainError('VALIDATION', 'Invalid upgrade application', {
      issues: [
        {
          field: 'requestedTier',
          message: `requestedTier must be one of ${tiers.map((t) => t.id).join(', ')}`,
        },
      ],
    });
  const current = (await currentTiers(db, input.schemeId)).get(input.customerId)?.tier ?? null;
  const currentRank = tiers.find((t) => t.id === current)?.rank ?? Number.POSITIVE_INFINITY;
  if (wanted.rank >= currentRank)
    throw new DomainError('VALIDATION', 'Invalid upgrade application', {
      issues: [
        {
          field: 'requestedTier',
          message: `${input.requestedTier} is not above the current tier ${current}`,
        },
      ],
    });
  const pending = await db
    .selectFrom('upgrade_applications')
    .select('id')
    .where('customer_id', '=', input.customerId)
    .where('scheme_id', '=', input.schemeId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending)
    throw new DomainError('CONFLICT', `Customer ${c.code} already has a pending application`, {
      applicationId: Number(pending.id),
    });
  const now = ctx.now().toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('upgrade_applications')
      .values({
        scheme_id: input.schemeId,
        customer_id: input.customerId,
        current_tier: current,
        requested_tier: input.requestedTier,
        reason: input.reason,
        applicant_id: ctx.actor.id,
        status: 'pending',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeAudit(trx, ctx, {
      action: 'upgrade.apply',
      entity: 'customer',
      entityId: input.customerId,
      after: { applicationId: Number(r.id), ...input, currentTier: current },
    });
    return Number(r.id);
  });
  return getApplication(deps, ctx, id);
}

/** One application with the customer's assessment against the scheme. */
export async function getApplication(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'customers.read');
  const a = await applications.findApplication(deps.store.db, id);
  if (!a) throw notFound('Upgrade application', id);
  const canSee = ctx.actor.id === null || ctx.actor.permissions.includes('tiering.read');
  return {
    ...a,
    assessment: canSee ? await assessment(deps, ctx, a.schemeId, a.customerId) : null,
  };
}

/** Applications by status, scheme or customer, newest first. */
export async function listApplications(
  deps: Deps,
  ctx: Ctx,
  f: {
    status?: string | undefined;
    schemeId?: number | undefined;
    customerId?: number | undefined;
  },
) {
  requirePermission(ctx, 'customers.read');
  return applications.listApplications(deps.store.db, { ...f, rows: customerFilter(ctx) });
}

/**
 * Grants or refuses an application (reviews.manage). A grant takes effect as a manual override
 * of the scheme with the application's reason, the decider as approver, and the expiry given;
 * the next run places the customer there.
 */
export async function decideApplication(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'reviews.manage');
  const input = parseInput(decideInput, raw, 'Invalid decision');
  const a = await applications.findApplication(deps.store.db, id);
  if (!a) throw notFound('Upgrade application', id);
  if (a.status !== 'pending')
    throw new DomainError('INVALID_STATE', `Application ${id} is already ${a.status}`);
  if (!input.approve && !input.note)
    throw new DomainError('VALIDATION', 'A refusal needs a note', {
      issues: [{ field: 'note', message: 'note is required when refusing' }],
    });
  const today = businessToday(deps, ctx);
  if (input.expiresOn && input.expiresOn < today)
    throw new DomainError('VALIDATION', 'Invalid decision', {
      issues: [{ field: 'expiresOn', message: `expiresOn must be today (${today}) or later` }],
    });
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    let overrideId: number | null = null;
    if (input.approve) {
      await revokeActive(trx, a.schemeId, a.customerId, now);
      overrideId = await insertOverride(
        trx,
        {
          schemeId: a.schemeId,
          customerId: a.customerId,
          tier: a.requestedTier,
          reason: `升级申请 #${id}: ${a.reason}`,
          approverId: ctx.actor.id,
          expiresOn: input.expiresOn ?? null,
          createdBy: ctx.actor.id,
        },
        now,
      );
    }
    const r = await trx
      .updateTable('upgrade_applications')
      .set({
        status: input.approve ? 'approved' : 'rejected',
        decided_by: ctx.actor.id,
        decided_at: now,
        decision_note: input.note ?? null,
        expires_on: input.expiresOn ?? null,
        override_id: overrideId,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new DomainError('CONFLICT', `Application ${id} was decided meanwhile`);
    await writeAudit(trx, ctx, {
      action: input.approve ? 'upgrade.approve' : 'upgrade.reject',
      entity: 'customer',
      entityId: a.customerId,
      after: {
        applicationId: id,
        overrideId,
        note: input.note ?? null,
        expiresOn: input.expiresOn ?? null,
      },
    });
  });
  if (input.approve) clearEvaluationCache(deps);
  return getApplication(deps, ctx, id);
}
