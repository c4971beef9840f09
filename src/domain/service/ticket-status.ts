import { DomainError } from '../errors';

/**
 * The ticket state machine (seed 002 §4, 001 §5.2): record → assign → respond → resolve →
 * confirm with the customer → close, with reopening and a follow-up visit after closing.
 */
export const TICKET_STATUSES = [
  'new',
  'assigned',
  'replied',
  'in_progress',
  'resolved',
  'confirmed',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Statuses in which the work is done (the front-line card and queues treat the rest as open). */
export const FINISHED_STATUSES: readonly TicketStatus[] = ['resolved', 'confirmed', 'closed'];

/** Days after resolving within which anyone working tickets may reopen; later only a supervisor. */
export const REOPEN_WINDOW_DAYS = 30;

/** Forward moves. Reopening (a finished status back to in_progress) is handled apart. */
const FORWARD: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['assigned', 'closed'],
  assigned: ['replied', 'in_progress', 'resolved'],
  replied: ['in_progress', 'resolved'],
  in_progress: ['replied', 'resolved'],
  resolved: ['confirmed', 'closed'],
  confirmed: ['closed'],
  closed: [],
};

/**
 * Reads a stored status. Rows written before the state machine (demo data, imports) say 'open'
 * for a ticket nobody has taken yet: that is 'new'. Anything else unknown also reads as 'new' so
 * an odd row can still be worked rather than being stuck.
 */
export function normalizeStatus(stored: string): TicketStatus {
  if (stored === 'open') return 'new';
  return (TICKET_STATUSES as readonly string[]).includes(stored) ? (stored as TicketStatus) : 'new';
}

/** What a transition means, for the audit, the message log and the timestamps. */
export type TransitionKind = 'forward' | 'reopen' | 'cancel';

/** Facts about the ticket and the actor a transition is judged on. */
export interface TransitionCheck {
  from: TicketStatus;
  to: TicketStatus;
  /** The actor holds service.manage (supervisors): may cancel new tickets and reopen late. */
  canManage: boolean;
  hasAssignee: boolean;
  /** When the ticket was last resolved (ISO instant), for the reopen window. */
  resolvedAt: string | null;
  now: Date;
}

/** The statuses reachable from `from` for this actor (the web shows these as buttons). */
export function allowedTargets(c: Omit<TransitionCheck, 'to'>): TicketStatus[] {
  return TICKET_STATUSES.filter((to) => {
    try {
      checkTransition({ ...c, to });
      return true;
    } catch {
      return false;
    }
  });
}

function withinReopenWindow(resolvedAt: string | null, now: Date): boolean {
  if (!resolvedAt) return true;
  return now.getTime() - Date.parse(resolvedAt) <= REOPEN_WINDOW_DAYS * 86_400_000;
}

/**
 * Judges one move. Throws INVALID_STATE naming from → to when the machine has no such edge,
 * FORBIDDEN when the edge needs a supervisor, VALIDATION when assigning without an assignee.
 */
export function checkTransition(c: TransitionCheck): TransitionKind {
  const { from, to } = c;
  if (FINISHED_STATUSES.includes(from) && to === 'in_progress') {
    if (!c.canManage && !withinReopenWindow(c.resolvedAt, c.now))
      throw new DomainError(
        'FORBIDDEN',
        `Only a service supervisor may reopen a ticket more than ${REOPEN_WINDOW_DAYS} days after it was resolved`,
        { from, to, permission: 'service.manage' },
      );
    return 'reopen';
  }
  if (!FORWARD[from].includes(to))
    throw new DomainError('INVALID_STATE', `A ticket cannot move from ${from} to ${to}`, {
      from,
      to,
      allowed: [...FORWARD[from], ...(FINISHED_STATUSES.includes(from) ? ['in_progress'] : [])],
    });
  if (from === 'new' && to === 'closed') {
    if (!c.canManage)
      throw new DomainError(
        'FORBIDDEN',
        'Only a service supervisor may close a new ticket unworked',
        {
          from,
          to,
          permission: 'service.manage',
        },
      );
    return 'cancel';
  }
  if (to === 'assigned' && !c.hasAssignee)
    throw new DomainError('VALIDATION', 'Assign the ticket to someone first', {
      issues: [{ field: 'assigneeId', message: 'the ticket has no assignee' }],
    });
  return 'forward';
}

/** Columns a move sets besides the status: when it was resolved, confirmed, closed, reopened. */
export function transitionStamps(
  kind: TransitionKind,
  to: TicketStatus,
  nowIso: string,
): {
  resolved_at?: string | null;
  confirmed_at?: string | null;
  closed_at?: string | null;
} {
  if (kind === 'reopen') return { resolved_at: null, confirmed_at: null, closed_at: null };
  if (to === 'resolved') return { resolved_at: nowIso };
  if (to === 'confirmed') return { confirmed_at: nowIso };
  if (to === 'closed') return { closed_at: nowIso };
  return {};
}

/** Follow-up visits (回访) are recorded once the customer has confirmed or the ticket is closed. */
export function canFollowUp(status: TicketStatus): boolean {
  return status === 'confirmed' || status === 'closed' || status === 'resolved';
}
