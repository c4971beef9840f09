import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Scheduled analytics reports. */
export const reportRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
