import { allows } from '../../domain/auth/permissions';
import { findCategory, topLevelOf } from '../../domain/service/taxonomy';
import { ticketReference } from '../../domain/service/ticket.schema';
import {
  allowedTargets,
  normalizeStatus,
  type TicketStatus,
} from '../../domain/service/ticket-status';
import type { TicketRow } from '../../store/service/tickets.repository';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { maskPersonal } from '../security/personal-data';

/** The actor may act as a service supervisor (system jobs included). */
export function canManage(ctx: Ctx): boolean {
  return ctx.actor.id === null || allows(ctx.actor.permissions, 'service.manage');
}

/** The actor works tickets (and so sees internal notes). */
export function canWork(ctx: Ctx): boolean {
  return ctx.actor.id === null || allows(ctx.actor.permissions, 'tickets.work');
}

function contactPhone(deps: Deps, ctx: Ctx, enc: string | null): string | null {
  if (!enc) return null;
  try {
    const plain = deps.keyring.decrypt(enc, 'ticket.contact_phone');
    const full = ctx.actor.id === null || allows(ctx.actor.permissions, 'customers.pii');
    return full ? plain : maskPersonal('phone', plain);
  } catch {
    // A value the keyring cannot read any more is shown as unknown rather than failing the page.
    return null;
  }
}

/** A ticket as the API shows it: reference, status read through the state machine, category names. */
export function presentTicket(deps: Deps, ctx: Ctx, r: TicketRow, now: Date) {
  const status: TicketStatus = normalizeStatus(r.status);
  const cat = findCategory(r.categoryPath) ?? findCategory(topLevelOf(r.categoryPath));
  return {
    id: r.id,
    reference: ticketReference(r.id, r.openedAt),
    customerId: r.customerId,
    customerCode: r.customerCode,
    customerName: r.customerName,
    subject: r.subject,
    category: r.categoryPath,
    categoryTop: topLevelOf(r.categoryPath),
    categoryPathZh: cat?.pathZh ?? [r.categoryPath],
    categoryPathEn: cat?.pathEn ?? [r.categoryPath],
    level: r.level,
    status,
    channel: r.channel,
    source: r.source,
    verified: r.verified,
    description: r.description,
    contactId: r.contactId,
    contactName: r.contactName,
    contactPhone: contactPhone(deps, ctx, r.contactPhoneEnc),
    assigneeId: r.assigneeId,
    assigneeName: r.assigneeName,
    externalRef: r.externalRef,
    openedAt: r.openedAt,
    updatedAt: r.updatedAt,
    firstRepliedAt: r.firstRepliedAt,
    resolvedAt: r.resolvedAt,
    confirmedAt: r.confirmedAt,
    closedAt: r.closedAt,
    followedUpAt: r.followedUpAt,
    reopenedCount: r.reopenedCount,
    version: r.version,
    allowedTransitions: canWork(ctx)
      ? allowedTargets({
          from: status,
          canManage: canManage(ctx),
          hasAssignee: r.assigneeId !== null,
          resolvedAt: r.resolvedAt,
          now,
        })
      : [],
  };
}
export type TicketView = ReturnType<typeof presentTicket>;
