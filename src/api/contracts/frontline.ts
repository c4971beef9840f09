import { z } from 'zod';
import { entitlementBalance } from './entitlements';

const text = z.object({ zh: z.string(), en: z.string() });

export const cardQuery = z.object({
  code: z.string().max(100).optional(),
  phone: z.string().max(40).optional(),
});

/** The front-line card: tier, tags with suggested actions, policy, entitlements, open tickets. */
export const frontlineCard = z
  .object({
    customer: z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      type: z.string(),
      region: z.string().nullable(),
      lifecycleStage: z.string(),
      owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    }),
    otherMatches: z.array(z.object({ id: z.number().int(), code: z.string(), name: z.string() })),
    tier: z
      .object({
        tier: z.string(),
        name: text,
        since: z.string().nullable(),
        score: z.number().nullable(),
      })
      .nullable(),
    policy: z
      .object({
        paymentTerm: z
          .object({ id: z.string(), name: text, creditDays: z.number().int() })
          .nullable(),
        paymentTermAdjusted: z.boolean(),
        leadTimeDays: z.number().int().nullable(),
        inquiryReplyHours: z.number(),
        accountModel: z.enum(['dedicated', 'team', 'pooled']),
        rush: z.enum(['jump_queue', 'by_capacity', 'none']),
        orderReview: z.enum(['light', 'standard', 'strict']),
        executiveSponsor: z.boolean(),
      })
      .nullable(),
    tags: z.array(
      z.object({
        key: z.string(),
        source: z.enum(['stored', 'derived']),
        name: text.nullable(),
        action: text.nullable(),
      }),
    ),
    entitlements: z.array(entitlementBalance),
    openTickets: z.array(
      z.object({
        id: z.number().int(),
        subject: z.string(),
        category: z.string(),
        level: z.number().int(),
        status: z.string(),
        openedAt: z.string(),
      }),
    ),
    contacts: z.array(
      z.object({
        name: z.string(),
        title: z.string().nullable(),
        role: z.string().nullable(),
        isPrimary: z.boolean(),
        phone: z.string().nullable(),
      }),
    ),
    contactsMasked: z.boolean(),
  })
  .meta({ id: 'FrontlineCard' });
