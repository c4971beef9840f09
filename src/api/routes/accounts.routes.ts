import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for account managers, the pool and visit plans. */
export const accountRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
