import type { FastifyInstance } from 'fastify';
import type { Deps } from '../app/deps';

/** Placeholder: security headers, CORS and rate limiting. */
export async function registerSecurityPlugins(_app: FastifyInstance, _deps: Deps): Promise<void> {}
