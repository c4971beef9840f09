import { notFound } from '../../domain/errors';
import { topLevelOf } from '../../domain/service/taxonomy';
import { updateTicketInput } from '../../domain/service/ticket.schema';
import * as repo from '../../store/service/tickets.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { computeTicketClock } from '../sla/ticket-sla-clock';
import { staleTicket } from './ticket-workflow.service';
import { getTicket } from './tickets.service';

/** Refines the category, level or subject (optimistic lock); the audit keeps both sides. */
export async function updateTicket(deps: Deps, ctx: Ctx, id: number, raw: unknown) {
  requirePermission(ctx, 'tickets.work');
  const input = parseInput(updateTicketInput, raw, 'Invalid ticket');
  await deps.store.db.transaction().execute(async (trx) => {
    const t = await repo.findTicket(trx, id);
    if (!t) throw notFound('Ticket', id);
    if (t.version !== input.version) throw staleTicket(id, input.version);
    const ok = await repo.updateTicket(trx, id, t.version, {
      updated_at: ctx.now().toISOString(),
      ...(input.category
        ? { category_path: input.category, category: topLevelOf(input.category) }
        : {}),
      ...(input.level !== undefined ? { level: input.level } : {}),
      ...(input.subject ? { subject: input.subject } : {}),
    });
    if (!ok) throw staleTicket(id, input.version);
    // A new level or category can change the policy: the deadlines move and say why.
    if (input.level !== undefined && input.level !== t.level)
      await computeTicketClock(trx, ctx, id, 'level_changed', deps.config.timeZone);
    else if (input.category && input.category !== t.categoryPath)
      await computeTicketClock(trx, ctx, id, 'category_changed', deps.config.timeZone);
    await writeAudit(trx, ctx, {
      action: 'ticket.update',
      entity: 'ticket',
      entityId: id,
      before: { category: t.categoryPath, level: t.level, subject: t.subject },
      after: input,
    });
  });
  return getTicket(deps, ctx, id);
}

/** Marks a public-form ticket as matched to its customer after staff checked who sent it. */
export async function verifyTicket(deps: Deps, ctx: Ctx, id: number) {
  requirePermission(ctx, 'tickets.work');
  await deps.store.db.transaction().execute(async (trx) => {
    const t = await repo.findTicket(trx, id);
    if (!t) throw notFound('Ticket', id);
    if (t.verified) return;
    const ok = await repo.updateTicket(trx, id, t.version, {
      verified: 1,
      updated_at: ctx.now().toISOString(),
    });
    if (!ok) throw staleTicket(id, t.version);
    await writeAudit(trx, ctx, { action: 'ticket.verify', entity: 'ticket', entityId: id });
  });
  return getTicket(deps, ctx, id);
}
