import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../../domain/analytics/lifecycle';
import { RFM_SEGMENTS } from '../../domain/analytics/rfm';
import { CUSTOMER_SIZES, CUSTOMER_TYPES } from '../../domain/customers/customer.schema';
import { TICKET_STATUSES } from '../../domain/service/ticket-status';
import { analyticsFilterQuery, periodResponse } from './analytics';

/** The portrait takes the analytics filters: the period, and who the customer is compared with. */
export const portraitQuery = analyticsFilterQuery;

const text = z.object({ zh: z.string(), en: z.string() });
const month = z.string().describe('YYYY-MM');
const window = z.object({ from: month, to: month });
const money = (what: string) => z.number().describe(`${what}, minor units`);

const ticket = z.object({
  id: z.number().int(),
  subject: z.string(),
  category: z.string(),
  categoryName: text,
  level: z.number().int(),
  status: z.enum(TICKET_STATUSES),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  breached: z.boolean().describe('The SLA clock was breached'),
  resolutionDueAt: z.string().nullable(),
});

const sums = z.object({
  revenueMinor: money('Revenue'),
  profitMinor: money('Revenue minus cost of the orders whose cost is known'),
  orders: z.number(),
});

const tier = z.object({
  schemeId: z.number().int(),
  schemeKey: z.string(),
  schemeName: text,
  serviceTier: z.boolean(),
  published: z.object({ tier: z.string(), tierName: text, since: z.string() }).nullable(),
  upcoming: z.object({ tier: z.string(), tierName: text, from: z.string() }).nullable(),
  latestRun: z
    .object({
      runId: z.number().int(),
      asOf: z.string(),
      tier: z.string(),
      tierName: text,
      score: z.number().nullable(),
    })
    .nullable(),
  explanation: z
    .object({
      source: z.enum(['published', 'latest_run']),
      runId: z.number().int(),
      asOf: z.string(),
      runCustomers: z.number().int(),
      tier: z.string(),
      tierName: text,
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      criteria: z.array(
        z.object({
          id: z.string(),
          label: text,
          metric: z.string(),
          weight: z.number(),
          maxPoints: z
            .number()
            .nullable()
            .describe("The most the criterion adds to this customer's score (its weight share)"),
          points: z.number().nullable().describe('Points on the score scale; null: left out'),
        }),
      ),
      rule: z.object({ id: z.string().nullable(), label: text.nullable() }).nullable(),
      flags: z.object({
        provisional: z.boolean(),
        override: z.boolean(),
        held: z.boolean(),
        gated: z.boolean(),
      }),
      override: z
        .object({ tier: z.string(), reason: z.string(), expiresOn: z.string().nullable() })
        .nullable(),
    })
    .nullable()
    .describe('The stored result of the run that published the tier (or of the latest run)'),
});

const rfm = z.object({
  asOf: z.string(),
  population: z.number().int().describe('Customers scored'),
  recencyDays: z.number(),
  frequency: z.number().describe('Orders in the period'),
  monetaryMinor: money('Revenue in the period'),
  r: z.number().int(),
  f: z.number().int(),
  m: z.number().int(),
  segment: z.object({
    key: z.enum(RFM_SEGMENTS.map((s) => s.key) as [string, ...string[]]),
    zh: z.string(),
    en: z.string(),
    action: text,
    high: z.object({ r: z.boolean(), f: z.boolean(), m: z.boolean() }),
    share: z.number(),
  }),
  medians: z.object({
    recencyDays: z.number(),
    frequency: z.number(),
    monetaryMinor: z.number(),
  }),
});

const lifecycle = z.object({
  asOf: z.string(),
  population: z.number().int(),
  stage: z.object({
    key: z.enum(LIFECYCLE_STAGES.map((s) => s.key) as [string, ...string[]]),
    zh: z.string(),
    en: z.string(),
    share: z.number(),
  }),
  rule: z.enum([
    'new',
    'max_days',
    'churned_multiple',
    'at_risk_multiple',
    'silent_multiple',
    'within_rhythm',
  ]),
  firstOrderOn: z.string(),
  lastOrderOn: z.string(),
  orders: z.number(),
  daysSinceLast: z.number(),
  intervalDays: z.number(),
  ownInterval: z.boolean(),
  multiple: z.number(),
  parameters: z.object({
    newDays: z.number(),
    k1: z.number(),
    k2: z.number(),
    k3: z.number(),
    maxDays: z.number(),
    fallbackIntervalDays: z.number(),
  }),
});

