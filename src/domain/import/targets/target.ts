import type { FieldIssue } from '../../errors';
import { isBlank } from '../cell-result';
import type { ImportMapping } from '../mapping.schema';
import { parseDate } from '../parse-date';
import { type EnumOption, parseEnum } from '../parse-enum';
import { parseAmount, parseInteger } from '../parse-number';

/** How one field of an import target reads its cell. */
export type FieldKind =
  | { kind: 'text'; max: number }
  | { kind: 'amount'; allowNegative?: boolean }
  | { kind: 'integer'; min?: number }
  | { kind: 'date' }
  | { kind: 'enum'; options: readonly EnumOption[] }
  | { kind: 'boolean' }
  | { kind: 'list' };

export interface TargetFieldDef {
  field: string;
  labelZh: string;
  labelEn: string;
  required?: boolean;
  type: FieldKind;
  /** Header words beyond the shared synonym list. */
  synonyms?: readonly string[];
}

/** Parsed cell values of one row, by field (absent when the cell was blank or unmapped). */
export type ParsedCells = Record<string, string | number | boolean | string[]>;

const TRUE = new Set(['1', 'y', 'yes', 'true', '是', '对', '加急', 'rush']);
const FALSE = new Set(['0', 'n', 'no', 'false', '否', '']);

/**
 * Reads the mapped cells of one row by the target's field definitions. Every bad cell becomes a
 * FieldIssue with the row, the field, the value and what was expected; a missing required value
 * too. Pure: no lookups, those happen when the row is applied.
 */
export function parseCells(
  fields: readonly TargetFieldDef[],
  columns: ReadonlyMap<string, number>,
  values: readonly string[],
  mapping: ImportMapping,
  row: number,
): { cells: ParsedCells; issues: FieldIssue[] } {
  const cells: ParsedCells = {};
  const issues: FieldIssue[] = [];
  for (const f of fields) {
    const at = columns.get(f.field);
    const text = at === undefined ? '' : (values[at] ?? '');
    const ref = { field: f.field, row };
    if (isBlank(text)) {
      if (f.required) {
        issues.push({
          row,
          field: f.field,
          message: `${f.field} is required`,
          value: text,
          expected: describe(f),
        });
      }
      continue;
    }
    const t = f.type;
    switch (t.kind) {
      case 'text': {
        const v = text.trim();
        if (v.length > t.max) {
          issues.push({
            row,
            field: f.field,
            message: `${f.field} is too long`,
            value: v.slice(0, 50),
            expected: `at most ${t.max} characters`,
          });
        } else cells[f.field] = v;
        break;
      }
      case 'amount': {
        const r = parseAmount(
          text,
          {
            scale: mapping.currencyScale,
            decimalSeparator: mapping.decimalSeparator,
            thousandsSeparator: mapping.thousandsSeparator,
            rounding: mapping.rounding,
            allowNegative: Boolean(t.allowNegative) || mapping.allowNegativeAmounts,
          },
          ref,
        );
        if (r.ok) cells[f.field] = r.value;
        else issues.push(r.issue);
        break;
      }
      case 'integer': {
        const r = parseInteger(
          text,
          { min: t.min, thousandsSeparator: mapping.thousandsSeparator },
          ref,
        );
        if (r.ok) cells[f.field] = r.value;
        else issues.push(r.issue);
        break;
      }
      case 'date': {
        const r = parseDate(text, mapping.dateFormat, ref);
        if (r.ok) cells[f.field] = r.value.slice(0, 10);
        else issues.push(r.issue);
        break;
      }
      case 'enum': {
        const r = parseEnum(text, t.options, ref);
        if (r.ok) cells[f.field] = r.value;
        else issues.push(r.issue);
        break;
      }
      case 'boolean': {
        const k = text.normalize('NFKC').trim().toLowerCase();
        if (TRUE.has(k)) cells[f.field] = true;
        else if (FALSE.has(k)) cells[f.field] = false;
        else
          issues.push({
            row,
            field: f.field,
            message: `${f.field} must be yes or no`,
            value: text,
            expected: '是/否, yes/no, 1/0',
          });
        break;
      }
      case 'list':
        cells[f.field] = text
          .split(/[,，;；|]/)
          .map((s) => s.trim())
          .filter(Boolean);
        break;
    }
  }
  return { cells, issues };
}

function describe(f: TargetFieldDef): string {
  switch (f.type.kind) {
    case 'amount':
      return 'an amount';
    case 'date':
      return 'a date';
    case 'integer':
      return 'a whole number';
    case 'enum':
      return `one of ${f.type.options.map((o) => o.value).join(', ')}`;
    default:
      return 'a value';
  }
}
