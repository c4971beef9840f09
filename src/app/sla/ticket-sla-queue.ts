import { z } from 'zod';
import { allows } from '../../domain/auth/permissions';
import { DomainError } from '../../domain/errors';
import { remainingMs } from '../../domain/sla/ticket-clock';
import {
  type QueueRow,
  queuePage,
  supervisorCounts,
} from '../../store/sla/ticket-sla-queue.repository';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { serviceTiers } from './sla-in-force';

const queueQuery = z.object({
  mine: z
    .enum(['true', 'false', '1', '0'], { error: 'mine must be true or false' })
    .optional()
    .transform((v) => v === 'true' || v === '1'),
  page: z.coerce.number().int().min(1, 'page must be at least 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(100, 'pageSize must be at most 100').default(20),
});

/** A queue row with what is left on each clock at `now` (frozen while paused). */
function present(r: QueueRow, now: Date) {
  const left = (due: string | null) => remainingMs(due, now, r.pausedSince);
  // The nearest due instant of the clocks still running (a reply stops the first two).
  const dues = [
    ...(r.firstRepliedAt === null ? [r.firstReplyDueAt, r.responseDueAt] : []),
    r.resolutionDueAt,
  ].filter((d): d is string => d !== null);
  const nextDueAt = dues.length
    ? dues.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b))
    : null;
  return {
    ...r,
    atRisk: r.breached === 0 && r.warnAt !== null && Date.parse(r.warnAt) <= now.getTime(),
    nextDueAt,
    nextRemainingMs: left(nextDueAt),
    resolutionRemainingMs: left(r.resolutionDueAt),
  };
}
export type QueueItem = ReturnType<typeof present>;

/**
 * The agent queue: open tickets with clocks, breached first, then by the resolution due
 * instant, the customer's tier (best first) and the level (1 first). `mine` keeps the caller's.
 * A scoped actor sees only tickets of customers in their row scope, as in the ticket list.
 */
export async function agentQueue(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const q = parseInput(queueQuery, raw, 'Invalid queue query');
  if (q.mine && ctx.actor.id === null)
    throw new DomainError('VALIDATION', 'mine needs a signed-in user');
  const db = deps.store.db;
  const { tiers } = await serviceTiers(db);
  const now = ctx.now();
  const { rows, total } = await queuePage(
    db,
    {
      assigneeId: q.mine ? (ctx.actor.id ?? undefined) : undefined,
      tiersBestFirst: tiers.map((t) => t.id),
      rows: customerFilter(ctx),
    },
    q.page,
    q.pageSize,
  );
  return {
    items: rows.map((r) => present(r, now)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    now: now.toISOString(),
  };
}

/**
 * The supervisor view: counts of breached and at-risk open tickets by assignee and tier, and
 * the first of each list in queue order. For a scoped actor, counts and lists cover only
 * tickets of customers in their row scope.
 */
export async function supervisorView(deps: Deps, ctx: Ctx) {
  if (!allows(ctx.actor.permissions, 'service.manage')) requirePermission(ctx, 'tickets.work');
  const db = deps.store.db;
  const now = ctx.now();
  const iso = now.toISOString();
  const tiersBestFirst = (await serviceTiers(db)).tiers.map((t) => t.id);
  const rows = customerFilter(ctx);
  const [counts, breached, atRisk] = await Promise.all([
    supervisorCounts(db, iso, rows),
    queuePage(db, { tiersBestFirst, rows, state: { kind: 'breached', now: iso } }, 1, 50),
    queuePage(db, { tiersBestFirst, rows, state: { kind: 'at_risk', now: iso } }, 1, 50),
  ]);
  const sum = (s: 'breached' | 'at_risk') =>
    counts.filter((c) => c.state === s).reduce((n, c) => n + c.count, 0);
  return {
    now: iso,
    totals: { breached: sum('breached'), atRisk: sum('at_risk') },
    counts,
    breached: breached.rows.map((r) => present(r, now)),
    atRisk: atRisk.rows.map((r) => present(r, now)),
  };
}
