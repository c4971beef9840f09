import { notFound, validationError } from '../../domain/errors';
import { findCategory, flattenTaxonomy, TAXONOMY } from '../../domain/service/taxonomy';
import { createTicketInput, idFromReference } from '../../domain/service/ticket.schema';
import { TICKET_STATUSES } from '../../domain/service/ticket-status';
import { customerInScope } from '../../store/customer-scope';
import { findCustomerById } from '../../store/customers.repository';
import { listAttachments } from '../../store/service/ticket-attachments.repository';
import { listMessages } from '../../store/service/ticket-messages.repository';
import * as repo from '../../store/service/tickets.repository';
import type { Ctx } from '../context';
import { assertCustomerInScope, customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { ticketSlaBlock } from '../sla/ticket-sla-view';
import { checkAssignee } from './ticket-assignee';
import { insertNewTicket } from './ticket-insert';
import { canWork, presentTicket, type TicketView } from './ticket-view';

/** The request taxonomy as a tree and as a flat list of codes. */
export function getTaxonomy() {
  return { tree: [...TAXONOMY], nodes: flattenTaxonomy() };
}

/**
 * Files a ticket (staff, or another system through the inbound API with channel 'api').
 * An idempotency key makes a retried call return the ticket the first call created.
 */
export async function createTicket(
  deps: Deps,
  ctx: Ctx,
  raw: unknown,
  opts: { idempotencyKey?: string | undefined } = {},
): Promise<{ ticket: TicketView; replayed: boolean }> {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(createTicketInput, raw, 'Invalid ticket');
  const db = deps.store.db;
  const key = opts.idempotencyKey ? `${ctx.actor.id ?? 'system'}:${opts.idempotencyKey}` : null;
  if (key) {
    const prior = await repo.findByIdempotencyKey(db, key);
    if (prior !== null) return { ticket: await getTicketView(deps, ctx, prior), replayed: true };
  }
  const customer = await findCustomerById(db, input.customerId);
  // A customer outside the agent's row scope reads as one that does not exist.
  if (!customer || !(await customerInScope(db, customerFilter(ctx), customer.id)))
    throw validationError('Invalid ticket', [
      { field: 'customerId', message: `customer ${input.customerId} does not exist` },
    ]);
  let contactName = input.contactName ?? null;
  if (input.contactId !== undefined) {
    const c = await db
      .selectFrom('contacts')
      .select(['name', 'customer_id'])
      .where('id', '=', input.contactId)
      .executeTakeFirst();
    if (!c || Number(c.customer_id) !== input.customerId)
      throw validationError('Invalid ticket', [
        {
          field: 'contactId',
          message: `contact ${input.contactId} is not a contact of ${customer.code}`,
        },
      ]);
    contactName ??= c.name;
  }
  if (input.assigneeId !== undefined) await checkAssignee(db, input.assigneeId);
  const level = input.level ?? findCategory(input.category)?.defaultLevel ?? 3;
  let id: number;
  try {
    id = await db.transaction().execute((trx) =>
      insertNewTicket(trx, ctx, {
        customerId: input.customerId,
        subject: input.subject,
        categoryPath: input.category,
        level,
        channel: input.channel,
        source: input.channel === 'api' ? 'api' : 'staff',
        verified: true,
        description: input.description ?? null,
        contactId: input.contactId ?? null,
        contactName,
        contactPhoneEnc: input.contactPhone
          ? deps.keyring.encrypt(input.contactPhone, 'ticket.contact_phone')
          : null,
        assigneeId: input.assigneeId ?? null,
        externalRef: input.externalRef ?? null,
        idempotencyKey: key,
      }),
    );
  } catch (e) {
    // Two retries racing: the unique index refused the second; answer with the first.
    const prior = key ? await repo.findByIdempotencyKey(db, key) : null;
    if (prior === null) throw e;
    return { ticket: await getTicketView(deps, ctx, prior), replayed: true };
  }
  return { ticket: await getTicketView(deps, ctx, id), replayed: false };
}

async function getTicketView(deps: Deps, ctx: Ctx, id: number): Promise<TicketView> {
  const r = await repo.findTicket(deps.store.db, id);
  if (!r) throw notFound('Ticket', id);
  return presentTicket(deps, ctx, r, ctx.now());
}

/** One ticket with its conversation and attachments; internal notes only for ticket workers. */
export async function getTicket(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'customers.read');
  const ticket = await getTicketView(deps, ctx, id);
  const [messages, attachments, sla] = await Promise.all([
    listMessages(deps.store.db, id, canWork(ctx)),
    listAttachments(deps.store.db, id),
    ticketSlaBlock(deps.store.db, ticket, ctx.now()),
  ]);
  return { ticket, messages, attachments, sla };
}

/** Query of the ticket queue (all optional). */
export interface TicketQuery {
  status?: string | undefined;
  assignee?: string | undefined;
  customerId?: number | undefined;
  category?: string | undefined;
  level?: number | undefined;
  q?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

/**
 * The ticket queue. `status` takes one status or a comma-separated list (or 'open' for
 * everything not finished); `assignee` is a user id, 'me' or 'none'.
 */
export async function listTickets(deps: Deps, ctx: Ctx, q: TicketQuery) {
  requirePermission(ctx, 'customers.read');
  const statuses = q.status
    ? q.status === 'open'
      ? ['new', 'assigned', 'replied', 'in_progress']
      : q.status.split(',').map((s) => s.trim())
    : undefined;
  for (const s of statuses ?? [])
    if (!(TICKET_STATUSES as readonly string[]).includes(s))
      throw validationError('Invalid ticket query', [
        {
          field: 'status',
          message: `status must be 'open' or one of ${TICKET_STATUSES.join(', ')}`,
        },
      ]);
  if (q.category && !findCategory(q.category))
    throw validationError('Invalid ticket query', [
      { field: 'category', message: `unknown category '${q.category}'` },
    ]);
  let assigneeId: number | null | undefined;
  if (q.assignee === 'me') assigneeId = ctx.actor.id ?? undefined;
  else if (q.assignee === 'none') assigneeId = null;
  else if (q.assignee) {
    assigneeId = Number(q.assignee);
    if (!Number.isInteger(assigneeId))
      throw validationError('Invalid ticket query', [
        { field: 'assignee', message: "assignee must be a user id, 'me' or 'none'" },
      ]);
  }
  const page = q.page ?? 1;
  const pageSize = Math.min(q.pageSize ?? 20, 100);
  const term = q.q?.trim() || undefined;
  const { rows, total } = await repo.listTickets(
    deps.store.db,
    {
      status: statuses,
      assigneeId,
      customerId: q.customerId,
      category: q.category,
      level: q.level,
      q: term,
      idFromQuery: term ? (idFromReference(term) ?? undefined) : undefined,
      rows: customerFilter(ctx),
    },
    page,
    pageSize,
  );
  const now = ctx.now();
  return { items: rows.map((r) => presentTicket(deps, ctx, r, now)), total, page, pageSize };
}

/** A customer's tickets, newest first. */
export async function customerTickets(deps: Deps, ctx: Ctx, customerId: number, page = 1) {
  requirePermission(ctx, 'customers.read');
  await assertCustomerInScope(deps.store.db, ctx, customerId);
  if (!(await findCustomerById(deps.store.db, customerId))) throw notFound('Customer', customerId);
  return listTickets(deps, ctx, { customerId, page });
}
