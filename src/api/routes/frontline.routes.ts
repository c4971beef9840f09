import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Routes for the front-line card. */
export const frontlineRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
