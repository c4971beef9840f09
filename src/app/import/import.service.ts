import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DomainError, notFound, validationError } from '../../domain/errors';
import { isAbandonedRun } from '../../domain/import/abandoned-run';
import { importMappingSchema } from '../../domain/import/mapping.schema';
import { suggestMapping } from '../../domain/import/suggest-mapping';
import {
  IMPORT_TARGET_NAMES,
  IMPORT_TARGETS,
  type ImportTarget,
} from '../../domain/import/targets/fields';
import { listCustomFieldDefs } from '../../store/custom-fields.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import type { ImportOptions } from './apply-context';
import { customFieldTarget } from './custom-field-target';
import { DEFAULT_MAX_IMPORT_BYTES, openImportFile } from './import-file';
import { type ImportMode, type ImportResult, runImport } from './run-import';
import { currentRunner, processAlive } from './runner';

const UPLOAD_ID = /^[0-9a-f-]{36}$/;

function uploadsDir(deps: Deps): string {
  const dir = join(deps.config.dataDir, 'uploads');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function uploadPath(deps: Deps, uploadId: string): string {
  if (!UPLOAD_ID.test(uploadId)) {
    throw validationError('Invalid upload id', [
      { field: 'uploadId', message: 'is not an upload id' },
    ]);
  }
  const path = join(uploadsDir(deps), uploadId);
  if (!existsSync(path)) throw notFound('Upload', uploadId);
  return path;
}

export interface UploadPreview {
  uploadId: string;
  fileName: string;
  size: number;
  kind: string;
  encoding: string | null;
  headers: string[];
  sample: string[][];
  /** Per target: which field each column most likely feeds. */
  suggestions: Record<
    ImportTarget,
    { index: number; header: string; field: string | null; confidence: number }[]
  >;
}

/**
 * Stores an uploaded file (streamed to disk, refused past the size limit) and previews it: the
 * detected format and encoding, the header, a few rows, and a suggested mapping for each target.
 */
export async function uploadImportFile(
  deps: Deps,
  ctx: Ctx,
  fileName: string,
  body: Readable,
  encoding?: string,
): Promise<UploadPreview> {
  requirePermission(ctx, 'customers.import');
  const uploadId = randomUUID();
  const path = join(uploadsDir(deps), uploadId);
  let size = 0;
  body.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > DEFAULT_MAX_IMPORT_BYTES) {
      body.destroy(
        new DomainError('VALIDATION', `${fileName} is larger than 2 GiB and cannot be imported`, {
          reason: 'too-large',
        }),
      );
    }
  });
  try {
    await pipeline(body, createWriteStream(path));
    return await previewUpload(deps, ctx, uploadId, fileName, encoding);
  } catch (e) {
    if (existsSync(path)) unlinkSync(path);
    throw e;
  }
}

/** Re-reads the head of an uploaded file, e.g. after the user picked another encoding. */
export async function previewUpload(
  deps: Deps,
  ctx: Ctx,
  uploadId: string,
  fileName: string,
  encoding?: string,
): Promise<UploadPreview> {
  requirePermission(ctx, 'customers.import');
  const path = uploadPath(deps, uploadId);
  const source = await openImportFile(path, {
    fileName,
    ...(encoding ? { encoding: encoding as never } : {}),
  });
  const rows: string[][] = [];
  for await (const r of source.rows()) {
    rows.push(r.values);
    if (rows.length > 6) break;
  }
  const headers = rows[0] ?? [];
  const customFields = await listCustomFieldDefs(deps.store.db);
  const suggestions = Object.fromEntries(
    IMPORT_TARGET_NAMES.map((t) => [
      t,
      suggestMapping(
        headers,
        [
          ...IMPORT_TARGETS[t],
          ...(t === 'customers' ? customFields.map(customFieldTarget) : []),
        ].map((f) => ({
          field: f.field,
          synonyms: [f.labelZh, f.labelEn, ...(f.synonyms ?? [])],
        })),
      ).map(({ index, header, field, confidence }) => ({ index, header, field, confidence })),
    ]),
  ) as UploadPreview['suggestions'];
  return {
    uploadId,
    fileName,
    size: statSync(path).size,
    kind: source.kind,
    encoding: source.encoding?.encoding ?? null,
    headers,
    sample: rows.slice(1),
    suggestions,
  };
}

interface Job {
  id: string;
  target: ImportTarget;
  mode: ImportMode;
  status: 'running' | 'done' | 'failed';
  rowsRead: number;
  startedAt: string;
  result?: ImportResult;
  error?: { code: string; message: string; details: Record<string, unknown> };
}

// Progress of running imports lives in memory: the import's own transaction cannot be read from
// outside until it commits. The import_runs table keeps the durable record of every run.
const jobs = new Map<string, Job>();

