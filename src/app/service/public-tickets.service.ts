import { validationError } from '../../domain/errors';
import { findCategory } from '../../domain/service/taxonomy';
import {
  idFromReference,
  publicTicketInput,
  ticketReference,
} from '../../domain/service/ticket.schema';
import { normalizeStatus } from '../../domain/service/ticket-status';
import { findCustomerByCode } from '../../store/customers.repository';
import { listMessages } from '../../store/service/ticket-messages.repository';
import { findTicket } from '../../store/service/tickets.repository';
import type { Actor, Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { personalHash } from '../security/personal-data';
import { limiterFor } from './public-rate-limit';
import { insertNewTicket } from './ticket-insert';

/** Who the audit names for submissions through the public form (no signed-in user). */
const PUBLIC_ACTOR: Actor = {
  id: null,
  name: 'public web form',
  roleId: 'public',
  permissions: [],
  region: null,
  rowScope: 'all',
  team: null,
};

/**
 * A customer files a request through the public web form. The customer is found by its code;
 * when the phone matches one of its contacts the ticket is verified, otherwise it is filed
 * unverified for staff to check who sent it. A filled honeypot field (bots) gets an answer that
 * looks the same but files nothing. Each address may submit a few times per window.
 */
export async function submitPublicTicket(
  deps: Deps,
  raw: unknown,
  client: { ip: string; now: Date; requestId?: string },
): Promise<{ reference: string; verified: boolean }> {
  limiterFor(deps).hit(`submit:${client.ip}`, client.now.getTime());
  const input = parseInput(publicTicketInput, raw, 'Invalid request');
  if (input.website)
    return { reference: ticketReference(0, client.now.toISOString()), verified: false };
  const db = deps.store.db;
  const customer = await findCustomerByCode(db, input.customerCode);
  if (!customer)
    throw validationError('Invalid request', [
      {
        field: 'customerCode',
        message: 'we do not know this customer code; check it on your contract or invoice',
      },
    ]);
  const hash = personalHash(deps.keyring, 'phone', input.phone);
  const contact = await db
    .selectFrom('contacts')
    .select(['id', 'name'])
    .where('customer_id', '=', customer.id)
    .where('phone_hash', '=', hash)
    .executeTakeFirst();
  const ctx: Ctx = {
    actor: PUBLIC_ACTOR,
    now: () => client.now,
    ...(client.requestId ? { requestId: client.requestId } : {}),
  };
  const cat = findCategory(input.category);
  const firstLine = input.description.split('\n')[0]?.slice(0, 60) ?? '';
  const id = await db.transaction().execute((trx) =>
    insertNewTicket(trx, ctx, {
      customerId: customer.id,
      subject: `${cat?.zh ?? input.category}: ${firstLine}`,
      categoryPath: input.category,
      level: cat?.defaultLevel ?? 3,
      channel: 'web_form',
      source: 'public_form',
      verified: Boolean(contact),
      description: input.description,
      contactId: contact ? Number(contact.id) : null,
      contactName: input.contactName ?? contact?.name ?? null,
      contactPhoneEnc: deps.keyring.encrypt(input.phone, 'ticket.contact_phone'),
      assigneeId: null,
      externalRef: null,
      idempotencyKey: null,
    }),
  );
  return { reference: ticketReference(id, client.now.toISOString()), verified: Boolean(contact) };
}

/**
 * What a customer may see of its ticket by reference and customer code: status and the
 * replies. Internal notes never leave the building.
 */
export async function publicTicketStatus(
  deps: Deps,
  reference: string,
  customerCode: string,
  client: { ip: string; now: Date },
) {
  limiterFor(deps).hit(`status:${client.ip}`, client.now.getTime());
  const id = idFromReference(reference);
  const t = id === null ? undefined : await findTicket(deps.store.db, id);
  if (
    !t ||
    t.customerCode !== customerCode.trim() ||
    ticketReference(t.id, t.openedAt) !== reference.trim().toUpperCase()
  )
    throw validationError('Unknown ticket', [
      { field: 'reference', message: 'no ticket with this reference for this customer code' },
    ]);
  const messages = await listMessages(deps.store.db, t.id, false);
  return {
    reference: ticketReference(t.id, t.openedAt),
    status: normalizeStatus(t.status),
    category: t.categoryPath,
    openedAt: t.openedAt,
    replies: messages
      .filter((m) => m.kind === 'reply')
      .map((m) => ({ body: m.body, createdAt: m.createdAt })),
  };
}
