import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError, type FieldIssue, validationError } from '../../domain/errors';
import { runnerText } from '../../domain/import/abandoned-run';
import {
  type ImportMapping,
  importMappingSchema,
  resolveColumns,
} from '../../domain/import/mapping.schema';
import { IMPORT_TARGETS, type ImportTarget } from '../../domain/import/targets/fields';
import {
  type CellParser,
  compileCellParser,
  type ParsedCells,
} from '../../domain/import/targets/target';
import { listCustomFieldDefs } from '../../store/custom-fields.repository';
import { refreshRollups } from '../../store/metrics/rollups';
import { openWriteSession } from '../../store/write-session';
import { writeAudit } from '../audit';
import { fireLatePaymentsFor } from '../automation/sweep.service';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import {
  type ApplyContext,
  type ImportOptions,
  type ImportStats,
  TouchedCustomers,
} from './apply-context';
import { customerApplier } from './apply-customers';
import { orderApplier } from './apply-orders';
import { paymentApplier } from './apply-payments';
import { customFieldTarget } from './custom-field-target';
import { openImportFile } from './import-file';
import { ImportReport } from './import-report';
import { currentRunner } from './runner';

export type ImportMode = 'dry_run' | 'all_or_nothing' | 'valid_only';

/** A deliberately low guess of a data row's size in bytes, for a first estimate of the rows. */
const BYTES_PER_ROW_GUESS = 48;

/** What each target's applier offers the run. */
interface Applier {
  /** Takes one valid row; a promise only when the row needs waiting for. */
  add(cells: ParsedCells, row: number, values: readonly string[]): Promise<void> | undefined;
  /** Writes whatever is still buffered. */
  finish(): Promise<void>;
  /** Last work before a commit (never for a dry run or a refused run). */
  complete?(): Promise<void>;
}

export interface RunImportInput {
  target: ImportTarget;
  path: string;
  fileName: string;
  mapping: unknown;
  mode: ImportMode;
  options?: Partial<ImportOptions>;
  /** Called every few thousand rows with the rows read so far. */
  onProgress?: (rowsRead: number) => void;
  maxBytes?: number;
}

export interface ImportResult {
  runId: number;
  target: ImportTarget;
  mode: ImportMode;
  /** dry_run: nothing written; committed; rejected: all-or-nothing found bad rows, nothing written. */
  status: 'dry_run' | 'committed' | 'rejected';
  rowsTotal: number;
  created: number;
  updated: number;
  rejected: number;
  customersCreated: number;
  issues: FieldIssue[];
  issueCount: number;
  warnings: FieldIssue[];
  errorReport: string;
  rejectedFile: string;
}

/**
 * Runs one import: reads the file as a stream, checks every row, and writes in one transaction
 * on a connection of its own. A dry run does all the work and rolls back, so its counts are
 * exactly what a commit would do. 'all_or_nothing' commits only when no row was rejected;
 * 'valid_only' commits the good rows and hands the rejected ones back as a file. Whatever
 * happens, the database is either fully changed or not at all.
 */
