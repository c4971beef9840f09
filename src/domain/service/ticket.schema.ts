import { z } from 'zod';
import { isKnownCategory, TOP_LEVEL_CATEGORIES } from './taxonomy';
import { TICKET_STATUSES } from './ticket-status';

/** How a request reached us. */
export const TICKET_CHANNELS = ['phone', 'email', 'web_form', 'counter', 'api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Who wrote a message: a reply the customer sees, an internal note, a follow-up visit record. */
export const MESSAGE_KINDS = ['reply', 'note', 'follow_up'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Service levels (REQUIREMENTS §6): 1 urgent, 2 priority, 3 routine, 4 consultation. */
export const SERVICE_LEVELS = [1, 2, 3, 4] as const;

/** A category code that the taxonomy knows; the error lists the top levels to choose from. */
export const categorySchema = z
  .string({ error: 'category is required' })
  .trim()
  .min(1, 'category is required')
  .refine(isKnownCategory, {
    error: (i) =>
      `unknown category '${String(i.input)}': use a code from GET /api/service/taxonomy; top-level categories are ${TOP_LEVEL_CATEGORIES.join(', ')}`,
  });

const level = z
  .number({ error: 'level must be a number from 1 (urgent) to 4 (consultation)' })
  .int('level must be a whole number')
  .min(1, 'level must be 1 (urgent) to 4 (consultation)')
  .max(4, 'level must be 1 (urgent) to 4 (consultation)');

/** A new ticket as staff or another system files it. */
export const createTicketInput = z.strictObject({
  customerId: z.number({ error: 'customerId must be a number' }).int().positive(),
  contactId: z.number({ error: 'contactId must be a number' }).int().positive().optional(),
  contactName: z.string().trim().max(100).optional(),
  contactPhone: z.string().trim().max(40).optional(),
  channel: z.enum(TICKET_CHANNELS, {
    error: `channel must be one of ${TICKET_CHANNELS.join(', ')}`,
  }),
  category: categorySchema,
  /** Defaults to the category's level (emergency 1, repair 2, complaint 3, consultation 4). */
  level: level.optional(),
  subject: z
    .string({ error: 'subject is required' })
    .trim()
    .min(1, 'subject is required')
    .max(200, 'subject is at most 200 characters'),
  description: z.string().trim().max(20_000, 'description is at most 20000 characters').optional(),
  assigneeId: z.number({ error: 'assigneeId must be a number' }).int().positive().optional(),
  /** The other system's own id for the request, kept for reference. */
  externalRef: z.string().trim().max(100).optional(),
});
export type CreateTicketInput = z.input<typeof createTicketInput>;

/** Edits an agent may make after filing: refine the category, change level or subject. */
export const updateTicketInput = z.strictObject({
  version: z.number({ error: 'version is required (optimistic locking)' }).int(),
  category: categorySchema.optional(),
  level: level.optional(),
  subject: z.string().trim().min(1, 'subject cannot be empty').max(200).optional(),
});

/** A move in the state machine. */
export const transitionInput = z.strictObject({
  to: z.enum(TICKET_STATUSES, { error: `to must be one of ${TICKET_STATUSES.join(', ')}` }),
  version: z.number({ error: 'version is required (optimistic locking)' }).int(),
  comment: z.string().trim().max(2000).optional(),
});

/** A reply, internal note or follow-up record. */
export const messageInput = z.strictObject({
  kind: z.enum(MESSAGE_KINDS, { error: `kind must be one of ${MESSAGE_KINDS.join(', ')}` }),
  body: z
    .string({ error: 'body is required' })
    .trim()
    .min(1, 'body is required')
    .max(20_000, 'body is at most 20000 characters'),
});

/** Largest attachment accepted, in bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** An attachment sent as base64 in JSON (no multipart parser in the server). */
export const attachmentInput = z.strictObject({
  fileName: z
    .string({ error: 'fileName is required' })
    .trim()
    .min(1, 'fileName is required')
    .max(200)
    .refine((n) => !/[\\/\0]/.test(n), 'fileName must not contain slashes'),
  contentType: z
    .string()
    .trim()
    .regex(/^[\w.+-]+\/[\w.+-]+$/, 'contentType must look like type/subtype')
    .default('application/octet-stream'),
  dataBase64: z
    .string({ error: 'dataBase64 is required' })
    .min(1, 'dataBase64 is required: the file content, base64-encoded')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'dataBase64 must be base64'),
  messageId: z.number().int().positive().optional(),
});

/** The public web form: the customer names itself by code and a contact's phone. */
export const publicTicketInput = z.strictObject({
  customerCode: z
    .string({ error: 'customerCode is required' })
    .trim()
    .min(1, 'customerCode is required')
    .max(50),
  phone: z
    .string({ error: 'phone is required' })
    .trim()
    .min(5, 'phone is required so we can call you back')
    .max(40),
  contactName: z.string().trim().max(100).optional(),
  category: categorySchema,
  description: z
    .string({ error: 'description is required' })
    .trim()
    .min(5, 'description is required: tell us what happened')
    .max(5000, 'description is at most 5000 characters'),
  /** Honeypot: invisible to people, filled by bots. Must stay empty. */
  website: z.string().max(500).optional(),
});
export type PublicTicketInput = z.input<typeof publicTicketInput>;

/**
 * The reference a customer can quote: 'T', the filing date (Beijing time) and the id padded to
 * five digits, e.g. T2026112700042. Derived from the id so it is unique without a counter.
 */
export function ticketReference(id: number, openedAt: string): string {
  const local = new Date(Date.parse(openedAt) + 8 * 3_600_000).toISOString().slice(0, 10);
  return `T${local.replaceAll('-', '')}${String(id).padStart(5, '0')}`;
}

/** The id inside a reference, or null when it is not one. */
export function idFromReference(ref: string): number | null {
  const m = /^T\d{8}(\d{5,})$/.exec(ref.trim().toUpperCase());
  return m ? Number(m[1]) : null;
}
