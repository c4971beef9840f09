import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for satisfaction surveys, survey campaigns, feedback follow-up and the blacklist. */
export const feedbackRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
