import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Lifetime-value models: fit, list, predictions. */
export const clvRoutes =
  (_deps: Deps): FastifyPluginAsyncZod =>
  async (_app) => {};
