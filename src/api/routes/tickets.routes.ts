import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for service tickets, the public form and the inbound API. */
export const ticketRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
