import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportRfmCustomers, rfmCustomers, rfmView } from '../../app/analytics/rfm.service';
import { exportRfmView } from '../../app/analytics/rfm-export.service';
import { exportValueCustomers, valueCustomers, valueView } from '../../app/analytics/value.service';
import { exportValueView } from '../../app/analytics/value-export.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import { CSV_TYPE, drillPageResponse, XLSX_TYPE } from '../contracts/analytics';
import {
  rfmDrillExportQuery,
  rfmDrillQuery,
  rfmExportQuery,
  rfmQuery,
  rfmResponse,
  valueDrillExportQuery,
  valueDrillQuery,
  valueExportQuery,
  valueQuery,
  valueResponse,
} from '../contracts/analytics-value';
import { errors } from '../contracts/common';

const tags = ['analytics'];
const file = z.any().describe('The CSV or XLSX file');

/** Sends an export stream as a download named `<name>.<format>`. */
function download(reply: FastifyReply, stream: Readable, name: string, format: 'csv' | 'xlsx') {
  return reply
    .header('content-type', format === 'csv' ? CSV_TYPE : XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${name}.${format}"`)
    .send(stream);
}

/** Value analytics: Pareto/Lorenz, value pyramid and RFM. */
export const analyticsValueRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/analytics/value',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Lorenz curve, Gini, top-x% shares and value pyramid of revenue or profit',
          querystring: valueQuery,
          response: { 200: valueResponse, ...errors },
        },
      },
      async (req) => valueView(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/value/customers',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers of a pyramid level, of the loss-makers, or of the top x%',
          querystring: valueDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => valueCustomers(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/value/customers/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'The customers behind a value figure as CSV or XLSX (needs customers.export)',
          querystring: valueDrillExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang } = req.query;
        const stream = await exportValueCustomers(deps, ctxOf(req), req.query, format, lang);
        const sel = req.query.level ?? `top-${req.query.top ?? ''}`;
        return download(reply, stream, `value-customers-${sel}`, format);
      },
    );

    app.get(
      '/api/analytics/value/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'The value figures (pyramid, top shares, Lorenz points) as CSV or XLSX',
          querystring: valueExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang } = req.query;
        const stream = await exportValueView(deps, ctxOf(req), req.query, format, lang);
        return download(reply, stream, `value-${req.query.metric ?? 'revenue'}`, format);
      },
    );

    app.get(
      '/api/analytics/rfm',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'RFM segments with names and actions, the R×F grid and score distributions',
          querystring: rfmQuery,
          response: { 200: rfmResponse, ...errors },
        },
      },
      async (req) => rfmView(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/rfm/customers',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers of an RFM segment or of R/F/M scores',
          querystring: rfmDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => rfmCustomers(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/rfm/customers/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'The customers behind an RFM figure as CSV or XLSX (needs customers.export)',
          querystring: rfmDrillExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang } = req.query;
        const stream = await exportRfmCustomers(deps, ctxOf(req), req.query, format, lang);
        return download(reply, stream, `rfm-customers-${req.query.segment ?? 'scores'}`, format);
      },
    );

    app.get(
      '/api/analytics/rfm/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'RFM segments and R×F grid as CSV or XLSX',
          querystring: rfmExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang } = req.query;
        const stream = await exportRfmView(deps, ctxOf(req), req.query, format, lang);
        return download(reply, stream, 'rfm', format);
      },
    );
  };
