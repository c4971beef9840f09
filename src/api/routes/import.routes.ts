import { createReadStream } from 'node:fs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps';
import * as svc from '../../app/import/import.service';
import { ENCODING_CHOICES } from '../../domain/import/detect-encoding';
import { IMPORT_TARGET_NAMES, type ImportTarget } from '../../domain/import/targets/fields';
import { ctxOf } from '../access';
import { errors, idParams } from '../contracts/common';

const target = z.enum(IMPORT_TARGET_NAMES as [ImportTarget, ...ImportTarget[]], {
  error: `target must be one of ${IMPORT_TARGET_NAMES.join(', ')}`,
});
const issue = z.object({
  field: z.string(),
  message: z.string(),
  row: z.number().optional(),
  value: z.unknown().optional(),
  expected: z.string().optional(),
});
const suggestion = z.object({
  index: z.number(),
  header: z.string(),
  field: z.string().nullable(),
  confidence: z.number(),
});
const preview = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number(),
  kind: z.string(),
  encoding: z.string().nullable(),
  headers: z.array(z.string()),
  sample: z.array(z.array(z.string())),
  suggestions: z.record(z.string(), z.array(suggestion)),
});
const job = z.object({
  id: z.string(),
  target: z.string(),
  mode: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  rowsRead: z.number(),
  startedAt: z.string(),
  result: z
    .object({
      runId: z.number(),
      status: z.string(),
      rowsTotal: z.number(),
      created: z.number(),
      updated: z.number(),
      rejected: z.number(),
      customersCreated: z.number(),
      issues: z.array(issue),
      issueCount: z.number(),
      warnings: z.array(issue),
    })
    .optional(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.record(z.string(), z.unknown()) })
    .optional(),
});
const importRun = z
  .object({
    id: z.number(),
    target: z.string(),
    fileName: z.string(),
    mode: z.string(),
    status: z.string(),
    rowsTotal: z.number(),
    rowsCreated: z.number(),
    rowsUpdated: z.number(),
    rowsRejected: z.number(),
    customersCreated: z.number(),
    message: z.string().nullable(),
    hasErrorReport: z.boolean(),
    hasRejectedFile: z.boolean(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
  })
  .meta({ id: 'ImportRun' });
const UPLOAD_LIMIT = 2 * 1024 ** 3 + 1024;

/** File import: upload and preview, background runs with progress, reports, saved mappings. */
export const importRoutes =
  (deps: Deps): FastifyPluginAsyncZod =>
  async (app) => {
    // Uploads arrive as the raw file body, streamed to disk: never buffered whole in memory.
    app.addContentTypeParser('application/octet-stream', (_req, payload, done) =>
      done(null, payload),
    );

    app.post(
      '/api/imports/uploads',
      {
        config: { access: 'customers.import' },
        bodyLimit: UPLOAD_LIMIT,
        schema: {
          tags: ['imports'],
          summary:
            'Upload a file (raw body, application/octet-stream) and preview it with a suggested mapping',
          querystring: z.object({
            fileName: z.string().min(1).max(255),
            encoding: z.enum(ENCODING_CHOICES).optional(),
          }),
          response: { 201: preview, ...errors },
        },
      },
      async (req, reply) => {
        const body = req.body as import('node:stream').Readable;
        const p = await svc.uploadImportFile(
          deps,
          ctxOf(req),
          req.query.fileName,
          body,
          req.query.encoding,
        );
        return reply.status(201).send(p);
      },
    );

    app.get(
      '/api/imports/uploads/:uploadId',
      {
        config: { access: 'customers.import' },
        schema: {
          tags: ['imports'],
          summary: 'Preview an uploaded file again (e.g. with another encoding)',
          params: z.object({ uploadId: z.string() }),
          querystring: z.object({
            fileName: z.string().min(1).max(255),
            encoding: z.enum(ENCODING_CHOICES).optional(),
          }),
          response: { 200: preview, ...errors },
        },
      },
      (req) =>
        svc.previewUpload(
          deps,
          ctxOf(req),
          req.params.uploadId,
          req.query.fileName,
          req.query.encoding,
        ),
    );

    app.post(
      '/api/imports/jobs',
      {
        config: { access: 'customers.import' },
        schema: {
          tags: ['imports'],
          summary:
            'Start an import: dry_run, all_or_nothing, or valid_only (returns a job to poll)',
          body: z.object({
            uploadId: z.string(),
            fileName: z.string().min(1).max(255),
            target,
            mapping: z.record(z.string(), z.unknown()),
            mode: z.enum(['dry_run', 'all_or_nothing', 'valid_only']),
            options: z
              .object({
                createMissingCustomers: z.boolean().optional(),
                newCustomerType: z
                  .enum(['individual', 'enterprise', 'group', 'internal'])
                  .optional(),
              })
              .optional(),
          }),
          response: { 202: job, ...errors },
        },
      },
      async (req, reply) => reply.status(202).send(svc.startImport(deps, ctxOf(req), req.body)),
    );

    app.get(
      '/api/imports/jobs/:jobId',
      {
        config: { access: 'customers.import' },
        schema: {
          tags: ['imports'],
          summary: 'Progress and result of an import job',
          params: z.object({ jobId: z.string() }),
          response: { 200: job, ...errors },
        },
      },
      async (req) => svc.importJob(ctxOf(req), req.params.jobId),
    );

    app.get(
      '/api/imports/runs',
      {
        config: { access: 'customers.import' },
        schema: {
          tags: ['imports'],
          summary: 'Recent import runs',
          response: {
            200: z.object({ items: z.array(importRun) }),
            ...errors,
          },
        },
      },
      async (req) => ({ items: await svc.listImportRuns(deps, ctxOf(req)) }),
    );

    for (const which of ['errors', 'rejected'] as const) {
      app.get(
        `/api/imports/runs/:id/${which}.csv`,
        {
          config: { access: 'customers.import' },
          schema: {
            tags: ['imports'],
            summary:
              which === 'errors'
                ? 'Error report of a run: row, column, value, expected, message'
                : 'Rejected rows of a run, with their reasons, ready to fix and import again',
            params: idParams,
            response: { 200: z.any(), ...errors },
          },
        },
        async (req, reply) => {
          const f = await svc.importRunFile(deps, ctxOf(req), req.params.id, which);
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${f.fileName}"`)
            .send(createReadStream(f.path));
        },
      );
    }

    app.get(
      '/api/imports/mappings',
      {
        config: { access: 'customers.import' },
        schema: {
          tags: ['imports'],
          summary: 'Saved mappings',
          querystring: z.object({ target: target.optional() }),
          response: {
            200: z.object({
              items: z.array(
                z.object({
                  id: z.number(),
                  target: z.string(),
                  name: z.string(),
                  mapping: z.unknown(),
                  updatedAt: z.string(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (req) => ({ items: await svc.listMappings(deps, ctxOf(req), req.query.target) }),
    );

    app.post(
      '/api/imports/mappings',
      {
        config: { access: 'customers.import' },
        schema: {
          tags: ['imports'],
          summary: 'Save a mapping for next time (replaces one of the same target and name)',
          body: z.object({
            name: z.string().min(1).max(100),
            mapping: z.record(z.string(), z.unknown()),
          }),
          response: {
            200: z.object({ target: z.string(), name: z.string(), mapping: z.unknown() }),
            ...errors,
          },
        },
      },
      (req) => svc.saveMapping(deps, ctxOf(req), req.body),
    );
  };
