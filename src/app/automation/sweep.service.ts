import type { Kysely } from 'kysely';
import type { RuleKey } from '../../domain/policy/automation';
import {
  type CustomerScope,
  customerIdRange,
  financeUserIds,
} from '../../store/automation/rule-facts.repository';
import type { DB } from '../../store/schema';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { applyFirings } from './apply-firings';
import { evaluateScope, evaluationSetup } from './evaluate-scope';
import { rulesInForce } from './rules.service';

export interface SweepProgress {
  customers: number;
  done: number;
  firings: number;
  today: string;
}

export interface SweepOptions {
  jobId?: number | null;
  /** Customer ids per batch (one read pass and one write transaction each). */
  batchSize?: number;
  onProgress?: (p: SweepProgress) => Promise<void> | void;
}

/** Customers a sweep walks through (for its progress). */
async function countCustomers(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * Runs every enabled rule over all customers, a batch of ids at a time: the facts of a batch
 * are read with a few grouped queries, evaluated in memory, and the new firings of the batch
 * are written in one transaction (firing, action, notices, audit together). Idempotent: the
 * dedupe keys make a second sweep on the same facts fire nothing.
 */
export async function runSweep(
  deps: Deps,
  ctx: Ctx,
  opts: SweepOptions = {},
): Promise<SweepProgress> {
  requirePermission(ctx, 'policies.manage');
  const db = deps.store.db;
  const today = businessToday(deps, ctx);
  const setup = await evaluationSetup(db, await rulesInForce(db), today);
  const [range, total, financeIds] = await Promise.all([
    customerIdRange(db),
    countCustomers(db),
    financeUserIds(db),
  ]);
  const batch = opts.batchSize ?? 20_000;
  const p: SweepProgress = { customers: total, done: 0, firings: 0, today };
  for (let lo = range.min; lo <= range.max; lo += batch) {
    const scope: CustomerScope = { fromId: lo, toId: lo + batch };
    const { customers, firings } = await evaluateScope(db, scope, setup);
    if (firings.length > 0) {
      const byId = new Map(customers.map((c) => [c.id, c]));
      p.firings += await db.transaction().execute((trx) =>
        applyFirings(trx, ctx, firings, byId, {
          source: 'sweep',
          jobId: opts.jobId ?? null,
          financeIds,
        }),
      );
    }
    p.done = Math.min(total, p.done + customers.length);
    await opts.onProgress?.({ ...p });
  }
  return p;
}

/**
 * Evaluates one rule for some customers at once, inside the caller's transaction: used right
 * after payments are written (by hand or by an import) so two late payments in a quarter drop
 * the payment term in the same commit. `undefined` ids means every customer (a huge import).
 */
export async function fireRuleFor(
  trx: Kysely<DB>,
  deps: Deps,
  ctx: Ctx,
  rule: RuleKey,
  ids: readonly number[] | undefined,
): Promise<number> {
  const rules = (await rulesInForce(trx)).filter((r) => r.key === rule);
  if (!rules.some((r) => r.enabled)) return 0;
  const setup = await evaluationSetup(trx, rules, businessToday(deps, ctx));
  const financeIds = await financeUserIds(trx);
  const scopes: CustomerScope[] = [];
  if (ids) for (let i = 0; i < ids.length; i += 500) scopes.push({ ids: ids.slice(i, i + 500) });
  else {
    const r = await customerIdRange(trx);
    for (let lo = r.min; lo <= r.max; lo += 20_000) scopes.push({ fromId: lo, toId: lo + 20_000 });
  }
  let fired = 0;
  for (const scope of scopes) {
    const { customers, firings } = await evaluateScope(trx, scope, setup, rule);
    const byId = new Map(customers.map((c) => [c.id, c]));
    fired += await applyFirings(trx, ctx, firings, byId, {
      source: 'event',
      jobId: null,
      financeIds,
    });
  }
  return fired;
}

/** Late payments of these customers, evaluated at once (see {@link fireRuleFor}). */
export function fireLatePaymentsFor(
  trx: Kysely<DB>,
  deps: Deps,
  ctx: Ctx,
  ids: readonly number[] | undefined,
): Promise<number> {
  return fireRuleFor(trx, deps, ctx, 'late_payments', ids);
}
