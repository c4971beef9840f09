import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../app/deps';

/** Placeholder: routes are added by the capability that owns this file. */
export function auditRoutes(_deps: Deps): FastifyPluginAsyncZod {
  return async () => {};
}
