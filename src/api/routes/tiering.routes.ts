import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { customerTiers } from '../../app/tiering/customer-tiers.service';
import * as overrides from '../../app/tiering/overrides.service';
import * as results from '../../app/tiering/results.service';
import { exportRunResults } from '../../app/tiering/results-export.service';
import { runTiering } from '../../app/tiering/run.service';
import * as schemes from '../../app/tiering/schemes.service';
import { createFromTemplate, listTemplates } from '../../app/tiering/templates.service';
import { runWhatIf } from '../../app/tiering/what-if.service';
import { ctxOf } from '../access';
import { errors, idParams, page } from '../contracts/common';
import {
  customerTier,
  explanationSchema,
  overrideBody,
  resultRow,
  resultsQuerystring,
  runBody,
  runDetail,
  runListItem,
  runSummary,
  schemeDocumentBody,
  schemeSummary,
  schemeVersion,
  templateSummary,
  tierOverride,
  whatIfBody,
  whatIfResponse,
} from '../contracts/tiering';

const tags = ['tiering'];

/** Tiering: schemes and their versions, runs, results with explanations, what-if. */
export const tieringRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/tiering/schemes',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'List tiering schemes with their latest version',
          response: { 200: z.object({ items: z.array(schemeSummary) }), ...errors },
        },
      },
      async (req) => ({ items: await schemes.listSchemes(deps, ctxOf(req)) }),
    );
    app.post(
      '/api/tiering/schemes',
      {
        config: { access: 'tiering.manage' },
        schema: {
          tags,
          summary: 'Create a scheme from a document (its id is the scheme key)',
          body: schemeDocumentBody,
          response: { 201: schemeVersion, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await schemes.createScheme(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/tiering/schemes/:id',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'One scheme with its latest version',
          params: idParams,
          response: { 200: schemeSummary, ...errors },
        },
      },
      (req) => schemes.getScheme(deps, ctxOf(req), req.params.id),
    );
    app.put(
      '/api/tiering/schemes/:id',
      {
        config: { access: 'tiering.manage' },
        schema: {
          tags,
          summary: 'Save an edit: a new version when the latest is locked, else the draft',
          params: idParams,
          body: schemeDocumentBody,
          response: { 200: schemeVersion, ...errors },
        },
      },
      (req) => schemes.saveSchemeEdit(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/tiering/schemes/:id/service-tier',
      {
        config: { access: 'tiering.manage' },
        schema: {
          tags,
          summary: 'Mark the scheme as the service tier policies follow',
          params: idParams,
          response: { 200: schemeSummary, ...errors },
        },
      },
      (req) => schemes.markServiceTier(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/tiering/versions/:id',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'One scheme version with its document',
          params: idParams,
          response: { 200: schemeVersion, ...errors },
        },
      },
      (req) => schemes.getSchemeVersion(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/tiering/runs',
      {
        config: { access: 'tiering.run' },
        schema: {
          tags,
          summary: 'Run a scheme version at an as-of date (stores a draft run)',
          body: runBody,
          response: { 201: runSummary, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await runTiering(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/tiering/runs',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'List runs, newest first',
          querystring: z.object({ schemeId: z.coerce.number().int().positive().optional() }),
          response: { 200: z.object({ items: z.array(runListItem) }), ...errors },
        },
      },
      async (req) => ({
        items: await results.listRuns(
          deps,
          ctxOf(req),
          req.query.schemeId ? { schemeId: req.query.schemeId } : {},
        ),
      }),
    );
    app.get(
      '/api/tiering/runs/:id',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'One run with its distribution and migration matrix',
          params: idParams,
          response: { 200: runDetail, ...errors },
        },
      },
      (req) => results.getRun(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/tiering/runs/:id/results',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'A page of a run’s results (filter by tier, movement, code)',
          params: idParams,
          querystring: resultsQuerystring,
          response: { 200: page(resultRow), ...errors },
        },
      },
      (req) => results.listResults(deps, ctxOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/tiering/runs/:id/results/:customerId',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'One customer’s result and what it lacks for the next tier',
          params: idParams.extend({ customerId: z.coerce.number().int().positive() }),
          response: {
            200: z.object({ result: resultRow, explanation: explanationSchema.nullable() }),
            ...errors,
          },
        },
      },
      (req) => results.getCustomerResult(deps, ctxOf(req), req.params.id, req.params.customerId),
    );
    app.post(
      '/api/tiering/what-if',
      {
        config: { access: 'tiering.run' },
        schema: {
          tags,
          summary: 'Try threshold, quota and weight changes without writing',
          body: whatIfBody,
          response: { 200: whatIfResponse, ...errors },
        },
      },
      (req) => runWhatIf(deps, ctxOf(req), req.body),
    );
    app.get(
      '/api/tiering/templates',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'The shipped scheme templates, with the scheme made from each if any',
          response: { 200: z.object({ items: z.array(templateSummary) }), ...errors },
        },
      },
      async (req) => ({ items: await listTemplates(deps, ctxOf(req)) }),
    );
    app.post(
      '/api/tiering/templates/:key',
      {
        config: { access: 'tiering.manage' },
        schema: {
          tags,
          summary: 'Create a scheme from a template (or return the one already made from it)',
          params: z.object({ key: z.string().regex(/^[a-z0-9-]{1,64}$/) }),
          response: { 200: schemeVersion, 201: schemeVersion, ...errors },
        },
      },
      async (req, reply) => {
        const { created, version } = await createFromTemplate(deps, ctxOf(req), req.params.key);
        return reply.status(created ? 201 : 200).send(version);
      },
    );
    app.get(
      '/api/tiering/runs/:id/results.:format',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Download a run’s results (CSV or XLSX), filtered like the results list',
          params: idParams.extend({ format: z.enum(['csv', 'xlsx']) }),
          querystring: resultsQuerystring
            .omit({ page: true, pageSize: true })
            .extend({ lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
          response: { 200: z.any().describe('The file (CSV or XLSX)'), ...errors },
        },
      },
      async (req, reply) => {
        const { lang, ...filter } = req.query;
        const f = req.params.format;
        const stream = await exportRunResults(deps, ctxOf(req), req.params.id, f, filter, lang);
        return reply
          .header(
            'content-type',
            f === 'csv'
              ? 'text/csv; charset=utf-8'
              : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          )
          .header('content-disposition', `attachment; filename="tier-run-${req.params.id}.${f}"`)
          .send(stream);
      },
    );
    app.get(
      '/api/customers/:id/tiers',
      {
        config: { access: 'customers.read' },
        schema: {
          tags,
          summary: 'A customer’s tiers: published and latest run, per scheme (service tier first)',
          params: idParams,
          response: { 200: z.object({ items: z.array(customerTier) }), ...errors },
        },
      },
      async (req) => ({ items: await customerTiers(deps, ctxOf(req), req.params.id) }),
    );
    app.get(
      '/api/tiering/overrides',
      {
        config: { access: 'tiering.read' },
        schema: {
          tags,
          summary: 'Manual tier overrides of a scheme or a customer, newest first',
          querystring: z.object({
            schemeId: z.coerce.number().int().positive().optional(),
            customerId: z.coerce.number().int().positive().optional(),
            active: z
              .enum(['true', 'false'])
              .optional()
              .transform((v) => v === 'true'),
          }),
          response: { 200: z.object({ items: z.array(tierOverride) }), ...errors },
        },
      },
      async (req) => ({ items: await overrides.listOverrides(deps, ctxOf(req), req.query) }),
    );
    app.post(
      '/api/tiering/schemes/:id/overrides',
      {
        config: { access: 'tiering.manage' },
        schema: {
          tags,
          summary: 'Set a customer’s tier by hand, with a reason and an optional expiry',
          params: idParams,
          body: overrideBody,
          response: { 201: tierOverride, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await overrides.setOverride(deps, ctxOf(req), req.params.id, req.body)),
    );
    app.post(
      '/api/tiering/overrides/:id/revoke',
      {
        config: { access: 'tiering.manage' },
        schema: {
          tags,
          summary: 'Revoke a manual tier override (from the next run on)',
          params: idParams,
          body: z.object({ reason: z.string() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await overrides.revokeOverride(deps, ctxOf(req), req.params.id, req.body.reason);
        return reply.status(204).send(null);
      },
    );
  };
