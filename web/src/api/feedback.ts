import { api, withQuery } from './client';

export interface TierResult {
  tier: string | null;
  invited: number;
  answered: number;
  responseRate: number;
  average: number | null;
}

/** A quarterly survey campaign with its results by tier. */
export interface SurveyCampaign {
  id: number;
  name: string;
  quarter: string;
  audience: { tiers: string[]; allActive: boolean };
  status: 'draft' | 'sent' | 'closed';
  invited: number;
  createdAt: string;
  sentAt: string | null;
  closedAt: string | null;
  results: { byTier: TierResult[]; total: TierResult };
}

export interface SurveyLink {
  customerId: number;
  tier: string | null;
  link: string;
}

export interface FeedbackClass {
  id: string;
  name: { zh: string; en: string };
}

export interface FeedbackAction {
  id: number;
  feedbackId: number;
  customerCode: string;
  customerName: string;
  action: string;
  ownerId: number | null;
  ownerName: string | null;
  dueOn: string;
  status: 'open' | 'in_progress' | 'done';
  doneAt: string | null;
  result: string | null;
}

export interface FeedbackItem {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  kind: 'feedback' | 'complaint';
  category: string | null;
  content: string;
  receivedOn: string;
  status: string;
  classification: string | null;
  openActions: number;
  overdueActions: number;
}

export interface FeedbackDetail extends FeedbackItem {
  actions: FeedbackAction[];
}

export interface BlacklistRequest {
  id: number;
  customerId: number;
  customerCode: string;
  customerName: string;
  action: 'add' | 'remove';
  reason: string;
  evidence: { ticketIds: number[]; feedbackIds: number[] };
  requestedBy: number | null;
  requesterName: string | null;
  status: 'pending' | 'approved' | 'refused';
  deciderName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
}

export interface PublicSurvey {
  state: 'open' | 'answered' | 'expired';
  customerName: string;
  expiresAt: string;
  about: 'ticket' | 'campaign';
}

/** Campaigns, newest first. */
export async function listCampaigns(): Promise<SurveyCampaign[]> {
  return (await api.get<{ items: SurveyCampaign[] }>('/api/survey-campaigns')).items;
}

/** Drafts a campaign. */
export function createCampaign(body: {
  name: string;
  quarter: string;
  tiers: string[];
  allActive: boolean;
}): Promise<SurveyCampaign> {
  return api.post('/api/survey-campaigns', body);
}

/** Sends a draft campaign; the links come back once. */
export function sendCampaign(
  id: number,
): Promise<{ campaign: SurveyCampaign; links: SurveyLink[] }> {
  return api.post(`/api/survey-campaigns/${id}/send`, {});
}

/** Closes a sent campaign. */
export function closeCampaign(id: number): Promise<SurveyCampaign> {
  return api.post(`/api/survey-campaigns/${id}/close`, {});
}

/** The feedback classification list. */
export async function feedbackClasses(): Promise<FeedbackClass[]> {
  return (await api.get<{ items: FeedbackClass[] }>('/api/feedback/classes')).items;
}

/** Feedback by class, status or customer. */
export async function listFeedback(q: {
  classification?: string | undefined;
  status?: string | undefined;
  customerId?: number | undefined;
}): Promise<FeedbackItem[]> {
  return (await api.get<{ items: FeedbackItem[] }>(withQuery('/api/feedback', q))).items;
}

/** One feedback with its actions. */
export function getFeedback(id: number): Promise<FeedbackDetail> {
  return api.get(`/api/feedback/${id}`);
}

/** Classifies a feedback. */
export function classifyFeedback(id: number, classification: string): Promise<FeedbackDetail> {
  return api.post(`/api/feedback/${id}/classification`, { classification });
}

/** Adds a follow-up action. */
export function addFeedbackAction(
  id: number,
  body: { action: string; dueOn: string; ownerId?: number | null },
): Promise<FeedbackDetail> {
  return api.post(`/api/feedback/${id}/actions`, body);
}

/** Moves an action to its next status. */
export function stepFeedbackAction(
  id: number,
  body: { status: string; result?: string },
): Promise<FeedbackDetail> {
  return api.post(`/api/feedback-actions/${id}/status`, body);
}

/** Actions past their due date. */
export async function overdueActions(): Promise<FeedbackAction[]> {
  return (await api.get<{ items: FeedbackAction[] }>('/api/feedback/overdue-actions')).items;
}

/** Blacklist requests by status. */
export async function listBlacklistRequests(status?: string): Promise<BlacklistRequest[]> {
  return (
    await api.get<{ items: BlacklistRequest[] }>(withQuery('/api/blacklist-requests', { status }))
  ).items;
}

/** Asks to add or lift the blacklist tag. */
export function requestBlacklist(body: {
  customerId: number;
  action: 'add' | 'remove';
  reason: string;
  ticketIds: number[];
  feedbackIds: number[];
}): Promise<BlacklistRequest> {
  return api.post('/api/blacklist-requests', body);
}

/** Approves or refuses a request. */
export function decideBlacklist(
  id: number,
  approve: boolean,
  note?: string,
): Promise<BlacklistRequest> {
  return api.post(`/api/blacklist-requests/${id}/decision`, { approve, ...(note ? { note } : {}) });
}

/** The state of a survey link (public). */
export function publicSurvey(token: string): Promise<PublicSurvey> {
  return api.get(withQuery('/api/public/surveys', { token }));
}

/** Answers a survey by its token (public). */
export function answerSurvey(body: {
  token: string;
  score: number;
  comment?: string;
}): Promise<{ responseId: number }> {
  return api.post('/api/public/surveys/answer', body);
}
