import { z } from 'zod';
import { notFound } from '../../domain/errors';
import { RULE_KEYS } from '../../domain/policy/automation';
import { listFirings as listRows } from '../../store/automation/firings.repository';
import { findCustomerById } from '../../store/customers.repository';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';

const day = (field: string) =>
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, `${field} must be a date YYYY-MM-DD`);

export const firingsQuery = z.strictObject({
  rule: z.enum(RULE_KEYS, { error: `rule must be one of ${RULE_KEYS.join(', ')}` }).optional(),
  customerId: z.coerce.number({ error: 'customerId must be a number' }).int().positive().optional(),
  /** First and last day fired (inclusive, UTC dates). */
  from: day('from').optional(),
  to: day('to').optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FiringsQuery = z.input<typeof firingsQuery>;

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 864e5).toISOString().slice(0, 10);
}

/** Firings with their evidence and actions, newest first, filtered by rule, customer and date. */
export async function listFirings(deps: Deps, ctx: Ctx, raw: FiringsQuery | unknown = {}) {
  requirePermission(ctx, 'customers.read');
  const q = parseInput(firingsQuery, raw, 'Invalid firings query');
  const { items, total } = await listRows(deps.store.db, {
    ...(q.rule ? { rule: q.rule } : {}),
    ...(q.customerId ? { customerId: q.customerId } : {}),
    ...(q.from ? { from: `${q.from}T00:00:00.000Z` } : {}),
    ...(q.to ? { to: `${nextDay(q.to)}T00:00:00.000Z` } : {}),
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
    rows: customerFilter(ctx),
  });
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/** One customer's firings (the customer page's automation tab). */
export async function customerFirings(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  raw: FiringsQuery | unknown = {},
) {
  requirePermission(ctx, 'customers.read');
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  return listFirings(deps, ctx, { ...(raw as object), customerId });
}
