import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as assign from '../../app/accounts/assign.service';
import * as owners from '../../app/accounts/owners.service';
import * as plans from '../../app/accounts/visit-plans.service';
import * as visits from '../../app/accounts/visits.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import * as c from '../contracts/accounts';
import { errors, idParams, page } from '../contracts/common';

const tags = ['accounts'];
const month = z.string().describe('YYYY-MM');

/** Routes for account managers, the pool, visit plans, visit logging and coverage. */
export const accountRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/accounts/pool',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Customers of pooled tiers and customers without an active owner',
          querystring: z.object({
            tier: z.string().optional(),
            region: z.string().optional(),
            needsOwner: z.enum(['true', 'false']).optional(),
            page: z.coerce.number().int().optional(),
            pageSize: z.coerce.number().int().optional(),
          }),
          response: { 200: page(c.poolItem), ...errors },
        },
      },
      (req) =>
        owners.listPool(deps, ctxOf(req), {
          ...req.query,
          needsOwner:
            req.query.needsOwner === undefined ? undefined : req.query.needsOwner === 'true',
        }),
    );
    app.get(
      '/api/accounts/owners',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Owners with their load by tier, and customers needing an owner',
          response: { 200: c.ownersResponse, ...errors },
        },
      },
      (req) => owners.listOwners(deps, ctxOf(req)),
    );
    app.post(
      '/api/accounts/assign',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags,
          summary: 'Assign customers to an owner (all or nothing)',
          body: z.object({
            customerIds: z.array(z.number().int()),
            ownerId: z.number().int(),
            reason: z.string().optional(),
          }),
          response: { 200: c.assignResponse, ...errors },
        },
      },
      (req) => assign.assignCustomers(deps, ctxOf(req), req.body),
    );
    app.post(
      '/api/accounts/auto-assign',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags,
          summary: 'Give customers needing an owner one by their tier’s model, balancing load',
          body: z.object({
            tier: z.string().optional(),
            region: z.string().optional(),
            dryRun: z.boolean().optional(),
          }),
          response: { 200: c.autoAssignResponse, ...errors },
        },
      },
      (req) => assign.autoAssign(deps, ctxOf(req), req.body),
    );
    app.post(
      '/api/accounts/reassign',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags,
          summary:
            'Move every customer of an owner who leaves (to one owner, or null: balance/pool)',
          body: z.object({
            fromOwnerId: z.number().int(),
            toOwnerId: z.number().int().nullable(),
            reason: z.string(),
          }),
          response: { 200: c.reassignResponse, ...errors },
        },
      },
      (req) => assign.reassignCustomers(deps, ctxOf(req), req.body),
    );
    app.post(
      '/api/accounts/visit-plans/generate',
      {
        config: { access: 'accounts.manage' },
        schema: {
          tags,
          summary:
            'Generate a month’s visit plans from the tiers’ frequencies (replaces the month)',
          body: z.object({ month }),
          response: { 200: c.generateResponse, ...errors },
        },
      },
      (req) => plans.generateVisitPlans(deps, ctxOf(req), req.body),
    );
    app.get(
      '/api/accounts/visit-plans',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A month’s visit plans, planned vs done (account managers see their own)',
          querystring: z.object({
            month,
            ownerId: z.string().optional(),
            customerId: z.string().optional(),
          }),
          response: { 200: c.plansResponse, ...errors },
        },
      },
      (req) => plans.listVisitPlans(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/accounts/coverage',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'Share of priority customers visited in a month, per owner, against 60%',
          querystring: z.object({ month }),
          response: { 200: c.coverageResponse, ...errors },
        },
      },
      (req) => plans.visitCoverage(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/customers/:id/visits',
      {
        config: { access: 'customers.write' },
        schema: {
          tags,
          summary: 'Log a visit to a customer (its owner, its team, or accounts.manage)',
          params: idParams,
          body: z.object({
            visitedOn: z.string(),
            purpose: z.string().optional(),
            notes: z.string().optional(),
          }),
          response: { 201: c.visitResponse, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await visits.logVisit(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.get(
      '/api/customers/:id/visits',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A customer’s visits, newest first',
          params: idParams,
          querystring: z.object({
            page: z.coerce.number().int().min(1).optional(),
            pageSize: z.coerce.number().int().min(1).max(500).optional(),
          }),
          response: { 200: page(c.visitResponse), ...errors },
        },
      },
      (req) =>
        visits.listVisits(deps, ctxOf(req), req.params.id, req.query.page, req.query.pageSize),
    );
  };
