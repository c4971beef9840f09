import type { FastifyInstance } from 'fastify';

/** Placeholder: limits on request bodies (size, nesting) beyond Fastify's defaults. */
export function registerInputGuards(_app: FastifyInstance): void {}
