import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { exportCustomers, exportFacts } from '../../app/export/export.service';
import { listCustomersQuery } from '../../domain/customers/customer.schema';
import { FACT_KINDS, type FactKind } from '../../domain/facts/fact-kinds';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';

const format = z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }).default('csv');
const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** CSV and XLSX exports of customer and fact lists. */
export const exportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/export/customers',
      {
        config: { access: 'customers.export' },
        schema: {
          tags: ['export'],
          summary: 'Export the customers matching the list filters (CSV or XLSX)',
          querystring: listCustomersQuery
            .omit({ page: true, pageSize: true, sort: true, order: true })
            .extend({ format, lang: z.enum(['zh-CN', 'en']).default('zh-CN') }),
          response: { 200: z.any().describe('The file (CSV or XLSX)'), ...errors },
        },
      },
      async (req, reply) => {
        const { format: f, lang, ...filters } = req.query;
        const stream = await exportCustomers(deps, ctxOf(req), f, filters, lang);
        return reply
          .header('content-type', CONTENT_TYPE[f])
          .header('content-disposition', `attachment; filename="customers.${f}"`)
          .send(stream);
      },
    );
    app.get(
      '/api/export/facts/:kind',
      {
        config: { access: 'customers.export' },
        schema: {
          tags: ['export'],
          summary: 'Export facts of one kind, for all customers or one (CSV or XLSX)',
          params: z.object({ kind: z.enum(FACT_KINDS as [FactKind, ...FactKind[]]) }),
          querystring: z.object({
            format,
            customerId: z.coerce.number().int().positive().optional(),
          }),
          response: { 200: z.any().describe('The file (CSV or XLSX)'), ...errors },
        },
      },
      async (req, reply) => {
        const f = req.query.format;
        const stream = await exportFacts(
          deps,
          ctxOf(req),
          f,
          req.params.kind,
          req.query.customerId,
        );
        return reply
          .header('content-type', CONTENT_TYPE[f])
          .header('content-disposition', `attachment; filename="${req.params.kind}.${f}"`)
          .send(stream);
      },
    );
  };
