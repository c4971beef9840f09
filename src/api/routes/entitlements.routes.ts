import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for entitlement balances and uses. */
export const entitlementRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
