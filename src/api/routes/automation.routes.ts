import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for automation rules and their firings. */
export const automationRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
