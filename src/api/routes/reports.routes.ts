import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import { listRecipientUsers } from '../../app/reports/report-recipients';
import {
  createReportSchedule,
  deleteReportSchedule,
  listReportSchedules,
  updateReportSchedule,
} from '../../app/reports/report-schedules';
import {
  exportReport,
  generateReport,
  getReport,
  listReports,
} from '../../app/reports/reports.service';
import { ctxOf } from '../access';
import { XLSX_TYPE } from '../contracts/analytics';
import { errors, idParams } from '../contracts/common';
import {
  createReportScheduleBody,
  exportReportQuery,
  generateReportBody,
  listReportsQuery,
  recipientUsers,
  report,
  reportPage,
  reportSchedule,
  updateReportScheduleBody,
} from '../contracts/reports';

const tags = ['analytics'];

/**
 * Scheduled analytics reports: the reports made (list, figures, workbook), "generate now", the
 * weekly/monthly schedules (job kind analytics.report) and the users a report can be sent to.
 * Reading needs analytics.read; making and scheduling need analytics.manage.
 */
export const reportRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/analytics/reports',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Analytics reports made, newest first (without their figures)',
          querystring: listReportsQuery,
          response: { 200: reportPage, ...errors },
        },
      },
      (req) => listReports(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/analytics/reports',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Make a report now, store it and send it to the recipients given',
          body: generateReportBody,
          response: { 201: report, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await generateReport(deps, ctxOf(req), req.body)),
    );
    app.get(
      '/api/analytics/reports/:id',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'One report with its stored figures',
          params: idParams,
          response: { 200: report, ...errors },
        },
      },
      (req) => getReport(deps, ctxOf(req), req.params.id),
    );
    app.get(
      '/api/analytics/reports/:id/export.xlsx',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'A report as an XLSX workbook, rendered from its stored figures',
          params: idParams,
          querystring: exportReportQuery,
          response: { 200: z.any().describe('The XLSX workbook'), ...errors },
        },
      },
      async (req, reply) => {
        const file = await exportReport(deps, ctxOf(req), req.params.id, req.query.lang);
        return reply
          .header('content-type', XLSX_TYPE)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    );
    app.get(
      '/api/analytics/report-recipients',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Users a report can be sent to (active, allowed to read analytics)',
          response: { 200: recipientUsers, ...errors },
        },
      },
      async (req) => ({ items: await listRecipientUsers(deps, ctxOf(req)) }),
    );
    app.get(
      '/api/analytics/report-schedules',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Report schedules with their next and last run',
          response: { 200: z.object({ items: z.array(reportSchedule) }), ...errors },
        },
      },
      async (req) => ({ items: await listReportSchedules(deps, ctxOf(req)) }),
    );
    app.post(
      '/api/analytics/report-schedules',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Schedule a weekly or monthly report with a cron expression (e.g. 0 8 * * 1)',
          body: createReportScheduleBody,
          response: { 201: reportSchedule, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await createReportSchedule(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/analytics/report-schedules/:id',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Change a report schedule (name, cron, time zone, payload, enabled)',
          params: idParams,
          body: updateReportScheduleBody,
          response: { 200: reportSchedule, ...errors },
        },
      },
      (req) => updateReportSchedule(deps, ctxOf(req), req.params.id, req.body),
    );
    app.delete(
      '/api/analytics/report-schedules/:id',
      {
        config: { access: 'analytics.manage' },
        schema: {
          tags,
          summary: 'Delete a report schedule (the reports it made stay)',
          params: idParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await deleteReportSchedule(deps, ctxOf(req), req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
