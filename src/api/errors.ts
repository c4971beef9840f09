import type { FastifyError, FastifyInstance } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
} from 'fastify-type-provider-zod';
import { DomainError, type ErrorCode } from '../domain/errors';

/** The one place where domain error codes become HTTP statuses. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  STALE_VERSION: 409,
  INVALID_STATE: 409,
  CALENDAR_NOT_COVERED: 409,
  QUOTA_EXCEEDED: 409,
  RATE_LIMITED: 429,
  BUSY: 503,
  INTERNAL: 500,
};

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

function body(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { code, message, details } };
}

/** Turns '/items/0/code' into 'items.0.code'. */
function fieldOf(instancePath: string | undefined): string {
  const p = (instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
  return p || '(root)';
}

/** Registers the error and not-found handlers that give every failure the same JSON shape. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) =>
    reply.status(404).send(body('NOT_FOUND', `No route ${req.method} ${req.url}`)),
  );
  app.setErrorHandler((err: FastifyError | DomainError | Error, req, reply) => {
    if (err instanceof DomainError) {
      const status = STATUS_BY_CODE[err.code];
      if (status >= 500) req.log.error({ err }, err.message);
      return reply.status(status).send(body(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = (err as { validationContext?: string }).validationContext ?? 'request';
      const issues = err.validation.map((v) => ({
        field: fieldOf(v.instancePath),
        message: v.message ?? 'is invalid',
      }));
      const first = issues[0];
      return reply
        .status(400)
        .send(
          body(
            'VALIDATION',
            `Invalid ${where}${first ? `: ${first.field} ${first.message}` : ''}`,
            { in: where, issues },
          ),
        );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.status(500).send(body('INTERNAL', 'The server produced an invalid response'));
    }
    const fe = err as FastifyError;
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(body('VALIDATION', 'Request body is too large'));
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return reply.status(415).send(body('VALIDATION', fe.message));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return reply.status(fe.statusCode).send(body('VALIDATION', fe.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Internal server error'));
  });
}
