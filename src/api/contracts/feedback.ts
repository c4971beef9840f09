import { z } from 'zod';

const text = z.object({ zh: z.string(), en: z.string() });
const tierResult = z.object({
  tier: z.string().nullable(),
  invited: z.number().int(),
  answered: z.number().int(),
  responseRate: z.number(),
  average: z.number().nullable(),
});

/** A survey campaign with its response rate and average, by tier and overall. */
export const campaign = z
  .object({
    id: z.number().int(),
    name: z.string(),
    quarter: z.string(),
    audience: z.object({ tiers: z.array(z.string()), allActive: z.boolean() }),
    status: z.enum(['draft', 'sent', 'closed']),
    invited: z.number().int(),
    createdBy: z.number().int().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    results: z.object({ byTier: z.array(tierResult), total: tierResult }),
  })
  .meta({ id: 'SurveyCampaign' });

export const campaignBody = z.object({
  name: z.string(),
  quarter: z.string(),
  tiers: z.array(z.string()).optional(),
  allActive: z.boolean().optional(),
});

export const sendResponse = z.object({
  campaign,
  links: z.array(
    z.object({ customerId: z.number().int(), tier: z.string().nullable(), link: z.string() }),
  ),
});

export const invitationBody = z.object({
  customerId: z.number().int(),
  ticketId: z.number().int().optional(),
});
export const invitationResponse = z.object({
  token: z.string(),
  link: z.string(),
  expiresAt: z.string(),
});

export const answerBody = z.object({ score: z.number(), comment: z.string().optional() });
export const staffAnswerBody = answerBody.extend({
  customerId: z.number().int(),
  ticketId: z.number().int().optional(),
});
export const answerResponse = z.object({ responseId: z.number().int() });
export const tokenQuery = z.object({ token: z.string().min(1).max(200) });
export const publicSurvey = z.object({
  state: z.enum(['open', 'answered', 'expired']),
  customerName: z.string(),
  expiresAt: z.string(),
  about: z.enum(['ticket', 'campaign']),
});

export const feedbackClass = z.object({ id: z.string(), name: text });

export const action = z
  .object({
    id: z.number().int(),
    feedbackId: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    action: z.string(),
    ownerId: z.number().int().nullable(),
    ownerName: z.string().nullable(),
    dueOn: z.string(),
    status: z.enum(['open', 'in_progress', 'done']),
    doneAt: z.string().nullable(),
    result: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'FeedbackAction' });

export const feedbackItem = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    kind: z.enum(['feedback', 'complaint']),
    category: z.string().nullable(),
    content: z.string(),
    receivedOn: z.string(),
    status: z.string(),
    classification: z.string().nullable(),
    classifiedAt: z.string().nullable(),
    openActions: z.number().int(),
    overdueActions: z.number().int(),
  })
  .meta({ id: 'Feedback' });
export const feedbackDetail = feedbackItem.extend({ actions: z.array(action) });

export const feedbackQuery = z.object({
  classification: z.string().optional(),
  status: z.string().optional(),
  customerId: z.string().optional(),
  kind: z.string().optional(),
});
export const classifyBody = z.object({ classification: z.string(), status: z.string().optional() });
export const actionBody = z.object({
  action: z.string(),
  ownerId: z.number().int().nullable().optional(),
  dueOn: z.string(),
});
export const actionStepBody = z.object({ status: z.string(), result: z.string().optional() });

export const blacklistRequest = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    action: z.enum(['add', 'remove']),
    reason: z.string(),
    evidence: z.object({ ticketIds: z.array(z.number()), feedbackIds: z.array(z.number()) }),
    requestedBy: z.number().int().nullable(),
    requesterName: z.string().nullable(),
    status: z.enum(['pending', 'approved', 'refused']),
    decidedBy: z.number().int().nullable(),
    deciderName: z.string().nullable(),
    decidedAt: z.string().nullable(),
    decisionNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'BlacklistRequest' });
export const blacklistBody = z.object({
  customerId: z.number().int(),
  action: z.string(),
  reason: z.string(),
  ticketIds: z.array(z.number().int()).optional(),
  feedbackIds: z.array(z.number().int()).optional(),
});
export const blacklistQuery = z.object({
  status: z.enum(['pending', 'approved', 'refused']).optional(),
  customerId: z.coerce.number().int().positive().optional(),
});
export const decisionBody = z.object({ approve: z.boolean(), note: z.string().optional() });
