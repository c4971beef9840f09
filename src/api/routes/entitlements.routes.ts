import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { customerEntitlements, entitlementUses } from '../../app/entitlements/entitlements.service';
import { recordEntitlementUse } from '../../app/entitlements/use-entitlement.service';
import { voidUse } from '../../app/entitlements/void-use.service';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';
import {
  customerEntitlements as customerEntitlementsBody,
  entitlementBalance,
  entitlementUse,
  keyParams,
  useBody,
} from '../contracts/entitlements';

const tags = ['entitlements'];

/** Routes for entitlement balances and uses. */
export const entitlementRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/customers/:id/entitlements',
      {
        // customers.read or frontline.read: checked by the use case (a route names one permission).
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: "The entitlements of the customer's tier with this period's balances",
          params: idParams,
          response: { 200: customerEntitlementsBody, ...errors },
        },
      },
      (req) => customerEntitlements(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/customers/:id/entitlement-uses',
      {
        config: { access: 'authenticated' },
        schema: {
          tags,
          summary: "A customer's entitlement uses, newest first, voided ones included",
          params: idParams,
          response: { 200: z.object({ items: z.array(entitlementUse) }), ...errors },
        },
      },
      async (req) => ({ items: await entitlementUses(deps, ctxOf(req), req.params.id) }),
    );
    app.post(
      '/api/customers/:id/entitlements/:key/uses',
      {
        config: { access: 'entitlements.use' },
        schema: {
          tags,
          summary:
            'Record the use of an entitlement; 409 QUOTA_EXCEEDED with the remaining balance when over quota',
          params: keyParams,
          body: useBody,
          response: {
            201: z.object({ use: entitlementUse, balance: entitlementBalance }),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const out = await recordEntitlementUse(
          deps,
          ctxOf(req),
          req.params.id,
          req.params.key,
          req.body,
        );
        return reply.status(201).send(out);
      },
    );
    app.post(
      '/api/entitlement-uses/:id/void',
      {
        config: { access: 'entitlements.use' },
        schema: {
          tags,
          summary: 'Void an entitlement use and give it back to the balance',
          params: idParams,
          body: z.object({ reason: z.string() }),
          response: { 200: entitlementUse, ...errors },
        },
      },
      (req) => voidUse(deps, ctxOf(req), req.params.id, req.body),
    );
  };
