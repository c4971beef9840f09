import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportAudit, listAudit } from '../../app/audit-trail/audit-log.service';
import { verifyAuditChain } from '../../app/audit-trail/verify.service';
import type { Deps } from '../../app/deps';
import { auditFilterInput, listAuditQuery } from '../../domain/audit/audit-query.schema';
import { ctxOf } from '../access';
import { auditEntryResponse, chainReportResponse } from '../contracts/audit';
import { errors, page } from '../contracts/common';

const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The audit viewer: filtered pages, exports and the chain check, for holders of audit.read. */
export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/audit',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Audit log entries, newest first, filtered and paged',
          querystring: listAuditQuery,
          response: { 200: page(auditEntryResponse), ...errors },
        },
      },
      async (req) => listAudit(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/audit/export',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Export the audit entries matching the filters (CSV or XLSX)',
          querystring: auditFilterInput.extend({
            format: z.enum(['csv', 'xlsx'], { error: 'format must be csv or xlsx' }).default('csv'),
            lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
          }),
          response: { 200: z.any().describe('The file (CSV or XLSX)'), ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang, ...filters } = req.query;
        const stream = await exportAudit(deps, ctxOf(req), format, filters, lang);
        return reply
          .header('content-type', CONTENT_TYPE[format])
          .header('content-disposition', `attachment; filename="audit.${format}"`)
          .send(stream);
      },
    );

    app.get(
      '/api/audit/verify',
      {
        config: { access: 'audit.read' },
        schema: {
          tags: ['audit'],
          summary: 'Check the hash chain of the audit log; reports the first broken entry',
          response: { 200: chainReportResponse, ...errors },
        },
      },
      async (req) => verifyAuditChain(deps, ctxOf(req)),
    );
  };
}
