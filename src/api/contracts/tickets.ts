import { z } from 'zod';
import { MESSAGE_KINDS, TICKET_CHANNELS } from '../../domain/service/ticket.schema';
import { TICKET_STATUSES } from '../../domain/service/ticket-status';

const status = z.enum(TICKET_STATUSES);

/** A node of the request taxonomy (recursive tree as shipped). */
export interface CategoryTreeNode {
  code: string;
  zh: string;
  en: string;
  defaultLevel?: number | undefined;
  children?: CategoryTreeNode[] | undefined;
}
const categoryNode: z.ZodType<CategoryTreeNode> = z.lazy(() =>
  z.object({
    code: z.string(),
    zh: z.string(),
    en: z.string(),
    defaultLevel: z.number().int().optional(),
    children: z.array(categoryNode).optional(),
  }),
);

export const taxonomyResponse = z
  .object({
    tree: z.array(categoryNode),
    nodes: z.array(
      z.object({
        code: z.string(),
        top: z.string(),
        depth: z.number().int(),
        zh: z.string(),
        en: z.string(),
        pathZh: z.array(z.string()),
        pathEn: z.array(z.string()),
        defaultLevel: z.number().int(),
        leaf: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'TicketTaxonomy' });

export const ticket = z
  .object({
    id: z.number().int(),
    reference: z.string(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    subject: z.string(),
    category: z.string(),
    categoryTop: z.string(),
    categoryPathZh: z.array(z.string()),
    categoryPathEn: z.array(z.string()),
    level: z.number().int(),
    status,
    channel: z.string().nullable(),
    source: z.string().nullable(),
    verified: z.boolean(),
    description: z.string().nullable(),
    contactId: z.number().int().nullable(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    assigneeId: z.number().int().nullable(),
    assigneeName: z.string().nullable(),
    externalRef: z.string().nullable(),
    openedAt: z.string(),
    updatedAt: z.string(),
    firstRepliedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    followedUpAt: z.string().nullable(),
    reopenedCount: z.number().int(),
    version: z.number().int(),
    allowedTransitions: z.array(status),
  })
  .meta({ id: 'Ticket' });

export const ticketMessage = z
  .object({
    id: z.number().int(),
    ticketId: z.number().int(),
    kind: z.enum(['reply', 'note', 'follow_up', 'status', 'created', 'assignment']),
    authorId: z.number().int().nullable(),
    authorName: z.string(),
    body: z.string(),
    visibility: z.enum(['public', 'internal']),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketMessage' });

export const ticketAttachment = z
  .object({
    id: z.number().int(),
    ticketId: z.number().int(),
    messageId: z.number().int().nullable(),
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'TicketAttachment' });

const instant = z.string().nullable();

/** A ticket's SLA clocks: the policy that applied, each target, the pause and the log. */
export const ticketSla = z
  .object({
    policyKey: z.string().nullable(),
    policyVersion: z.number().int().nullable(),
    tier: z.string().nullable(),
    calendarKey: z.string().nullable(),
    reason: z.string(),
    recomputedAt: z.string(),
    candidates: z.array(
      z.object({ key: z.string(), outcome: z.string(), lostOn: z.string().nullable() }),
    ),
    problem: z.looseObject({ message: z.string() }).nullable(),
    targets: z.array(
      z.object({
        key: z.string(),
        policyKey: z.string(),
        calendar: z.string(),
        dueAt: instant,
        warnAt: instant,
        stoppedAt: instant,
        met: z.number().int().nullable(),
        remainingMs: z.number().nullable(),
      }),
    ),
    warnAt: instant,
    breached: z.boolean(),
    escalationLevel: z.number().int(),
    pausedSince: instant,
    pausedMs: z.number(),
    events: z.array(
      z.object({
        id: z.number().int(),
        kind: z.string(),
        at: z.string(),
        detail: z.record(z.string(), z.unknown()),
      }),
    ),
  })
  .meta({ id: 'TicketSla' });

export const ticketDetail = z
  .object({
    ticket,
    messages: z.array(ticketMessage),
    attachments: z.array(ticketAttachment),
    sla: ticketSla.nullable().optional(),
  })
  .meta({ id: 'TicketDetail' });

/** One row of the agent queue with its due instants and what is left of them. */
export const queueItem = z.object({
  id: z.number().int(),
  subject: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  level: z.number().int(),
  status: z.string(),
  assigneeId: z.number().int().nullable(),
  assigneeName: z.string().nullable(),
  openedAt: z.string(),
  firstRepliedAt: instant,
  tier: z.string().nullable(),
  policyKey: z.string().nullable(),
  firstReplyDueAt: instant,
  responseDueAt: instant,
  resolutionDueAt: instant,
  warnAt: instant,
  breached: z.number().int(),
  escalationLevel: z.number().int(),
  pausedSince: instant,
  atRisk: z.boolean(),
  nextDueAt: instant,
  nextRemainingMs: z.number().nullable(),
  resolutionRemainingMs: z.number().nullable(),
});

export const queueQuery = z.object({
  mine: z.string().optional(),
  page: z.string().optional(),
  pageSize: z.string().optional(),
});

export const queueResponse = z.object({
  items: z.array(queueItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  now: z.string(),
});

export const supervisorResponse = z.object({
  now: z.string(),
  totals: z.object({ breached: z.number().int(), atRisk: z.number().int() }),
  counts: z.array(
    z.object({
      state: z.enum(['breached', 'at_risk']),
      assigneeId: z.number().int().nullable(),
      assigneeName: z.string().nullable(),
      tier: z.string().nullable(),
      count: z.number().int(),
    }),
  ),
  breached: z.array(queueItem),
  atRisk: z.array(queueItem),
});

export const pauseBody = z.looseObject({ reason: z.unknown() });

export const ticketPage = z.object({
  items: z.array(ticket),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ticketQuery = z.object({
  status: z.string().max(200).optional().describe("a status, a comma list, or 'open'"),
  assignee: z.string().max(20).optional().describe("a user id, 'me' or 'none'"),
  customerId: z.coerce.number().int().positive().optional(),
  category: z.string().max(200).optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().positive().optional(),
  pageSize: z.coerce.number().int().positive().max(100).optional(),
});

/** Bodies are checked in the service (errors name the field); these document them. */
export const createTicketBody = z
  .looseObject({
    customerId: z.unknown(),
    channel: z.enum(TICKET_CHANNELS).or(z.unknown()),
    category: z.unknown(),
    level: z.unknown().optional(),
    subject: z.unknown(),
  })
  .describe('See CreateTicketInput: customerId, channel, category, level, subject, description…');

export const transitionBody = z.object({
  to: z.unknown(),
  version: z.unknown(),
  comment: z.unknown().optional(),
});
export const messageBody = z.object({
  kind: z.enum(MESSAGE_KINDS).or(z.unknown()),
  body: z.unknown(),
});
export const assignBody = z.object({ assigneeId: z.unknown(), version: z.unknown().optional() });
export const updateBody = z.looseObject({ version: z.unknown() });
export const attachmentBody = z.looseObject({
  fileName: z.unknown(),
  contentType: z.unknown().optional(),
  dataBase64: z.unknown(),
  messageId: z.unknown().optional(),
});

export const publicTicketBody = z.looseObject({
  customerCode: z.unknown(),
  phone: z.unknown(),
  category: z.unknown(),
  description: z.unknown(),
  contactName: z.unknown().optional(),
  website: z.unknown().optional(),
});
export const publicTicketResponse = z.object({ reference: z.string(), verified: z.boolean() });
export const publicStatusResponse = z.object({
  reference: z.string(),
  status,
  category: z.string(),
  openedAt: z.string(),
  replies: z.array(z.object({ body: z.string(), createdAt: z.string() })),
});
