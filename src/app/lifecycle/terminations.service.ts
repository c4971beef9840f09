import { z } from 'zod';
import { DomainError, notFound } from '../../domain/errors';
import {
  missingSteps,
  requireCompletable,
  requireStatus,
} from '../../domain/lifecycle/termination';
import { dateSchema, fromMinorUnits } from '../../domain/money';
import { findCustomerById } from '../../store/customers.repository';
import * as repo from '../../store/lifecycle/terminations.repository';
import { writeAudit } from '../audit';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

const text = (field: string, max = 2000) =>
  z
    .string({ error: `${field} is required` })
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`);
const version = z.number({ error: 'version is required' }).int().min(1);

async function view(deps: Deps, id: number) {
  const t = await repo.findTermination(deps.store.db, id);
  if (!t) throw notFound('Termination', id);
  return { ...t, missing: t.status === 'approved' ? missingSteps(t) : [] };
}

/**
 * Saves one step of a termination in a transaction with its audit record, refusing a save over
 * a newer version (someone else acted first). `after` may change the customer's stage too.
 */
async function step(
  deps: Deps,
  ctx: Ctx,
  id: number,
  v: number,
  action: string,
  set: Parameters<typeof repo.updateTermination>[3],
  stage?: string,
) {
  const before = await view(deps, id);
  const now = ctx.now().toISOString();
  await deps.store.db.transaction().execute(async (trx) => {
    if (!(await repo.updateTermination(trx, id, v, set)))
      throw new DomainError('STALE_VERSION', `Termination ${id} changed meanwhile; reload it`);
    if (stage) await repo.setLifecycleStage(trx, before.customerId, stage, now);
    await writeAudit(trx, ctx, {
      action,
      entity: 'customer',
      entityId: before.customerId,
      before: { terminationId: id, status: before.status },
      after: { terminationId: id, ...set, ...(stage ? { lifecycleStage: stage } : {}) },
    });
  });
  return view(deps, id);
}

/** Starts the termination of a customer with a reason (one in progress at a time). */
export async function requestTermination(deps: Deps, ctx: Ctx, customerId: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const { reason } = parseInput(
    z.strictObject({ reason: text('reason') }),
    raw,
    'Invalid termination',
  );
  const c = await findCustomerById(deps.store.db, customerId);
  if (!c) throw notFound('Customer', customerId);
  if (c.lifecycleStage === 'terminated')
    throw new DomainError('INVALID_STATE', `Customer ${c.code} is already terminated`);
  if (await repo.openTerminationOf(deps.store.db, customerId))
    throw new DomainError('CONFLICT', `Customer ${c.code} already has a termination in progress`);
  const now = ctx.now().toISOString();
  const id = await deps.store.db.transaction().execute(async (trx) => {
    const newId = await repo.insertTermination(
      trx,
      { customerId, reason, requestedBy: ctx.actor.id },
      now,
    );
    await writeAudit(trx, ctx, {
      action: 'termination.request',
      entity: 'customer',
      entityId: customerId,
      after: { terminationId: newId, reason },
    });
    return newId;
  });
  return view(deps, id);
}

/**
 * Senior management approves or rejects (reviews.manage). Approval puts the customer in the
 * `terminating` stage: no new marketing from that moment.
 */
export async function decideTermination(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'reviews.manage');
  const input = parseInput(
    z.strictObject({ approve: z.boolean(), note: z.string().trim().max(2000).optional(), version }),
    raw,
    'Invalid decision',
  );
  const t = await view(deps, id);
  requireStatus(t, 'requested');
  if (!input.approve && !input.note)
    throw new DomainError('VALIDATION', 'A rejection needs a note', {
      issues: [{ field: 'note', message: 'note is required when rejecting' }],
    });
  return step(
    deps,
    ctx,
    id,
    input.version,
    input.approve ? 'termination.approve' : 'termination.reject',
    {
      status: input.approve ? 'approved' : 'rejected',
      decided_by: ctx.actor.id,
      decided_at: ctx.now().toISOString(),
      decision_note: input.note ?? null,
    },
    input.approve ? 'terminating' : undefined,
  );
}

/** Records the advance notice given to the customer (date, channel, what was said). */
export async function recordNotice(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(
    z.strictObject({
      sentOn: dateSchema('sentOn'),
      channel: z.enum(['letter', 'email', 'phone', 'visit'], {
        error: 'channel must be letter, email, phone or visit',
      }),
      note: z.string().trim().max(2000).optional(),
      version,
    }),
    raw,
    'Invalid notice',
  );
  const t = await view(deps, id);
  requireStatus(t, 'approved');
  if (input.sentOn > businessToday(deps, ctx))
    throw new DomainError('VALIDATION', 'Invalid notice', {
      issues: [{ field: 'sentOn', message: 'sentOn cannot be in the future' }],
    });
  return step(deps, ctx, id, input.version, 'termination.notice', {
    notice_sent_on: input.sentOn,
    notice_channel: input.channel,
    notice_note: input.note ?? null,
  });
}

/** Confirms open orders and contracts are finished; refused while a contract still runs. */
export async function confirmOrdersClosed(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(z.strictObject({ version }), raw, 'Invalid confirmation');
  const t = await view(deps, id);
  requireStatus(t, 'approved');
  const running = await repo.runningContracts(
    deps.store.db,
    t.customerId,
    businessToday(deps, ctx),
  );
  if (running.length)
    throw new DomainError(
      'INVALID_STATE',
      `Contracts still run: ${running.map((c) => `${c.contract_no} (until ${c.end_on ?? 'no end date'})`).join(', ')}`,
      { contracts: running.map((c) => c.contract_no) },
    );
  return step(deps, ctx, id, input.version, 'termination.orders_closed', {
    orders_closed_by: ctx.actor.id,
    orders_closed_at: ctx.now().toISOString(),
  });
}

/** Confirms the account is settled; refused while invoices are unpaid. */
export async function confirmSettled(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(
    z.strictObject({ note: z.string().trim().max(2000).optional(), version }),
    raw,
    'Invalid settlement',
  );
  const t = await view(deps, id);
  requireStatus(t, 'approved');
  const unpaid = await repo.unpaidInvoices(deps.store.db, t.customerId);
  if (unpaid.count)
    throw new DomainError(
      'INVALID_STATE',
      `${unpaid.count} invoices (${fromMinorUnits(unpaid.amountMinor)}) are still unpaid`,
      unpaid,
    );
  return step(deps, ctx, id, input.version, 'termination.settled', {
    settled_by: ctx.actor.id,
    settled_at: ctx.now().toISOString(),
    settlement_note: input.note ?? null,
  });
}

/** Completes the termination: the customer is terminated; every record is kept. */
export async function completeTermination(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(z.strictObject({ version }), raw, 'Invalid completion');
  requireCompletable(await view(deps, id));
  return step(
    deps,
    ctx,
    id,
    input.version,
    'termination.complete',
    { status: 'completed', completed_by: ctx.actor.id, completed_at: ctx.now().toISOString() },
    'terminated',
  );
}

/** Cancels a termination before it completes; the customer is active again. */
export async function cancelTermination(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'customers.write');
  const input = parseInput(
    z.strictObject({ reason: text('reason'), version }),
    raw,
    'Invalid cancellation',
  );
  const t = await view(deps, id);
  requireStatus(t, 'requested', 'approved');
  return step(
    deps,
    ctx,
    id,
    input.version,
    'termination.cancel',
    { status: 'cancelled', decision_note: input.reason },
    t.status === 'approved' ? 'active' : undefined,
  );
}

/** Terminations by status or customer, newest first. */
export async function listTerminations(
  deps: Deps,
  ctx: Ctx,
  f: { status?: string | undefined; customerId?: number | undefined },
) {
  requirePermission(ctx, 'customers.read');
  const rows = await repo.listTerminations(deps.store.db, { ...f, rows: customerFilter(ctx) });
  return rows.map((t) => ({ ...t, missing: t.status === 'approved' ? missingSteps(t) : [] }));
}

/** One termination with the steps it still lacks. */
export async function getTermination(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'customers.read');
  return view(deps, id);
}

/** Refuses marketing to a customer leaving or gone (seed 001 §4: no contact, no marketing). */
export function requireMarketable(c: { code: string; lifecycleStage: string }): void {
  if (c.lifecycleStage === 'terminating' || c.lifecycleStage === 'terminated')
    throw new DomainError(
      'INVALID_STATE',
      `Customer ${c.code} is ${c.lifecycleStage}: no marketing activities`,
      { lifecycleStage: c.lifecycleStage },
    );
}
