import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import * as catalogs from '../../app/policy/catalog.service';
import * as customerPolicies from '../../app/policy/customer-policy.service';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';
import {
  catalogInForceResponse,
  catalogTemplateResponse,
  catalogVersionResponse,
  catalogVersionSummary,
  customerPolicyResponse,
  policySchemeItem,
  saveCatalogBody,
  schemeParams,
  termAdjustmentBody,
} from '../contracts/policy';

const tags = ['policies'];

/**
 * Routes for tier policy catalogs and a customer's policy. Reading is open to whoever serves
 * customers (customers.read) or edits policies (policies.manage): the route lets any signed-in
 * user through and the use case checks either permission.
 */
export const policyRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/policies',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The policy catalog in force (default: the service-tier scheme)',
          querystring: z.object({ schemeId: z.coerce.number().int().positive().optional() }),
          response: { 200: catalogInForceResponse, ...errors },
        },
      },
      (req) => catalogs.getCatalog(deps, ctxOf(req), req.query.schemeId),
    );
    app.get(
      '/api/policies/schemes',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Schemes a policy catalog can belong to, the service tier first',
          response: { 200: z.object({ items: z.array(policySchemeItem) }), ...errors },
        },
      },
      async (req) => ({ items: await catalogs.listPolicySchemes(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/policies/:schemeId/versions',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'Saved versions of a scheme’s catalog, newest first',
          params: schemeParams,
          response: { 200: z.object({ items: z.array(catalogVersionSummary) }), ...errors },
        },
      },
      async (req) => ({
        items: await catalogs.listCatalogVersions(deps, ctxOf(req), req.params.schemeId),
      }),
    );
    app.get(
      '/api/policies/:schemeId/versions/:version',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'One saved version of a scheme’s catalog',
          params: schemeParams.extend({ version: z.coerce.number().int().positive() }),
          response: { 200: catalogVersionResponse, ...errors },
        },
      },
      (req) =>
        catalogs.getCatalogVersion(deps, ctxOf(req), req.params.schemeId, req.params.version),
    );
    app.get(
      '/api/policies/:schemeId/template',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'The seed default catalog for the scheme’s tiers',
          params: schemeParams,
          response: { 200: catalogTemplateResponse, ...errors },
        },
      },
      (req) => catalogs.catalogTemplate(deps, ctxOf(req), req.params.schemeId),
    );
    app.put(
      '/api/policies/:schemeId',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: 'Save a new catalog version (refused when someone saved after baseVersion)',
          params: schemeParams,
          body: saveCatalogBody,
          response: { 200: catalogInForceResponse, ...errors },
        },
      },
      (req) => catalogs.saveCatalog(deps, ctxOf(req), req.params.schemeId, req.body),
    );

    app.get(
      '/api/customers/:id/policy',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: 'What a customer gets today: tier, policy, payment term after adjustments',
          params: idParams,
          response: { 200: customerPolicyResponse, ...errors },
        },
      },
      (req) => customerPolicies.getCustomerPolicy(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/customers/:id/term-adjustments',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: 'Move a customer’s payment terms down the ladder by hand, with a reason',
          params: idParams,
          body: termAdjustmentBody,
          response: { 201: customerPolicyResponse, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            await customerPolicies.addTermAdjustment(deps, ctxOf(req), req.params.id, req.body),
          ),
    );
    app.delete(
      '/api/customers/:id/term-adjustments/:adjustmentId',
      {
        config: { access: 'policies.manage' },
        schema: {
          tags,
          summary: 'Revoke a term adjustment',
          params: idParams.extend({ adjustmentId: z.coerce.number().int().positive() }),
          response: { 200: customerPolicyResponse, ...errors },
        },
      },
      (req) =>
        customerPolicies.revokeCustomerTermAdjustment(
          deps,
          ctxOf(req),
          req.params.id,
          req.params.adjustmentId,
        ),
    );
  };
