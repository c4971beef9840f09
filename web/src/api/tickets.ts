import { api } from './client';

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
export const TICKET_CHANNELS = ['phone', 'email', 'web_form', 'counter', 'api'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** A node of the request taxonomy. */
export interface CategoryNode {
  code: string;
  zh: string;
  en: string;
  defaultLevel?: number;
  children?: CategoryNode[];
}

/** A node with its full code and the names along its path. */
export interface FlatCategory {
  code: string;
  top: string;
  depth: number;
  zh: string;
  en: string;
  pathZh: string[];
  pathEn: string[];
  defaultLevel: number;
  leaf: boolean;
}

export interface Taxonomy {
  tree: CategoryNode[];
  nodes: FlatCategory[];
}

/** A service ticket as the API shows it. */
export interface Ticket {
  id: number;
  reference: string;
  customerId: number;
  customerCode: string;
  customerName: string;
  subject: string;
  category: string;
  categoryTop: string;
  categoryPathZh: string[];
  categoryPathEn: string[];
  level: number;
  status: TicketStatus;
  channel: string | null;
  source: string | null;
  verified: boolean;
  description: string | null;
  contactId: number | null;
  contactName: string | null;
  contactPhone: string | null;
  assigneeId: number | null;
  assigneeName: string | null;
  openedAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  closedAt: string | null;
  reopenedCount: number;
  version: number;
  allowedTransitions: TicketStatus[];
}

export interface TicketMessage {
  id: number;
  kind: 'reply' | 'note' | 'follow_up' | 'status' | 'created' | 'assignment';
  authorName: string;
  body: string;
  visibility: 'public' | 'internal';
  fromStatus: string | null;
  toStatus: string | null;
  createdAt: string;
}

export interface TicketAttachment {
  id: number;
  ticketId: number;
  fileName: string;
  contentType: string;
  size: number;
  createdAt: string;
}

export interface TicketDetail {
  ticket: Ticket;
  messages: TicketMessage[];
  attachments: TicketAttachment[];
  sla?: TicketSla | null;
}

export type SlaTargetKey = 'firstReply' | 'response' | 'resolution';

/** A ticket's SLA clocks: the policy that applied, each target, the pause and the log. */
export interface TicketSla {
  policyKey: string | null;
  policyVersion: number | null;
  tier: string | null;
  calendarKey: string | null;
  reason: string;
  recomputedAt: string;
  candidates: { key: string; outcome: string; lostOn: string | null }[];
  problem: { message: string; date?: string } | null;
  targets: {
    key: SlaTargetKey;
    policyKey: string;
    calendar: string;
    dueAt: string | null;
    warnAt: string | null;
    stoppedAt: string | null;
    met: number | null;
    remainingMs: number | null;
  }[];
  warnAt: string | null;
  breached: boolean;
  escalationLevel: number;
  pausedSince: string | null;
  pausedMs: number;
  events: { id: number; kind: string; at: string; detail: Record<string, unknown> }[];
}

/** One row of the agent queue. */
export interface QueueItem {
  id: number;
  subject: string;
  customerId: number;
  customerName: string;
  level: number;
  status: TicketStatus;
  assigneeId: number | null;
  assigneeName: string | null;
  openedAt: string;
  firstRepliedAt: string | null;
  tier: string | null;
  policyKey: string | null;
  firstReplyDueAt: string | null;
  responseDueAt: string | null;
  resolutionDueAt: string | null;
  warnAt: string | null;
  breached: number;
  escalationLevel: number;
  pausedSince: string | null;
  atRisk: boolean;
  nextDueAt: string | null;
  nextRemainingMs: number | null;
  resolutionRemainingMs: number | null;
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  pageSize: number;
  now: string;
}

export interface SupervisorView {
  now: string;
  totals: { breached: number; atRisk: number };
  counts: {
    state: 'breached' | 'at_risk';
    assigneeId: number | null;
    assigneeName: string | null;
    tier: string | null;
    count: number;
  }[];
  breached: QueueItem[];
  atRisk: QueueItem[];
}

/** The agent queue in SLA order. */
export function getTicketQueue(q: { mine?: boolean; page?: number }): Promise<QueuePage> {
  return api.get('/api/tickets/queue', { mine: q.mine ? 'true' : undefined, page: q.page });
}

/** Breached and at-risk tickets for supervisors. */
export function getSupervisorView(): Promise<SupervisorView> {
  return api.get('/api/tickets/supervisor');
}

/** Pauses a ticket's SLA clocks while it waits on the customer. */
export function pauseTicketClock(id: number, reason: string): Promise<TicketDetail> {
  return api.post(`/api/tickets/${id}/pause`, { reason });
}

/** Resumes a ticket's SLA clocks. */
export function resumeTicketClock(id: number): Promise<TicketDetail> {
  return api.post(`/api/tickets/${id}/resume`, {});
}

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

export interface NewTicket {
  customerId: number;
  contactId?: number | undefined;
  channel: TicketChannel;
  category: string;
  level?: number | undefined;
  subject: string;
  description?: string | undefined;
}

/** The request categories. */
export function getTaxonomy(): Promise<Taxonomy> {
  return api.get('/api/service/taxonomy');
}

/** The categories for the public form (no sign-in). */
export function getPublicTaxonomy(): Promise<Taxonomy> {
  return api.get('/api/public/service/taxonomy');
}

/** A page of the ticket queue. */
export function listTickets(
  q: TicketQuery,
): Promise<{ items: Ticket[]; total: number; page: number; pageSize: number }> {
  return api.get('/api/tickets', { ...q });
}

/** One ticket with its conversation. */
export function getTicket(id: number): Promise<TicketDetail> {
  return api.get(`/api/tickets/${id}`);
}

/** Files a ticket. */
export function createTicket(body: NewTicket): Promise<TicketDetail> {
  return api.post('/api/tickets', body);
}

/** Adds a reply, an internal note or a follow-up record. */
export function addTicketMessage(
  id: number,
  kind: 'reply' | 'note' | 'follow_up',
  body: string,
): Promise<TicketDetail> {
  return api.post(`/api/tickets/${id}/messages`, { kind, body });
}

/** Moves a ticket in the state machine. */
export function transitionTicket(
  id: number,
  to: TicketStatus,
  version: number,
  comment?: string,
): Promise<TicketDetail> {
  return api.post(`/api/tickets/${id}/transition`, { to, version, comment });
}

/** Gives a ticket to someone. */
export function assignTicket(id: number, assigneeId: number): Promise<TicketDetail> {
  return api.post(`/api/tickets/${id}/assign`, { assigneeId });
}

/** Marks a public-form ticket as checked against its customer. */
export function verifyTicket(id: number): Promise<TicketDetail> {
  return api.post(`/api/tickets/${id}/verify`);
}

/** Reads a browser File as base64 (without the data: prefix). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Uploads an attachment (at most 10 MB). */
export async function uploadAttachment(id: number, file: File): Promise<TicketAttachment> {
  return api.post(`/api/tickets/${id}/attachments`, {
    fileName: file.name,
    contentType: file.type || 'application/octet-stream',
    dataBase64: await base64Of(file),
  });
}

/** Where an attachment downloads from. */
export function attachmentUrl(ticketId: number, attachmentId: number): string {
  return `/api/tickets/${ticketId}/attachments/${attachmentId}`;
}

/** The public web form. */
export function submitPublicTicket(body: {
  customerCode: string;
  phone: string;
  contactName?: string | undefined;
  category: string;
  description: string;
  website?: string | undefined;
}): Promise<{ reference: string; verified: boolean }> {
  return api.post('/api/public/tickets', body);
}

/** Category tree as TreeSelect data, labelled in the UI language. */
export function categoryTreeData(
  tree: CategoryNode[],
  lng: string,
  prefix = '',
): { value: string; title: string; children?: ReturnType<typeof categoryTreeData> }[] {
  return tree.map((n) => {
    const code = prefix ? `${prefix}.${n.code}` : n.code;
    const title = lng.startsWith('zh') ? n.zh : n.en;
    return n.children?.length
      ? { value: code, title, children: categoryTreeData(n.children, lng, code) }
      : { value: code, title };
  });
}

/** A customer's tickets, newest first (readable by whoever may read the customer). */
export function customerTickets(
  customerId: number,
  page = 1,
): Promise<{ items: Ticket[]; total: number; page: number; pageSize: number }> {
  return api.get(`/api/customers/${customerId}/tickets`, { page });
}
