import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { systemCtx } from '../../app/context';
import { openImportFile } from '../../app/import/import-file';
import { type ImportMode, runImport } from '../../app/import/run-import';
import { suggestMapping } from '../../domain/import/suggest-mapping';
import {
  IMPORT_TARGET_NAMES,
  IMPORT_TARGETS,
  type ImportTarget,
} from '../../domain/import/targets/fields';
import { withDeps } from '../with-deps';

interface ImportOpts {
  mapping?: string;
  dryRun?: boolean;
  validOnly?: boolean;
  createCustomers?: boolean;
  customerType?: string;
  dateFormat?: string;
  encoding?: string;
}

/** A mapping suggested from the file's header (printed so it can be saved and edited). */
async function suggested(target: ImportTarget, file: string, opts: ImportOpts) {
  const source = await openImportFile(
    file,
    opts.encoding ? { encoding: opts.encoding as never } : {},
  );
  let headers: string[] = [];
  for await (const r of source.rows()) {
    headers = r.values;
    break;
  }
  const fields = IMPORT_TARGETS[target].map((f) => ({
    field: f.field,
    synonyms: [f.labelZh, f.labelEn, ...(f.synonyms ?? [])],
  }));
  const columns = suggestMapping(headers, fields)
    .filter((s) => s.field)
    .map((s) => ({ header: s.header, field: s.field as string }));
  return {
    target,
    columns,
    ...(opts.dateFormat ? { dateFormat: opts.dateFormat } : {}),
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
  };
}

/** `tierdesk import <target> <file>`: the same import path as the web page, with a progress bar. */
export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      `Import a CSV, TSV, whitespace-separated or XLSX file (targets: ${IMPORT_TARGET_NAMES.join(', ')})`,
    )
    .argument('<target>', IMPORT_TARGET_NAMES.join(' | '))
    .argument('<file>', 'file to import')
    .option(
      '-m, --mapping <file.json>',
      'saved mapping (JSON); without it one is suggested from the header',
    )
    .option('--dry-run', 'check everything and report what would change, writing nothing')
    .option(
      '--valid-only',
      'import the valid rows and write the rejected ones to a file (default: all or nothing)',
    )
    .option('--create-customers', 'orders/payments: create customers for unknown codes')
    .option('--customer-type <type>', 'type of customers created that way', 'enterprise')
    .option('--date-format <format>', 'date format when suggesting a mapping, e.g. YYYYMMDD')
    .option('--encoding <encoding>', 'auto | utf-8 | gbk | gb18030 | utf-16le | utf-16be')
    .action(async (target: string, file: string, opts: ImportOpts) => {
      if (!IMPORT_TARGET_NAMES.includes(target as ImportTarget)) {
        throw new Error(`target must be one of ${IMPORT_TARGET_NAMES.join(', ')}`);
      }
      const t = target as ImportTarget;
      const mapping = opts.mapping
        ? JSON.parse(readFileSync(opts.mapping, 'utf8'))
        : await suggested(t, file, opts);
      if (!opts.mapping)
        console.log(
          `Suggested mapping (save it with --mapping next time):\n${JSON.stringify(mapping, null, 2)}`,
        );
      const mode: ImportMode = opts.dryRun
        ? 'dry_run'
        : opts.validOnly
          ? 'valid_only'
          : 'all_or_nothing';
      await withDeps(async (deps) => {
        const bar = new SingleBar({
          format: ' {bar} {value} rows | {duration}s',
          hideCursor: true,
          total: 0,
        } as never);
        bar.start(0, 0);
        try {
          const r = await runImport(deps, systemCtx(), {
            target: t,
            path: file,
            fileName: basename(file),
            mapping,
            mode,
            options: {
              createMissingCustomers: Boolean(opts.createCustomers),
              newCustomerType: opts.customerType as never,
            },
            onProgress: (n) => {
              bar.setTotal(n);
              bar.update(n);
            },
          });
          bar.stop();
          console.log(
            `${r.status}: ${r.rowsTotal} rows, ${r.created} created, ${r.updated} updated, ${r.rejected} rejected` +
              (r.customersCreated ? `, ${r.customersCreated} customers created` : ''),
          );
          for (const i of r.issues.slice(0, 20)) {
            console.log(
              `  row ${i.row ?? '-'} ${i.field}: ${i.message}${i.expected ? ` (expected ${i.expected})` : ''}`,
            );
          }
          if (r.issueCount)
            console.log(`Error report: ${r.errorReport}\nRejected rows: ${r.rejectedFile}`);
          if (r.status === 'rejected') process.exitCode = 1;
        } finally {
          bar.stop();
        }
      });
    });
}