const clv = z.object({
  modelId: z.number().int(),
  asOf: z.string(),
  horizonMonths: z.number().int(),
  discountRate: z.number(),
  margin: z.number().nullable(),
  timeUnit: z.string(),
  finishedAt: z.string().nullable(),
  prediction: z
    .object({
      repeatPurchases: z.number(),
      pAlive: z.number(),
      expectedPurchases: z.number().describe('Over the model horizon'),
      expectedSpendMinor: z.number().nullable(),
      clvMinor: z.number().nullable(),
    })
    .nullable(),
});

export const portraitResponse = z
  .object({
    today: z.string(),
    period: periodResponse,
    profile: z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      type: z.enum(CUSTOMER_TYPES),
      industry: z.string().nullable(),
      region: z.string().nullable(),
      province: z.string().nullable(),
      city: z.string().nullable(),
      size: z.enum(CUSTOMER_SIZES).nullable(),
      source: z.string().nullable(),
      status: z.enum(['active', 'merged']),
      fileStage: z.enum(['prospect', 'active', 'terminating', 'terminated']),
      mergedIntoId: z.number().int().nullable(),
      createdAt: z.string(),
    }),
    tags: z.array(z.string()),
    owner: z.object({ id: z.number().int(), name: z.string() }).nullable(),
    contacts: z.array(
      z.object({
        id: z.number().int(),
        name: z.string(),
        title: z.string().nullable(),
        role: z.string().nullable(),
        isPrimary: z.boolean(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      }),
    ),
    contactsMasked: z.boolean(),
    visits: z.object({
      recent: z.array(
        z.object({
          id: z.number().int(),
          visitedOn: z.string(),
          userId: z.number().int().nullable(),
          userName: z.string().nullable(),
          purpose: z.string().nullable(),
        }),
      ),
      inWindow: z.number().int().describe('Visits in the 12 months ending with the period'),
      plans: z.array(
        z.object({
          month,
          planned: z.number().int(),
          made: z.number().int(),
          ownerName: z.string().nullable(),
        }),
      ),
      next: z.object({ month, remaining: z.number().int() }).nullable(),
    }),
    tiers: z.array(tier),
    revenue: z.object({
      window,
      months: z.array(sums.extend({ month })),
      last12: sums,
      previous12: sums,
      lifetimeOrders: z.number(),
      firstOrderOn: z.string().nullable(),
      lastOrderOn: z.string().nullable(),
    }),
    service: z.object({
      window,
      tickets: z.number().int(),
      byStatus: z.array(z.object({ status: z.enum(TICKET_STATUSES), tickets: z.number().int() })),
      byCategory: z.array(
        z.object({ category: z.string(), name: text, tickets: z.number().int() }),
      ),
      slaBreaches: z.number().int(),
      open: z.object({ total: z.number().int(), items: z.array(ticket) }),
      latest: z.array(ticket),
    }),
    satisfaction: z.object({
      window,
      responses: z.number().int(),
      average: z.number().nullable(),
      byMonth: z.array(
        z.object({ month, responses: z.number().int(), average: z.number().nullable() }),
      ),
      lastSurvey: z
        .object({ answeredOn: z.string(), score: z.number(), comment: z.string().nullable() })
        .nullable(),
      lastFeedback: z
        .object({
          id: z.number().int(),
          kind: z.string(),
          category: z.string().nullable(),
          content: z.string(),
          receivedOn: z.string(),
          status: z.string(),
        })
        .nullable(),
      feedback: z.number().int(),
      complaints: z.number().int(),
    }),
    analytics: z
      .object({
        standing: z.object({
          customersInScope: z.number().int(),
          excluded: z.enum(['not_in_scope', 'no_orders']).nullable(),
        }),
        rfm: rfm.nullable(),
        lifecycle: lifecycle.nullable(),
        clv: clv.nullable().describe('Null when no lifetime-value model has been fitted'),
      })
      .optional()
      .describe('RFM, lifecycle and CLV; present only for holders of analytics.read'),
  })
  .meta({ id: 'CustomerPortrait' });
