import { DomainError, notFound, validationError } from '../../domain/errors';
import { type FactKind, factInputs, type ParsedFact } from '../../domain/facts/fact-kinds';
import { customerInScope } from '../../store/customer-scope';
import { findCustomerById } from '../../store/customers.repository';
import { isUniqueViolation } from '../../store/errors';
import * as repo from '../../store/facts.repository';
import { refreshRollups } from '../../store/metrics/rollups';
import { writeAudit } from '../audit';
import { fireLatePaymentsFor } from '../automation/sweep.service';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

/** The field whose value must be unique for each kind (so a re-import is idempotent). */
const UNIQUE_FIELD: Partial<Record<FactKind, string>> = {
  orders: 'orderNo',
  payments: 'invoiceNo',
  contracts: 'contractNo',
  referrals: 'referredCustomerId',
};

/** Records a fact against a customer, audited in the same transaction. */
export async function createFact<K extends FactKind>(
  deps: Deps,
  ctx: Ctx,
  kind: K,
  customerId: number,
  input: unknown,
): Promise<Record<string, unknown>> {
  requirePermission(ctx, 'customers.write');
  const parsed = parseInput(factInputs[kind], input, `Invalid ${kind} record`) as ParsedFact<K>;
  const now = ctx.now().toISOString();
  try {
    return await deps.store.db.transaction().execute(async (trx) => {
      await assertCustomerInScope(trx, ctx, customerId);
      if (!(await findCustomerById(trx, customerId))) throw notFound('Customer', customerId);
      if (kind === 'visits') {
        const userId = (parsed as ParsedFact<'visits'>).userId;
        if (userId != null) {
          const u = await trx
            .selectFrom('users')
            .select('id')
            .where('id', '=', userId)
            .executeTakeFirst();
          if (!u) {
            throw validationError('Invalid visit', [
              { field: 'userId', message: `no user has id ${userId}`, value: userId },
            ]);
          }
        }
      }
      if (kind === 'referrals') {
        const referred = (parsed as ParsedFact<'referrals'>).referredCustomerId;
        if (referred === customerId || !(await findCustomerById(trx, referred))) {
          throw validationError('Invalid referral', [
            {
              field: 'referredCustomerId',
              message: 'must be another existing customer',
              value: referred,
            },
          ]);
        }
      }
      const id = await repo.insertFact(trx, kind, customerId, parsed, now);
      if (kind === 'orders') {
        const lines = (parsed as ParsedFact<'orders'>).lines ?? [];
        let lineNo = 0;
        for (const l of lines) {
          lineNo += 1;
          await trx
            .insertInto('order_lines')
            .values({
              order_id: id,
              line_no: lineNo,
              product: l.product,
              quantity: l.quantity,
              unit_price_minor: l.unitPrice,
              amount_minor: l.unitPrice * l.quantity,
            })
            .execute();
        }
      }
      await refreshRollups(trx, deps.store.engine, [customerId]);
      // Seed 002: late payments drop the payment term at once, in the same commit.
      if (kind === 'payments') await fireLatePaymentsFor(trx, deps, ctx, [customerId]);
      const created = await repo.findFact(trx, kind, id);
      await writeAudit(trx, ctx, {
        action: `${kind}.create`,
        entity: kind,
        entityId: id,
        after: { customerId, ...created?.data },
      });
      return created?.data ?? { id };
    });
  } catch (e) {
    const field = UNIQUE_FIELD[kind];
    if (isUniqueViolation(e) && field) {
      const value = (input as Record<string, unknown>)[field];
      throw new DomainError('DUPLICATE', `A ${kind} record with ${field} ${value} already exists`, {
        issues: [{ field, message: `${value} is already recorded`, value }],
      });
    }
    throw e;
  }
}

/** Lists a customer's facts of one kind, newest first. */
export async function listFacts(
  deps: Deps,
  ctx: Ctx,
  kind: FactKind,
  customerId: number,
  page = 1,
  pageSize = 50,
) {
  requirePermission(ctx, 'customers.read');
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  const r = await repo.listFacts(deps.store.db, kind, customerId, pageSize, (page - 1) * pageSize);
  return { ...r, page, pageSize };
}

/** Deletes a fact, audited with what it held. */
export async function deleteFact(deps: Deps, ctx: Ctx, kind: FactKind, id: number): Promise<void> {
  requirePermission(ctx, 'customers.write');
  await deps.store.db.transaction().execute(async (trx) => {
    const before = await repo.findFact(trx, kind, id);
    if (!before || !(await customerInScope(trx, customerFilter(ctx), before.customerId)))
      throw notFound(kind, id);
    await repo.deleteFact(trx, kind, id);
    await refreshRollups(trx, deps.store.engine, [before.customerId]);
    await writeAudit(trx, ctx, {
      action: `${kind}.delete`,
      entity: kind,
      entityId: id,
      before: { customerId: before.customerId, ...before.data },
    });
  });
}

/** A customer's timeline: the newest facts of every kind, merged by date. */
export async function customerTimeline(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  limit = 100,
  filter: { kinds?: FactKind[]; before?: string } = {},
) {
  requirePermission(ctx, 'customers.read');
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  return repo.timeline(
    deps.store.db,
    customerId,
    Math.min(Math.max(limit, 1), 500),
    filter.kinds,
    filter.before,
  );
}

/** One fact with its details (an order with its lines). */
export async function getFact(deps: Deps, ctx: Ctx, kind: FactKind, id: number) {
  requirePermission(ctx, 'customers.read');
  const f = await repo.findFact(deps.store.db, kind, id);
  if (!f || !(await customerInScope(deps.store.db, customerFilter(ctx), f.customerId)))
    throw notFound(kind, id);
  const lines = kind === 'orders' ? await repo.orderLines(deps.store.db, id) : undefined;
  return { customerId: f.customerId, ...f.data, ...(lines ? { lines } : {}) };
}
