import type { FastifyInstance } from 'fastify';
import { DomainError } from '../domain/errors';

/**
 * How deep JSON bodies may nest. Real requests nest a few levels (a scheme's rules, a policy's
 * tiers); 64 leaves ample room while keeping every recursive walk afterwards (validation,
 * JSON.stringify for the audit trail, the database driver) far from the stack's end.
 */
export const MAX_JSON_DEPTH = 64;

/** The first query or path parameter holding a NUL character, as `in.name`, or undefined. */
export function nulParameter(groups: Record<string, unknown>): string | undefined {
  for (const [where, values] of Object.entries(groups)) {
    if (!values || typeof values !== 'object') continue;
    for (const [name, v] of Object.entries(values)) {
      const list = Array.isArray(v) ? v : [v];
      if (list.some((x) => typeof x === 'string' && x.includes('\u0000')))
        return `${where}.${name}`;
    }
  }
  return undefined;
}

/**
 * What makes a JSON text unacceptable before parsing: nesting of arrays and objects deeper than
 * `limit` (brackets inside strings do not count), or a NUL character (`\u0000`) in a string,
 * which PostgreSQL cannot store in text and no field needs. Linear and allocation-free, so it
 * runs before JSON.parse builds anything.
 * @example jsonProblem('[[1]]', 1) // 'depth'
 */
export function jsonProblem(text: string, limit: number): 'depth' | 'nul' | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) {
        if (text.startsWith('u0000', i + 1)) return 'nul';
        i++;
      } else if (c === 34 /* " */) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > limit) return 'depth';
    } else if (c === 93 /* ] */ || c === 125 /* } */) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Guards request input beyond Fastify's size limit: JSON nested deeper than
 * {@link MAX_JSON_DEPTH} or holding a NUL character is refused with 400 before it is parsed, and
 * so is a NUL in a query or path parameter. Parsing itself stays Fastify's (which refuses
 * `__proto__` and `constructor.prototype` keys), so only these checks are added.
 */
export function registerInputGuards(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    const problem = jsonProblem(text, MAX_JSON_DEPTH);
    if (problem === 'depth') {
      done(
        new DomainError('VALIDATION', `JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, {
          field: '(root)',
          maxDepth: MAX_JSON_DEPTH,
        }),
        undefined,
      );
      return;
    }
    if (problem === 'nul') {
      done(
        new DomainError('VALIDATION', 'JSON body holds a NUL character (\\u0000) in a string', {
          field: '(root)',
        }),
        undefined,
      );
      return;
    }
    parseJson(req, text, done);
  });
  // NUL in the URL: PostgreSQL refuses it mid-query (a 500, or a file cut off mid-stream).
  app.addHook('preValidation', async (req) => {
    const where = nulParameter({ query: req.query, params: req.params });
    if (where) {
      throw new DomainError('VALIDATION', `${where} holds a NUL character`, { field: where });
    }
  });
}
