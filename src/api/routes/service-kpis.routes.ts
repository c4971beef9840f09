import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { serviceKpis } from '../../app/service-kpis/service-kpis.service';
import { exportServiceKpis } from '../../app/service-kpis/service-kpis-export.service';
import { ctxOf } from '../access';
import { errors } from '../contracts/common';
import { kpiExportQuery, kpiQuery, kpiResponse } from '../contracts/service-kpis';

const tags = ['service'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Routes for service KPIs and their export. 'tickets.work' covers every holder of
 * 'service.manage' too (supervisors, general manager, administrator).
 */
export const serviceKpiRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/service/kpis',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Service KPIs by tier, level, category, team or month',
          querystring: kpiQuery,
          response: { 200: kpiResponse, ...errors },
        },
      },
      async (req) => serviceKpis(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/service/kpis/export.xlsx',
      {
        config: { access: 'tickets.work' },
        schema: {
          tags,
          summary: 'Service KPIs as an XLSX workbook',
          querystring: kpiExportQuery,
          response: { 200: z.any().describe('The XLSX workbook'), ...errors },
        },
      },
      async (req, reply) => {
        const { lang, ...query } = req.query;
        const stream = await exportServiceKpis(deps, ctxOf(req), query, lang);
        const name = `service-kpis-${query.from ?? ''}-${query.to ?? ''}.xlsx`;
        return reply
          .header('content-type', XLSX)
          .header('content-disposition', `attachment; filename="${name}"`)
          .send(stream);
      },
    );
  };
