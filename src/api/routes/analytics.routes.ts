import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Shared analytics routes: customer lists behind a figure and their export. */
export const analyticsRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
