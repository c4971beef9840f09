import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { eliminationCandidates } from '../../app/lifecycle/elimination.service';
import * as marketing from '../../app/lifecycle/marketing.service';
import * as terminations from '../../app/lifecycle/terminations.service';
import * as upgrades from '../../app/lifecycle/upgrade-applications.service';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';

const tags = ['lifecycle'];
const version = z.number().int();

const termination = z
  .looseObject({
    id: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    customerName: z.string(),
    status: z.enum(['requested', 'approved', 'rejected', 'completed', 'cancelled']),
    reason: z.string(),
    noticeSentOn: z.string().nullable(),
    ordersClosedAt: z.string().nullable(),
    settledAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    missing: z.array(z.enum(['notice', 'orders', 'settlement'])),
    version: z.number().int(),
  })
  .meta({ id: 'Termination' });

const application = z
  .looseObject({
    id: z.number().int(),
    schemeId: z.number().int(),
    customerId: z.number().int(),
    customerCode: z.string(),
    currentTier: z.string().nullable(),
    requestedTier: z.string(),
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']),
    overrideId: z.number().int().nullable(),
  })
  .meta({ id: 'UpgradeApplication' });

const activity = z
  .object({
    id: z.number().int(),
    customerId: z.number().int(),
    kind: z.enum(marketing.MARKETING_KINDS),
    title: z.string(),
    plannedOn: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'MarketingActivity' });

/** Terminations, upgrade applications, elimination candidates, marketing activities. */
export const lifecycleRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    const terminationStep = (
      path: string,
      summary: string,
      body: z.ZodType,
      access: 'customers.write' | 'reviews.manage',
      fn: (
        d: Deps,
        c: ReturnType<typeof ctxOf>,
        id: number,
        raw: unknown,
      ) => Promise<z.infer<typeof termination>>,
    ) =>
      app.post(
        `/api/terminations/:id/${path}`,
        {
          config: { access },
          schema: {
            tags,
            summary,
            params: idParams,
            body,
            response: { 200: termination, ...errors },
          },
        },
        (req) => fn(deps, ctxOf(req), req.params.id, req.body),
      );

    app.post(
      '/api/customers/:id/terminations',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Start terminating the relationship with a customer, with a reason',
          params: idParams,
          body: z.object({ reason: z.string() }),
          response: { 201: termination, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await terminations.requestTermination(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get(
      '/api/terminations',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Terminations by status or customer, newest first',
          querystring: z.object({
            status: z
              .enum(['requested', 'approved', 'rejected', 'completed', 'cancelled'])
              .optional(),
            customerId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: z.object({ items: z.array(termination) }), ...errors },
        },
      },
      async (req) => ({ items: await terminations.listTerminations(deps, ctxOf(req), req.query) }),
    );
    app.get(
      '/api/terminations/:id',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'One termination with the steps it still lacks',
          params: idParams,
          response: { 200: termination, ...errors },
        },
      },
      (req) => terminations.getTermination(deps, ctxOf(req), req.params.id),
    );
    terminationStep(
      'decision',
      'Senior management approves or rejects a termination',
      z.object({ approve: z.boolean(), note: z.string().optional(), version }),
      'reviews.manage',
      terminations.decideTermination,
    );
    terminationStep(
      'notice',
      'Record the advance notice given to the customer',
      z.object({ sentOn: z.string(), channel: z.string(), note: z.string().optional(), version }),
      'customers.write',
      terminations.recordNotice,
    );
    terminationStep(
      'orders-closed',
      'Confirm open orders and contracts are finished',
      z.object({ version }),
      'customers.write',
      terminations.confirmOrdersClosed,
    );
    terminationStep(
      'settlement',
      'Confirm the account is settled',
      z.object({ note: z.string().optional(), version }),
      'customers.write',
      terminations.confirmSettled,
    );
    terminationStep(
      'complete',
      'Complete the termination: the customer is terminated, records kept',
      z.object({ version }),
      'customers.write',
      terminations.completeTermination,
    );
    terminationStep(
      'cancel',
      'Cancel a termination before it completes',
      z.object({ reason: z.string(), version }),
      'customers.write',
      terminations.cancelTermination,
    );

    app.get(
      '/api/customers/:id/marketing-activities',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A customer’s marketing activities',
          params: idParams,
          response: { 200: z.object({ items: z.array(activity) }), ...errors },
        },
      },
      async (req) => ({
        items: await marketing.listMarketingActivities(deps, ctxOf(req), req.params.id),
      }),
    );
    app.post(
      '/api/customers/:id/marketing-activities',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Plan a marketing activity (refused for customers leaving or gone)',
          params: idParams,
          body: z.object({ kind: z.string(), title: z.string(), plannedOn: z.string() }),
          response: { 201: activity, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await marketing.createMarketingActivity(deps, ctxOf(req), req.params.id, req.body)),
    );

    app.post(
      '/api/upgrade-applications',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Apply for a customer’s upgrade to a higher tier, with a reason',
          body: z.object({
            schemeId: z.number().int(),
            customerId: z.number().int(),
            requestedTier: z.string(),
            reason: z.string(),
          }),
          response: { 201: application, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await upgrades.applyForUpgrade(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/upgrade-applications',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Upgrade applications, newest first',
          querystring: z.object({
            status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional(),
            schemeId: z.coerce.number().int().positive().optional(),
            customerId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: z.object({ items: z.array(application) }), ...errors },
        },
      },
      async (req) => ({ items: await upgrades.listApplications(deps, ctxOf(req), req.query) }),
    );
    app.get(
      '/api/upgrade-applications/:id',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'One application with what the customer meets and lacks for the tier',
          params: idParams,
          response: { 200: application, ...errors },
        },
      },
      (req) => upgrades.getApplication(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/upgrade-applications/:id/decision',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags,
          summary: 'Grant (as an override with the reason) or refuse an application',
          params: idParams,
          body: z.object({
            approve: z.boolean(),
            note: z.string().optional(),
            expiresOn: z.string().optional(),
          }),
          response: { 200: application, ...errors },
        },
      },
      (req) => upgrades.decideApplication(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/tiering/schemes/:id/elimination-candidates',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Customers in the bottom tier for N consecutive years, with the evidence',
          params: idParams,
          querystring: z.object({ years: z.coerce.number().int().optional() }),
          response: {
            200: z.object({
              bottomTier: z.string().nullable(),
              years: z.number().int(),
              items: z.array(
                z.object({
                  customerId: z.number().int(),
                  code: z.string(),
                  name: z.string(),
                  ownerId: z.number().int().nullable(),
                  bottomSince: z.string(),
                  tierChanges: z.number().int(),
                  revenueMinor12m: z.number(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      (req) =>
        eliminationCandidates(deps, ctxOf(req), {
          schemeId: req.params.id,
          years: req.query.years,
        }),
    );
  };
