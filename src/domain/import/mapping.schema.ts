import { z } from 'zod';
import type { FieldIssue } from '../errors';
import { ENCODING_CHOICES } from './detect-encoding';
import { isDateFormat } from './parse-date';

/** One file column assigned to one target field. */
export const columnMapping = z
  .object({
    /** Header text as it appears in the file; how the column is found next time. */
    header: z.string().trim().min(1).max(200).optional(),
    /** 0-based column position; used for files without a header row or with repeated headers. */
    index: z.number().int().min(0).max(16_383).optional(),
    field: z.string().trim().min(1, 'field must not be empty').max(100),
  })
  .refine((c) => c.header !== undefined || c.index !== undefined, {
    message: 'a column needs its header text or its index',
  });

/**
 * A saved import mapping: which column feeds which field and how dates and numbers are
 * written. Stored as JSON so the same export can be imported again without asking.
 */
export const importMappingSchema = z
  .object({
    version: z.literal(1).default(1),
    /** What the rows become, e.g. "customers" or "orders". */
    target: z.string().trim().min(1).max(50),
    encoding: z.enum(ENCODING_CHOICES).default('auto'),
    /** Worksheet name for XLSX; the first sheet when absent. */
    sheet: z.string().min(1).max(31).optional(),
    /** False for files whose first line is already data (columns are then mapped by index). */
    hasHeader: z.boolean().default(true),
    columns: z.array(columnMapping).min(1, 'map at least one column'),
    dateFormat: z
      .string()
      .default('YYYY-MM-DD')
      .refine(
        isDateFormat,
        'dateFormat must combine YYYY, MM/M, DD/D (and optionally HH:mm:ss), or be excel-serial',
      ),
    decimalSeparator: z.enum(['.', ',']).default('.'),
    thousandsSeparator: z.enum([',', '.', ' ', "'", '']).default(','),
    /** Decimal places of the stored integer amounts (2 for yuan → fen). */
    currencyScale: z.number().int().min(0).max(4).default(2),
    rounding: z.enum(['reject', 'half-up', 'half-even']).default('reject'),
    allowNegativeAmounts: z.boolean().default(false),
  })
  .superRefine((m, ctx) => {
    if (m.decimalSeparator === m.thousandsSeparator) {
      ctx.addIssue({
        code: 'custom',
        path: ['thousandsSeparator'],
        message: 'the thousands separator must differ from the decimal separator',
      });
    }
    const seen = new Set<string>();
    for (const [i, c] of m.columns.entries()) {
      if (seen.has(c.field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['columns', i, 'field'],
          message: `field "${c.field}" is mapped twice`,
        });
      }
      seen.add(c.field);
    }
  });

export type ImportMapping = z.infer<typeof importMappingSchema>;

/**
 * Finds each mapped column in a file's header row: by header text (ignoring case, spaces and
 * full-width forms) first, then by index. Columns that cannot be found are FieldIssues on row 1,
 * so a file missing a required column is refused before any row is read.
 * @example resolveColumns(mapping, ['客户名称', '金额']) // { ok: true, fields: Map { 'name' => 0, 'amount' => 1 } }
 */
export function resolveColumns(
  mapping: Pick<ImportMapping, 'columns' | 'hasHeader'>,
  headers: readonly string[],
): { ok: true; fields: Map<string, number> } | { ok: false; issues: FieldIssue[] } {
  const fold = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, '');
  const folded = headers.map(fold);
  const fields = new Map<string, number>();
  const issues: FieldIssue[] = [];
  for (const c of mapping.columns) {
    const byHeader = c.header !== undefined && mapping.hasHeader;
    let at = byHeader ? folded.indexOf(fold(c.header as string)) : -1;
    // Position is the fallback only for columns that have no header to find: a saved mapping
    // applied to a file laid out differently must not silently read the wrong column.
    if (at < 0 && !byHeader && c.index !== undefined && c.index < headers.length) at = c.index;
    if (at < 0) {
      const what = c.header !== undefined ? `column "${c.header}"` : `column ${(c.index ?? 0) + 1}`;
      issues.push({
        row: 1,
        field: c.field,
        message: `${what}, mapped to ${c.field}, is not in the file`,
        expected: headers.length ? `one of: ${headers.join(', ')}` : 'a header row',
      });
    } else {
      fields.set(c.field, at);
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, fields };
}
