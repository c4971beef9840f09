import type { Kysely } from 'kysely';
import { z } from 'zod';
import { generatePlansInput, planQuery } from '../../domain/accounts/accounts.schema';
import { coverageOf } from '../../domain/accounts/coverage';
import { monthEnd, monthSchema, monthStart } from '../../domain/accounts/month';
import { type PlanLine, planMonth, type VisitRule } from '../../domain/accounts/visit-plan';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { allows } from '../../domain/auth/permissions';
import { DomainError } from '../../domain/errors';
import { ownerUsers } from '../../store/accounts/owners.repository';
import {
  hasMonthPlan,
  monthPlan,
  replaceMonthPlan,
  visitCounts,
} from '../../store/accounts/visit-plans.repository';
import { idsInScope } from '../../store/customer-scope';
import type { DB } from '../../store/schema';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { loadAccountBook, ownerGone } from './account-book';

/**
 * A month's plan computed from the tiers in force on its first day and today's owners
 * (customers whose owner left are planned without one), with their codes and names; only the
 * customers a row scope lets through when one is given.
 */
async function computePlan(db: Kysely<DB>, month: string, rows?: CustomerFilter) {
  const book = await loadAccountBook(db, monthStart(month), rows ? { rows } : {});
  const rules = new Map<string, VisitRule>([...book.policies].map(([t, p]) => [t, p.visits]));
  const byId = new Map(book.customers.map((c) => [c.id, c]));
  const lines = planMonth(
    book.customers.map((c) => ({
      customerId: c.id,
      ownerId: ownerGone(book, c) ? null : c.ownerId,
      type: c.type,
      tier: c.tier,
    })),
    rules,
    month,
  );
  return lines.map((l) => ({
    ...l,
    code: byId.get(l.customerId)?.code ?? '',
    name: byId.get(l.customerId)?.name ?? '',
  }));
}

/**
 * Generates a month's visit plans (idempotent: regenerating replaces the month's plan), from
 * each tier's visit frequency, audited. A scoped actor (re)generates only the lines of the
 * customers in their row scope; the other customers' lines of the month stay untouched.
 */
export async function generateVisitPlans(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'accounts.manage');
  const { month } = parseInput(generatePlansInput, raw, 'Invalid plan request');
  const filter = customerFilter(ctx);
  const rows = filter.kind === 'all' ? undefined : filter;
  const lines = await computePlan(deps.store.db, month, rows);
  const now = ctx.now().toISOString();
  const replaced = await deps.store.db.transaction().execute(async (trx) => {
    const gone = await replaceMonthPlan(trx, month, lines, now, rows);
    await writeAudit(trx, ctx, {
      action: 'visit_plans.generate',
      entity: 'visit_plans',
      entityId: month,
      after: { month, lines: lines.length, replaced: gone, ...(rows ? { scope: rows } : {}) },
    });
    return gone;
  });
  return {
    month,
    lines: lines.length,
    planned: lines.reduce((s, l) => s + l.planned, 0),
    priority: lines.filter((l) => l.priority).length,
    owners: new Set(lines.map((l) => l.ownerId)).size,
    replaced,
  };
}

function managesAccounts(ctx: Ctx): boolean {
  return ctx.actor.id === null || allows(ctx.actor.permissions, 'accounts.manage');
}

/**
 * A month's plan with planned vs done per customer. Account managers see their own lines;
 * holders of accounts.manage see everyone's, or one owner's.
 */
export async function listVisitPlans(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'customers.read');
  const q = parseInput(planQuery, raw, 'Invalid plan query');
  let ownerId = q.ownerId;
  // One customer's line is part of the customer's page: whoever reads the customer sees it.
  if (!managesAccounts(ctx) && q.customerId === undefined) {
    if (ownerId !== undefined && ownerId !== ctx.actor.id)
      throw new DomainError(
        'FORBIDDEN',
        'Only your own visit plans can be seen without accounts.manage',
        {
          permission: 'accounts.manage',
        },
      );
    ownerId = ctx.actor.id ?? undefined;
  }
  const db = deps.store.db;
  const [rows, generated, done, users] = await Promise.all([
    monthPlan(db, q.month, ownerId, q.customerId),
    hasMonthPlan(db, q.month),
    visitCounts(db, monthStart(q.month), monthEnd(q.month), q.customerId),
    ownerUsers(db),
  ]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const visible = await idsInScope(
    db,
    customerFilter(ctx),
    rows.map((r) => r.customerId),
  );
  const items = rows
    .filter((r) => visible.has(r.customerId))
    .map((r) => ({
      customerId: r.customerId,
      code: r.code,
      name: r.name,
      tier: r.tier,
      ownerId: r.ownerId,
      ownerName: r.ownerId === null ? null : (names.get(r.ownerId) ?? null),
      planned: r.planned,
      ceiling: r.ceiling,
      priority: r.priority,
      done: done.get(r.customerId) ?? 0,
    }));
  return {
    month: q.month,
    generated,
    ownerId: ownerId ?? null,
    planned: items.reduce((s, i) => s + i.planned, 0),
    done: items.reduce((s, i) => s + Math.min(i.done, i.ceiling), 0),
    items,
  };
}

/**
 * The coverage KPI of a month (seed 004): share of priority customers with at least one
 * visit, per owner and overall, against the 60% target, with the priority customers not
 * visited yet. Uses the month's stored plan, or computes it when none was generated.
 */
export async function visitCoverage(deps: Deps, ctx: Ctx, raw: unknown) {
  requirePermission(ctx, 'customers.read');
  const { month } = parseInput(z.object({ month: monthSchema() }), raw, 'Invalid coverage query');
  const db = deps.store.db;
  const stored = await monthPlan(db, month);
  const planned: (PlanLine & { code: string; name: string })[] = stored.length
    ? stored
    : await computePlan(db, month);
  // Coverage counts only the customers in the reader's row scope.
  const visible = await idsInScope(
    db,
    customerFilter(ctx),
    planned.map((l) => l.customerId),
  );
  const lines = planned.filter((l) => visible.has(l.customerId));
  const [done, users] = await Promise.all([
    visitCounts(db, monthStart(month), monthEnd(month)),
    ownerUsers(db),
  ]);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const c = coverageOf(lines, new Set(done.keys()));
  const byId = new Map(lines.map((l) => [l.customerId, l]));
  return {
    month,
    planGenerated: stored.length > 0,
    target: c.target,
    overall: c.overall,
    owners: c.owners.map((o) => ({
      ...o,
      ownerName: o.ownerId === null ? null : (names.get(o.ownerId) ?? null),
    })),
    notVisitedTotal: c.notVisited.length,
    notVisited: c.notVisited.slice(0, 500).map((id) => {
      const l = byId.get(id);
      return {
        customerId: id,
        code: l?.code ?? '',
        name: l?.name ?? '',
        tier: l?.tier ?? '',
        ownerId: l?.ownerId ?? null,
        ownerName: l?.ownerId == null ? null : (names.get(l.ownerId) ?? null),
      };
    }),
  };
}
