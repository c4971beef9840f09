import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for SLA policies. */
export const slaRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
