import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for webhook endpoints and deliveries. */
export const webhookRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