/** Starts an import in the background and returns its job id; poll `importJob` for progress. */
export function startImport(
  deps: Deps,
  ctx: Ctx,
  input: {
    uploadId: string;
    fileName: string;
    target: ImportTarget;
    mapping: unknown;
    mode: ImportMode;
    options?: Partial<ImportOptions>;
  },
): Job {
  requirePermission(ctx, 'customers.import');
  const path = uploadPath(deps, input.uploadId);
  parseInput(importMappingSchema, input.mapping, 'Invalid import mapping');
  const job: Job = {
    id: randomUUID(),
    target: input.target,
    mode: input.mode,
    status: 'running',
    rowsRead: 0,
    startedAt: new Date().toISOString(),
  };
  jobs.set(job.id, job);
  runImport(deps, ctx, {
    target: input.target,
    path,
    fileName: input.fileName,
    mapping: input.mapping,
    mode: input.mode,
    ...(input.options ? { options: input.options } : {}),
    onProgress: (n) => {
      job.rowsRead = n;
    },
  })
    .then((result) => {
      job.status = 'done';
      job.result = result;
      job.rowsRead = result.rowsTotal;
    })
    .catch((e: unknown) => {
      job.status = 'failed';
      job.error =
        e instanceof DomainError
          ? { code: e.code, message: e.message, details: e.details }
          : { code: 'INTERNAL', message: (e as Error).message ?? 'Import failed', details: {} };
    });
  return job;
}

/** The state of an import job (running with rows read so far, or its result or error). */
export function importJob(ctx: Ctx, jobId: string): Job {
  requirePermission(ctx, 'customers.import');
  const job = jobs.get(jobId);
  if (!job) throw notFound('Import job', jobId);
  return job;
}

/** Recent import runs, newest first. */
export async function listImportRuns(deps: Deps, ctx: Ctx, limit = 50) {
  requirePermission(ctx, 'customers.import');
  const rows = await deps.store.db
    .selectFrom('import_runs')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  // Server paths and raw options stay on the server; the UI gets flags for the downloads.
  return rows.map((r) => ({
    id: r.id,
    target: r.kind,
    fileName: r.file_name,
    mode: r.mode,
    status: r.status,
    rowsTotal: r.rows_total,
    rowsCreated: r.rows_created,
    rowsUpdated: r.rows_updated,
    rowsRejected: r.rows_rejected,
    customersCreated: r.customers_created ?? 0,
    message: r.message,
    hasErrorReport: Boolean(r.error_report && existsSync(r.error_report)),
    hasRejectedFile: Boolean(r.rejected_file && existsSync(r.rejected_file)),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  }));
}

/** Path of a run's error report or rejected-rows file, for download. */
export async function importRunFile(
  deps: Deps,
  ctx: Ctx,
  runId: number,
  which: 'errors' | 'rejected',
) {
  requirePermission(ctx, 'customers.import');
  const run = await deps.store.db
    .selectFrom('import_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) throw notFound('Import run', runId);
  const path = which === 'errors' ? run.error_report : run.rejected_file;
  if (!path || !existsSync(path)) throw notFound(`Import ${which} file`, runId);
  return { path, fileName: `import-${runId}-${which}.csv` };
}

/** Saved mappings for a target. */
export async function listMappings(deps: Deps, ctx: Ctx, target?: string) {
  requirePermission(ctx, 'customers.import');
  let q = deps.store.db.selectFrom('import_mappings').selectAll().orderBy('name');
  if (target) q = q.where('kind', '=', target);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    target: r.kind,
    name: r.name,
    mapping: JSON.parse(r.mapping) as unknown,
    updatedAt: r.updated_at,
  }));
}

/** Saves (or replaces, by target and name) a mapping for next time. */
export async function saveMapping(deps: Deps, ctx: Ctx, input: { name: string; mapping: unknown }) {
  requirePermission(ctx, 'customers.import');
  const mapping = parseInput(importMappingSchema, input.mapping, 'Invalid import mapping');
  if (!IMPORT_TARGET_NAMES.includes(mapping.target as ImportTarget)) {
    throw validationError('Unknown import target', [
      { field: 'mapping.target', message: `must be one of ${IMPORT_TARGET_NAMES.join(', ')}` },
    ]);
  }
  const name = input.name.trim();
  if (!name)
    throw validationError('Name the mapping', [{ field: 'name', message: 'must not be empty' }]);
  const now = ctx.now().toISOString();
  const json = JSON.stringify(mapping);
  return deps.store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('import_mappings')
      .values({
        kind: mapping.target,
        name,
        mapping: json,
        created_by: ctx.actor.id,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['kind', 'name']).doUpdateSet({ mapping: json, updated_at: now }),
      )
      .execute();
    await writeAudit(trx, ctx, {
      action: 'import_mapping.save',
      entity: 'import_mapping',
      entityId: name,
      after: mapping,
    });
    return { target: mapping.target, name, mapping };
  });
}

/**
 * Marks as interrupted the imports left running by a server process that is gone (each import
 * writes its rows in one transaction, so an interrupted one wrote nothing). Runs of processes
 * still alive, such as another server on the same database, are left alone. Called once when
 * the server starts.
 */
export async function markInterruptedImports(deps: Deps): Promise<number> {
  const db = deps.store.db;
  const now = new Date();
  const here = { ...currentRunner(), now, alive: processAlive };
  const running = await db
    .selectFrom('import_runs')
    .select(['id', 'runner', 'started_at'])
    .where('status', '=', 'running')
    .execute();
  const gone = running
    .filter((r) => isAbandonedRun({ runner: r.runner, startedAt: r.started_at }, here))
    .map((r) => r.id);
  if (gone.length === 0) return 0;
  await db
    .updateTable('import_runs')
    .set({
      status: 'interrupted',
      message: 'the server stopped during the import; nothing was written',
      finished_at: now.toISOString(),
    })
    .where('id', 'in', gone)
    .where('status', '=', 'running')
    .execute();
  return gone.length;
}
