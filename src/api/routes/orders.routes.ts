import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for order checks and the order queue. */
export const orderRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