export async function runImport(
  deps: Deps,
  ctx: Ctx,
  input: RunImportInput,
): Promise<ImportResult> {
  const mapping = parseInput(importMappingSchema, input.mapping, 'Invalid import mapping');
  const builtIn = IMPORT_TARGETS[input.target];
  if (!builtIn) {
    throw validationError('Unknown import target', [
      { field: 'target', message: `is not one of ${Object.keys(IMPORT_TARGETS).join(', ')}` },
    ]);
  }
  const customDefs = input.target === 'customers' ? await listCustomFieldDefs(deps.store.db) : [];
  const fields = [...builtIn, ...customDefs.map(customFieldTarget)];
  const mapped = new Set(mapping.columns.map((c) => c.field));
  const unknown = [...mapped].filter((f) => !fields.some((d) => d.field === f));
  const missing = fields.filter((f) => f.required && !mapped.has(f.field)).map((f) => f.field);
  if (unknown.length || missing.length) {
    throw validationError('The mapping does not fit the target', [
      ...unknown.map((f) => ({
        field: f,
        message: `is not a field of ${input.target}`,
        expected: fields.map((d) => d.field).join(', '),
      })),
      ...missing.map((f) => ({ field: f, message: 'is required but no column is mapped to it' })),
    ]);
  }
  const source = await openImportFile(input.path, {
    fileName: input.fileName,
    encoding: mapping.encoding,
    ...(mapping.sheet ? { sheet: mapping.sheet } : {}),
    ...(input.maxBytes ? { maxBytes: input.maxBytes } : {}),
  });
  const options: ImportOptions = {
    createMissingCustomers: input.options?.createMissingCustomers ?? false,
    newCustomerType: input.options?.newCustomerType ?? 'enterprise',
  };

  const now = ctx.now().toISOString();
  const run = await deps.store.db
    .insertInto('import_runs')
    .values({
      kind: input.target,
      file_name: input.fileName,
      mode: input.mode,
      status: 'running',
      rows_total: 0,
      rows_created: 0,
      rows_updated: 0,
      rows_rejected: 0,
      options: JSON.stringify({ mapping, options }),
      created_by: ctx.actor.id,
      started_at: now,
      runner: runnerText(currentRunner()),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const runId = run.id;
  const dir = join(deps.config.dataDir, 'imports');
  mkdirSync(dir, { recursive: true });
  const report = new ImportReport(
    join(dir, `${runId}-errors.csv`),
    join(dir, `${runId}-rejected.csv`),
  );
  const stats: ImportStats = { created: 0, updated: 0, customersCreated: 0 };
  let rowsTotal = 0;
  let status: ImportResult['status'] = 'dry_run';

  // Order rows reference customers only through ids the run resolved in this transaction.
  const session = await openWriteSession(deps.store, {
    bulk: true,
    referencesChecked: input.target === 'orders',
  });
  try {
    const ac: ApplyContext = {
      session,
      runId,
      now,
      ctx,
      report,
      options,
      stats,
      expectedRows: Math.floor(source.size / BYTES_PER_ROW_GUESS),
      touched: new TouchedCustomers(),
    };
    const applier: Applier =
      input.target === 'customers'
        ? customerApplier(ac, deps, customDefs)
        : input.target === 'orders'
          ? orderApplier(ac)
          : paymentApplier(ac);
    let parse: CellParser | undefined;
    for await (const rows of source.batches()) {
      for (const { row, values } of rows) {
        if (!parse) {
          const headers = mapping.hasHeader ? values : values.map((_, i) => `column ${i + 1}`);
          const resolved = resolveColumns(mapping, headers);
          if (!resolved.ok) {
            throw validationError(`${input.fileName} lacks mapped columns`, resolved.issues);
          }
          parse = compileCellParser(fields, resolved.fields, mapping as ImportMapping);
          report.header(headers);
          if (mapping.hasHeader) continue;
        }
        rowsTotal++;
        const { cells, issues } = parse(values, row);
        if (issues.length) report.reject(row, values, issues);
        else {
          // Appliers return a promise only when they must wait, so most rows cost no await.
          const waiting = applier.add(cells, row, values);
          if (waiting) await waiting;
        }
        if (rowsTotal % 10_000 === 0) input.onProgress?.(rowsTotal);
      }
    }
    if (!parse)
      throw new DomainError('VALIDATION', `${input.fileName} has no rows`, { reason: 'empty' });
    await applier.finish();
    input.onProgress?.(rowsTotal);

    const commit =
      input.mode === 'valid_only' || (input.mode === 'all_or_nothing' && report.rejectedRows === 0);
    status = input.mode === 'dry_run' ? 'dry_run' : commit ? 'committed' : 'rejected';
    if (status === 'committed') {
      await applier.complete?.();
      if (input.target === 'orders' || input.target === 'payments') {
        // Tiering reads monthly rollups: they change in the same transaction as the facts.
        await refreshRollups(session.db, session.engine, ac.touched.list());
      }
      // Seed 002: late payments drop the payment term at once, in the import's commit.
      if (input.target === 'payments')
        await fireLatePaymentsFor(session.db, deps, ctx, ac.touched.list());
      await writeAudit(session.db, ctx, {
        action: `import.${input.target}`,
        entity: 'import_run',
        entityId: runId,
        after: {
          fileName: input.fileName,
          mode: input.mode,
          rowsTotal,
          ...stats,
          rejected: report.rejectedRows,
        },
      });
      // The run's record commits with its rows: a crash right after the commit must not leave
      // it 'running', to be reported at the next start as interrupted with nothing written.
      await session.db
        .updateTable('import_runs')
        .set({ status: 'committed', rows_total: rowsTotal, rows_created: stats.created })
        .where('id', '=', runId)
        .execute();
      await session.commit();
    } else {
      await session.rollback();
    }
  } catch (e) {
    await session.rollback().catch(() => {});
    await report.close().catch(() => {});
    await finishRun(deps, runId, 'failed', {
      rowsTotal,
      stats,
      rejected: report.rejectedRows,
      message: (e as Error).message,
    });
    throw e;
  }
  await report.close();
  // A dry run or a refused all-or-nothing run wrote nothing: its counts say what would happen.
  await finishRun(deps, runId, status, {
    rowsTotal,
    stats,
    rejected: report.rejectedRows,
    message: null,
    files: report,
  });
  return {
    runId,
    target: input.target,
    mode: input.mode,
    status,
    rowsTotal,
    created: stats.created,
    updated: stats.updated,
    rejected: report.rejectedRows,
    customersCreated: stats.customersCreated,
    issues: report.shown,
    issueCount: report.issueCount,
    warnings: report.warnings,
    errorReport: report.errorsPath,
    rejectedFile: report.rejectedPath,
  };
}

async function finishRun(
  deps: Deps,
  runId: number,
  status: string,
  r: {
    rowsTotal: number;
    stats: ImportStats;
    rejected: number;
    message: string | null;
    files?: ImportReport;
  },
) {
  await deps.store.db
    .updateTable('import_runs')
    .set({
      status,
      rows_total: r.rowsTotal,
      rows_created: r.stats.created,
      rows_updated: r.stats.updated,
      rows_rejected: r.rejected,
      customers_created: r.stats.customersCreated,
      message: r.message,
      error_report: r.files?.errorsPath ?? null,
      rejected_file: r.files?.rejectedPath ?? null,
      finished_at: new Date().toISOString(),
    })
    .where('id', '=', runId)
    .execute();
}
