import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportLifecycle,
  exportLifecycleCustomers,
  lifecycleCustomers,
  lifecycleView,
} from '../../app/analytics/lifecycle.service';
import {
  exportNinegrid,
  exportNinegridCustomers,
  ninegridCustomers,
  ninegridView,
} from '../../app/analytics/ninegrid.service';
import {
  exportServiceByTier,
  exportServiceTierCustomers,
  serviceByTier,
  serviceTierCustomers,
} from '../../app/analytics/service-trends.service';
import type { Deps } from '../../app/deps';
import type { ExportFormat } from '../../app/export/table-writer';
import { ctxOf } from '../access';
import { CSV_TYPE, drillPageResponse, XLSX_TYPE } from '../contracts/analytics';
import {
  lifecycleDrillExportQuery,
  lifecycleDrillQuery,
  lifecycleExportQuery,
  lifecycleQuery,
  lifecycleResponse,
  ninegridDrillExportQuery,
  ninegridDrillQuery,
  ninegridExportQuery,
  ninegridQuery,
  ninegridResponse,
  serviceDrillExportQuery,
  serviceDrillQuery,
  serviceExportQuery,
  serviceQuery,
  serviceResponse,
} from '../contracts/analytics-behaviour';
import { errors } from '../contracts/common';

const tags = ['analytics'];
const access = 'analytics.read' as const;
const fileResponse = { 200: z.any().describe('The CSV or XLSX file'), ...errors };

function sendFile(reply: FastifyReply, stream: Readable, format: ExportFormat, name: string) {
  return reply
    .header('content-type', format === 'csv' ? CSV_TYPE : XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(stream);
}

/** Behaviour analytics: nine-grid, lifecycle, cohorts, churn risk, service by tier. */
export const analyticsBehaviourRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/analytics/ninegrid',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Nine-grid of two metrics with the movement from the previous period',
          querystring: ninegridQuery,
          response: { 200: ninegridResponse, ...errors },
        },
      },
      async (req) => ninegridView(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/ninegrid/customers',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Customers of a nine-grid cell (cell) or movement cell (fromCell, toCell)',
          querystring: ninegridDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => ninegridCustomers(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/ninegrid/customers/export',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Customers of a nine-grid cell as CSV or XLSX (needs customers.export)',
          querystring: ninegridDrillExportQuery,
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const stream = await exportNinegridCustomers(deps, ctxOf(req), query, format, lang);
        return sendFile(reply, stream, format, 'ninegrid-customers');
      },
    );
    app.get(
      '/api/analytics/ninegrid/export',
      {
        config: { access },
        schema: {
          tags,
          summary: 'The nine-grid and its movement matrix as CSV or XLSX',
          querystring: ninegridExportQuery,
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const stream = await exportNinegrid(deps, ctxOf(req), query, format, lang);
        return sendFile(reply, stream, format, 'ninegrid');
      },
    );

    app.get(
      '/api/analytics/lifecycle',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Lifecycle stages, cohort retention and the churn-risk list',
          querystring: lifecycleQuery,
          response: { 200: lifecycleResponse, ...errors },
        },
      },
      async (req) => lifecycleView(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/lifecycle/customers',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Customers of lifecycle stages (stage) or of a cohort cell (cohort, offset)',
          querystring: lifecycleDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => lifecycleCustomers(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/lifecycle/customers/export',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Customers of lifecycle stages or a cohort cell as CSV or XLSX',
          querystring: lifecycleDrillExportQuery,
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const stream = await exportLifecycleCustomers(deps, ctxOf(req), query, format, lang);
        return sendFile(reply, stream, format, 'lifecycle-customers');
      },
    );
    app.get(
      '/api/analytics/lifecycle/export',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Lifecycle stages or the cohort retention table as CSV or XLSX',
          querystring: lifecycleExportQuery,
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const stream = await exportLifecycle(deps, ctxOf(req), query, format, lang);
        return sendFile(reply, stream, format, `lifecycle-${query.table ?? 'stages'}`);
      },
    );

    app.get(
      '/api/analytics/service',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Service KPIs by tier and satisfaction by month per tier',
          querystring: serviceQuery,
          response: { 200: serviceResponse, ...errors },
        },
      },
      async (req) => serviceByTier(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/service/customers',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Customers with tickets of a tier (group), optionally in one month',
          querystring: serviceDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => serviceTierCustomers(deps, ctxOf(req), req.query),
    );
    app.get(
      '/api/analytics/service/customers/export',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Customers with tickets of a tier as CSV or XLSX (needs customers.export)',
          querystring: serviceDrillExportQuery,
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const stream = await exportServiceTierCustomers(deps, ctxOf(req), query, format, lang);
        return sendFile(reply, stream, format, 'service-customers');
      },
    );
    app.get(
      '/api/analytics/service/export',
      {
        config: { access },
        schema: {
          tags,
          summary: 'Service KPIs by tier with monthly satisfaction as CSV or XLSX',
          querystring: serviceExportQuery,
          response: fileResponse,
        },
      },
      async (req, reply) => {
        const { format, lang, ...query } = req.query;
        const stream = await exportServiceByTier(deps, ctxOf(req), query, format, lang);
        return sendFile(reply, stream, format, 'service-by-tier');
      },
    );
  };
