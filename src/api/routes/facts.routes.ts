import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import * as facts from '../../app/facts/facts.service';
import { FACT_KINDS } from '../../domain/facts/fact-kinds';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';

const kindParam = z.enum(FACT_KINDS as [string, ...string[]], {
  error: `kind must be one of ${FACT_KINDS.join(', ')}`,
});
const customerKind = z.object({
  id: z.coerce.number().int().positive(),
  kind: kindParam,
});
const factRecord = z.record(z.string(), z.unknown());

/** Facts recorded against customers: create, list, delete, and the merged timeline. */
export const factRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/customers/:id/facts/:kind',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['facts'],
          summary:
            'Record a fact (orders, payments, contracts, feedback, surveys, visits, referrals, competitors, stagnation)',
          params: customerKind,
          body: factRecord,
          response: { 201: factRecord, ...errors },
        },
      },
      async (req, reply) => {
        const { id, kind } = req.params;
        const created = await facts.createFact(deps, ctxOf(req), kind as never, id, req.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/customers/:id/facts/:kind',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['facts'],
          summary: "List a customer's facts of one kind, newest first",
          params: customerKind,
          querystring: z.object({
            page: z.coerce.number().int().min(1).default(1),
            pageSize: z.coerce.number().int().min(1).max(500).default(50),
          }),
          response: {
            200: z.object({
              items: z.array(factRecord),
              total: z.number(),
              page: z.number(),
              pageSize: z.number(),
            }),
            ...errors,
          },
        },
      },
      (req) =>
        facts.listFacts(
          deps,
          ctxOf(req),
          req.params.kind as never,
          req.params.id,
          req.query.page,
          req.query.pageSize,
        ),
    );

    app.delete(
      '/api/facts/:kind/:factId',
      {
        config: { access: 'customers.write' },
        schema: {
          tags: ['facts'],
          summary: 'Delete one fact',
          params: z.object({ kind: kindParam, factId: z.coerce.number().int().positive() }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await facts.deleteFact(deps, ctxOf(req), req.params.kind as never, req.params.factId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/customers/:id/timeline',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['facts'],
          summary: 'Every fact of a customer on one timeline, newest first',
          params: z.object({ id: z.coerce.number().int().positive() }),
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(500).default(100),
            kinds: z
              .string()
              .optional()
              .transform((v) => (v ? v.split(',').map((k) => k.trim()) : undefined))
              .pipe(z.array(kindParam).optional()),
            before: z
              .string()
              .regex(/^\d{4}-\d{2}-\d{2}$/, 'before must be a date as YYYY-MM-DD')
              .optional(),
          }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  kind: z.string(),
                  id: z.number(),
                  date: z.string(),
                  title: z.string(),
                  amountMinor: z.number().nullable(),
                  data: factRecord,
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({
        items: await facts.customerTimeline(deps, ctxOf(req), req.params.id, req.query.limit, {
          ...(req.query.kinds ? { kinds: req.query.kinds as never } : {}),
          ...(req.query.before ? { before: req.query.before } : {}),
        }),
      }),
    );

    app.get(
      '/api/facts/:kind/:factId',
      {
        config: { access: 'customers.read' },
        schema: {
          tags: ['facts'],
          summary: 'One fact with its details (an order with its lines)',
          params: z.object({ kind: kindParam, factId: z.coerce.number().int().positive() }),
          response: { 200: factRecord, ...errors },
        },
      },
      (req) => facts.getFact(deps, ctxOf(req), req.params.kind as never, req.params.factId),
    );
  };
