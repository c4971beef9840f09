import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import * as cycles from '../../app/review/cycles.service';
import { exportEvaluationForm } from '../../app/review/evaluation-form.service';
import * as history from '../../app/review/history.service';
import * as proposals from '../../app/review/proposals.service';
import { publishCycle, publishRun } from '../../app/review/publish.service';
import { ctxOf } from '../access';
import { errors, idParams, page } from '../contracts/common';
import {
  createCycleBody,
  cycleDetail,
  cycleListItem,
  historyRow,
  proposal,
  publication,
  publishResult,
} from '../contracts/review';

const tags = ['review'];
const stepParams = idParams.extend({ customerId: z.coerce.number().int().positive() });
const version = z.number().int();

/** Review cycles (steps, proposals, publish), direct publication of a run, tier history. */
export const reviewRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/reviews/cycles',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Review cycles, newest first',
          querystring: cycles.listCyclesQuery,
          response: { 200: z.object({ items: z.array(cycleListItem) }), ...errors },
        },
      },
      async (req) => ({ items: await cycles.listCycles(deps, ctxOf(req), req.query) }),
    );
    app.post(
      '/api/reviews/cycles',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags,
          summary: 'Start a review cycle: run the scheme and open the evaluation form',
          body: createCycleBody,
          response: { 201: cycleDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await cycles.createCycle(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/reviews/cycles/:id',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'One cycle with its steps, recorded actions and progress',
          params: idParams,
          response: { 200: cycleDetail, ...errors },
        },
      },
      (req) => cycles.getCycle(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/reviews/cycles/:id/steps/:kind/complete',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Complete the current step (by a holder of its role) and move to the next',
          params: idParams.extend({ kind: z.string() }),
          body: z.object({ comment: z.string().optional() }).nullish(),
          response: { 200: cycleDetail, ...errors },
        },
      },
      (req) =>
        cycles.completeStep(deps, ctxOf(req), req.params.id, req.params.kind, req.body?.comment),
    );
    app.post(
      '/api/reviews/cycles/:id/return',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Send the cycle back one step, with a reason',
          params: idParams,
          body: z.object({ reason: z.string() }),
          response: { 200: cycleDetail, ...errors },
        },
      },
      (req) => cycles.returnStep(deps, ctxOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/reviews/cycles/:id/comments',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Comment on the current step',
          params: idParams,
          body: z.object({ comment: z.string() }),
          response: { 200: cycleDetail, ...errors },
        },
      },
      (req) => cycles.commentOnCycle(deps, ctxOf(req), req.params.id, req.body.comment),
    );
    app.post(
      '/api/reviews/cycles/:id/deadline',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags,
          summary: 'Move an open cycle’s deadline',
          params: idParams,
          body: z.object({ deadline: z.string() }),
          response: { 200: cycleDetail, ...errors },
        },
      },
      (req) => cycles.extendDeadline(deps, ctxOf(req), req.params.id, req.body.deadline),
    );
    app.post(
      '/api/reviews/cycles/:id/cancel',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags,
          summary: 'Cancel an open cycle, with a reason',
          params: idParams,
          body: z.object({ reason: z.string() }),
          response: { 200: cycleDetail, ...errors },
        },
      },
      (req) => cycles.cancelCycle(deps, ctxOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/reviews/cycles/:id/publish',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Publish the cycle’s final tiers (the publish step’s role); twice is once',
          params: idParams,
          response: { 200: publishResult, ...errors },
        },
      },
      (req) => publishCycle(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/reviews/cycles/:id/proposals',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'The evaluation form: a page of proposals (a sales manager sees their region)',
          params: idParams,
          querystring: z.object({
            tier: z.string().optional(),
            changed: z.enum(['true', 'false']).optional(),
            pending: z.enum(['rate', 'finance']).optional(),
            moved: z.enum(['up', 'down']).optional(),
            q: z.string().optional(),
            page: z.coerce.number().int().optional(),
            pageSize: z.coerce.number().int().optional(),
          }),
          response: { 200: page(proposal), ...errors },
        },
      },
      (req) => proposals.listProposals(deps, ctxOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/reviews/cycles/:id/proposals.:format',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Download the evaluation form (CSV or XLSX)',
          params: idParams.extend({ format: z.enum(['csv', 'xlsx']) }),
          querystring: z.object({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
          response: { 200: z.any().describe('The file (CSV or XLSX)'), ...errors },
        },
      },
      async (req, reply) => {
        const f = req.params.format;
        const stream = await exportEvaluationForm(
          deps,
          ctxOf(req),
          req.params.id,
          f,
          req.query.lang,
        );
        return reply
          .header(
            'content-type',
            f === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header(
            'content-disposition',
            `attachment; filename="evaluation-form-${req.params.id}.${f}"`,
          )
          .send(stream);
      },
    );
    app.put(
      '/api/reviews/cycles/:id/proposals/:customerId/rating',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Rate a customer: propose a tier (a reason when it differs)',
          params: stepParams,
          body: z.object({ proposedTier: z.string(), reason: z.string().optional(), version }),
          response: { 200: proposal, ...errors },
        },
      },
      (req) =>
        proposals.rateProposal(deps, ctxOf(req), req.params.id, req.params.customerId, req.body),
    );
    app.put(
      '/api/reviews/cycles/:id/proposals/:customerId/finance',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Finance: credit grade and receivables confirmed',
          params: stepParams,
          body: z.object({
            creditGrade: z.string(),
            receivablesConfirmed: z.boolean(),
            note: z.string().optional(),
            version,
          }),
          response: { 200: proposal, ...errors },
        },
      },
      (req) =>
        proposals.financeProposal(deps, ctxOf(req), req.params.id, req.params.customerId, req.body),
    );
    app.put(
      '/api/reviews/cycles/:id/proposals/:customerId/revision',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Review meeting: revise a proposal (a reason when it differs)',
          params: stepParams,
          body: z.object({ revisedTier: z.string(), reason: z.string().optional(), version }),
          response: { 200: proposal, ...errors },
        },
      },
      (req) =>
        proposals.reviseProposal(deps, ctxOf(req), req.params.id, req.params.customerId, req.body),
    );
    app.post(
      '/api/tiering/runs/:id/publish',
      {
        config: { access: 'reviews.manage' },
        schema: {
          tags,
          summary: 'Publish a run’s computed tiers without a review cycle; twice is once',
          params: idParams,
          body: z.object({ effectiveFrom: z.string().optional() }).nullish(),
          response: { 200: publishResult, ...errors },
        },
      },
      (req) => publishRun(deps, ctxOf(req), req.params.id, req.body ?? {}),
    );
    app.get(
      '/api/tiering/schemes/:id/publications',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'A scheme’s publications, oldest first (distribution over time)',
          params: idParams,
          response: { 200: z.object({ items: z.array(publication) }), ...errors },
        },
      },
      async (req) => ({ items: await history.schemePublications(deps, ctxOf(req), req.params.id) }),
    );
    app.get(
      '/api/tiering/publications/:id/changes',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Customers a publication moved: up, down, entered or left',
          params: idParams,
          querystring: history.changesQuery,
          response: {
            200: page(historyRow).extend({ publication }),
            ...errors,
          },
        },
      },
      (req) => history.publicationChanges(deps, ctxOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/customers/:id/tier-history',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A customer’s tier changes across schemes, newest first',
          params: idParams,
          response: {
            200: z.object({
              items: z.array(
                historyRow.extend({
                  scheme: z
                    .object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })
                    .nullable(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        items: await history.customerTierHistory(deps, ctxOf(req), req.params.id),
      }),
    );
    app.get(
      '/api/customers/:id/tiers-on',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'The tier a customer held in each scheme on a date',
          params: idParams,
          querystring: z.object({ date: z.string() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  schemeId: z.number().int(),
                  scheme: z
                    .object({ key: z.string(), name: z.object({ zh: z.string(), en: z.string() }) })
                    .nullable(),
                  tier: z.string(),
                  since: z.string(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        items: await history.customerTiersOn(deps, ctxOf(req), req.params.id, req.query.date),
      }),
    );
  };
