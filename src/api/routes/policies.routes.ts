import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for tier policy catalogs. */
export const policyRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
