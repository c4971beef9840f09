import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  exportTierDistributionCustomers,
  tierDistributionCustomers,
  tierDistributionFigure,
} from '../../app/analytics/tier-distribution.service';
import { exportTierDistribution, exportTierMigration } from '../../app/analytics/tier-export';
import {
  exportTierMigrationCustomers,
  tierMigrationCustomers,
  tierMigrationFigure,
} from '../../app/analytics/tier-migration.service';
import { tierViewSchemes } from '../../app/analytics/tier-schemes.service';
import type { Deps } from '../../app/deps';
import { ctxOf } from '../access';
import { CSV_TYPE, drillPageResponse, XLSX_TYPE } from '../contracts/analytics';
import {
  distributionDrillExportQuery,
  distributionDrillQuery,
  distributionExportQuery,
  distributionQuery,
  distributionResponse,
  migrationDrillExportQuery,
  migrationDrillQuery,
  migrationExportQuery,
  migrationQuery,
  migrationResponse,
  tierSchemesResponse,
} from '../contracts/analytics-tiers';
import { errors } from '../contracts/common';

const tags = ['analytics'];
const file = z.any().describe('The CSV or XLSX file');

/** Headers of a file download. */
function fileHeaders(format: 'csv' | 'xlsx', name: string) {
  return {
    'content-type': format === 'csv' ? CSV_TYPE : XLSX_TYPE,
    'content-disposition': `attachment; filename="${name}.${format}"`,
  };
}

/** Tier distribution over time and migration between runs. */
export const analyticsTierRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/analytics/tiers/schemes',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Schemes the tier views can show, with their tiers and runs',
          response: { 200: tierSchemesResponse, ...errors },
        },
      },
      async (req) => tierViewSchemes(deps, ctxOf(req)),
    );

    app.get(
      '/api/analytics/tiers/distribution',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Tier distribution over time: customers and revenue per tier at each point',
          querystring: distributionQuery,
          response: { 200: distributionResponse, ...errors },
        },
      },
      async (req) => tierDistributionFigure(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/tiers/distribution/customers',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers in one tier at one point of the distribution',
          querystring: distributionDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => tierDistributionCustomers(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/tiers/distribution/customers/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers in one tier at one point as CSV or XLSX (needs customers.export)',
          querystring: distributionDrillExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang, ...q } = req.query;
        const stream = await exportTierDistributionCustomers(deps, ctxOf(req), q, format, lang);
        return reply.headers(fileHeaders(format, `tier-customers-${q.point}`)).send(stream);
      },
    );

    app.get(
      '/api/analytics/tiers/distribution/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Tier distribution over time as CSV or XLSX',
          querystring: distributionExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang, ...q } = req.query;
        const stream = await exportTierDistribution(deps, ctxOf(req), q, format, lang);
        return reply.headers(fileHeaders(format, 'tier-distribution')).send(stream);
      },
    );

    app.get(
      '/api/analytics/tiers/migration',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Tier migration between two runs or dates: matrix, revenue moved and Sankey',
          querystring: migrationQuery,
          response: { 200: migrationResponse, ...errors },
        },
      },
      async (req) => tierMigrationFigure(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/tiers/migration/customers',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers behind a migration cell, row, column or move',
          querystring: migrationDrillQuery,
          response: { 200: drillPageResponse, ...errors },
        },
      },
      async (req) => tierMigrationCustomers(deps, ctxOf(req), req.query),
    );

    app.get(
      '/api/analytics/tiers/migration/customers/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Customers behind part of a migration as CSV or XLSX (needs customers.export)',
          querystring: migrationDrillExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang, ...q } = req.query;
        const stream = await exportTierMigrationCustomers(deps, ctxOf(req), q, format, lang);
        return reply.headers(fileHeaders(format, 'tier-migration-customers')).send(stream);
      },
    );

    app.get(
      '/api/analytics/tiers/migration/export',
      {
        config: { access: 'analytics.read' },
        schema: {
          tags,
          summary: 'Tier migration matrix as CSV or XLSX',
          querystring: migrationExportQuery,
          response: { 200: file, ...errors },
        },
      },
      async (req, reply) => {
        const { format, lang, ...q } = req.query;
        const stream = await exportTierMigration(deps, ctxOf(req), q, format, lang);
        return reply.headers(fileHeaders(format, 'tier-migration')).send(stream);
      },
    );
  };
