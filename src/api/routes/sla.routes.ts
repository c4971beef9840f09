import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { explainSla } from '../../app/sla/sla-explain.service';
import * as sla from '../../app/sla/sla-policies.service';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';
import {
  saveSlaBody,
  slaExplainBody,
  slaExplainResponse,
  slaPoliciesResponse,
  slaTemplateResponse,
  slaVersionResponse,
  slaVersionSummary,
} from '../contracts/sla';

const tags = ['sla'];

/**
 * Routes for SLA policies. Reading and "which policy applies?" are open to whoever works tickets
 * (tickets.work) or manages service (service.manage): the route lets any signed-in user through
 * and the use case checks either permission. Saving needs service.manage.
 */
export const slaRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/sla/policies',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The SLA policies in force (the seed template before the first save)',
          response: { 200: slaPoliciesResponse, ...errors },
        },
      },
      (req) => sla.getSlaPolicies(deps, ctxOf(req)),
    );
    app.put(
      '/api/sla/policies',
      {
        config: { access: 'service.manage' },
        schema: {
          tags,
          summary:
            'Save a new version of the SLA policies (refused when someone saved after version)',
          body: saveSlaBody,
          response: { 200: slaPoliciesResponse, ...errors },
        },
      },
      (req) => sla.saveSlaPolicies(deps, ctxOf(req), req.body),
    );
    app.get(
      '/api/sla/policies/template',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The seed template on the service-tier scheme’s tiers',
          response: { 200: slaTemplateResponse, ...errors },
        },
      },
      (req) => sla.getSlaTemplate(deps, ctxOf(req)),
    );
    app.get(
      '/api/sla/policies/versions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Saved versions of the SLA policies, newest first',
          response: { 200: z.object({ items: z.array(slaVersionSummary) }), ...errors },
        },
      },
      async (req) => ({ items: await sla.listSlaPolicyVersions(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/sla/policies/versions/:version',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'One saved version of the SLA policies',
          params: z.object({ version: z.coerce.number().int().positive() }),
          response: { 200: slaVersionResponse, ...errors },
        },
      },
      (req) => sla.getSlaPolicyVersion(deps, ctxOf(req), req.params.version),
    );
    app.post(
      '/api/sla/explain',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Which policy applies: the winner, the candidates and the deadlines',
          body: slaExplainBody,
          response: { 200: slaExplainResponse, ...errors },
        },
      },
      (req) => explainSla(deps, ctxOf(req), req.body),
    );
  };
