import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportClvCustomers } from '../../app/clv/clv-export.service';
import {
  customerClv,
  getClvModel,
  listClvCustomers,
  listClvModels,
} from '../../app/clv/clv-read.service';
import { clvFitStatus, recentClvFits, requestClvFit } from '../../app/clv/clv-request.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import {
  clvCustomer,
  clvCustomersPage,
  clvCustomersQuery,
  clvExportQuery,
  clvFitAccepted,
  clvFitBody,
  clvFitJob,
  clvModel,
  clvModelsPage,
  clvModelsQuery,
} from '../contracts/clv';
import { errors, idParams } from '../contracts/common';

const tags = ['analytics'];
const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Lifetime-value models: fit (a job), list, predictions. Reading needs analytics.read; fitting
 * analytics.manage; the predictions export also customers.export (checked by the service).
 */
export const clvRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/analytics/clv/fit',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Queue a BG/NBD + Gamma-Gamma fit; answers with the job to follow',
          body: clvFitBody.optional(),
          response: { 202: clvFitAccepted, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await requestClvFit(deps, ctxOf(req), req.body ?? {})),
    );
    app.get(
      '/api/analytics/clv/fits',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'The latest fit jobs with their status and progress, newest first',
          response: { 200: z.object({ items: z.array(clvFitJob) }), ...errors },
        },
      },
      async (req) => ({ items: await recentClvFits(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/analytics/clv/fits/:id',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'One fit job: status, progress (phase, done, total) and the model it writes',
          params: idParams,
          response: { 200: clvFitJob, ...errors },
        },
      },
      async (req) => clvFitStatus(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/analytics/clv/models',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Lifetime-value models, newest first',
          querystring: clvModelsQuery,
          response: { 200: clvModelsPage, ...errors },
        },
      },
      async (req) => listClvModels(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/clv/models/:id',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'One model: parameters, log-likelihood, calibration/holdout evaluation',
          params: idParams,
          response: { 200: clvModel, ...errors },
        },
      },
      async (req) => getClvModel(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/analytics/clv/customers',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers’ predictions of a model (default the newest), sorted and filtered',
          querystring: clvCustomersQuery,
          response: { 200: clvCustomersPage, ...errors },
        },
      },
      async (req) => listClvCustomers(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/clv/customers.:format',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Download the predictions list (CSV or XLSX); also needs customers.export',
          params: z.object({ format: z.enum(['csv', 'xlsx']) }),
          querystring: clvExportQuery,
          response: { 200: z.any().describe('The file (CSV or XLSX)'), ...errors },
        },
      },
      async (req, reply) => {
        const { lang, ...filter } = req.query;
        const f = req.params.format;
        const stream = await exportClvCustomers(deps, ctxOf(req), f, filter, lang);
        return reply
          .header('content-type', CONTENT_TYPE[f])
          .header('content-disposition', `attachment; filename="customer-lifetime-value.${f}"`)
          .send(stream);
      },
    );
    app.get(
      '/api/analytics/clv/customers/:customerId',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'One customer’s prediction under the newest finished model (nulls if none)',
          params: z.object({
            customerId: z.coerce
              .number({ error: 'customerId must be a number' })
              .int()
              .positive('customerId must be positive'),
          }),
          response: { 200: clvCustomer, ...errors },
        },
      },
      async (req) => customerClv(deps, ctxOf(req), req.params.customerId),
    );
  };
