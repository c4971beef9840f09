import type { FieldIssue } from '../../errors';
import { isBlank } from '../cell-result';
import type { ImportMapping } from '../mapping.schema';
import { parseDate, plainDate } from '../parse-date';
import { type EnumOption, parseEnum } from '../parse-enum';
import {
  type AmountFormat,
  type IntegerFormat,
  parseAmount,
  parseInteger,
  plainAmount,
  plainInteger,
} from '../parse-number';

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

// Frozen: a caller that pushed to it would fail loudly instead of leaking issues into other rows.
const NO_ISSUES = Object.freeze([]) as unknown as FieldIssue[];
const TRUE = new Set(['1', 'y', 'yes', 'true', '是', '对', '加急', 'rush']);
const FALSE = new Set(['0', 'n', 'no', 'false', '否', '']);

/** Reads the mapped cells of one row: the parsed values by field, and what was wrong. */
export type CellParser = (
  values: readonly string[],
  row: number,
) => { cells: ParsedCells; issues: FieldIssue[] };

/** Parses one non-blank cell into `cells`, or adds what is wrong with it to `issues`. */
type FieldStep = (text: string, row: number, cells: ParsedCells, issues: FieldIssue[]) => void;

function fieldStep(f: TargetFieldDef, mapping: ImportMapping): FieldStep {
  const t = f.type;
  const field = f.field;
  switch (t.kind) {
    case 'text':
      return (text, row, cells, issues) => {
        const v = text.trim();
        if (v.length > t.max) {
          issues.push({
            row,
            field,
            message: `${field} is too long`,
            value: v.slice(0, 50),
            expected: `at most ${t.max} characters`,
          });
        } else cells[field] = v;
      };
    case 'amount': {
      const fmt: AmountFormat = {
        scale: mapping.currencyScale,
        decimalSeparator: mapping.decimalSeparator,
        thousandsSeparator: mapping.thousandsSeparator,
        rounding: mapping.rounding,
        allowNegative: Boolean(t.allowNegative) || mapping.allowNegativeAmounts,
      };
      return (text, row, cells, issues) => {
        const plain = plainAmount(text, fmt);
        if (plain !== undefined) {
          cells[field] = plain;
          return;
        }
        const r = parseAmount(text, fmt, { field, row });
        if (r.ok) cells[field] = r.value;
        else issues.push(r.issue);
      };
    }
    case 'integer': {
      const fmt: IntegerFormat = { min: t.min, thousandsSeparator: mapping.thousandsSeparator };
      return (text, row, cells, issues) => {
        const plain = plainInteger(text, fmt);
        if (plain !== undefined) {
          cells[field] = plain;
          return;
        }
        const r = parseInteger(text, fmt, { field, row });
        if (r.ok) cells[field] = r.value;
        else issues.push(r.issue);
      };
    }
    case 'date': {
      const format = mapping.dateFormat;
      return (text, row, cells, issues) => {
        const plain = plainDate(text, format);
        if (plain !== undefined) {
          cells[field] = plain;
          return;
        }
        const r = parseDate(text, format, { field, row });
        if (r.ok) cells[field] = r.value.slice(0, 10);
        else issues.push(r.issue);
      };
    }
    case 'enum':
      return (text, row, cells, issues) => {
        const r = parseEnum(text, t.options, { field, row });
        if (r.ok) cells[field] = r.value;
        else issues.push(r.issue);
      };
    case 'boolean':
      return (text, row, cells, issues) => {
        const k = text.normalize('NFKC').trim().toLowerCase();
        if (TRUE.has(k)) cells[field] = true;
        else if (FALSE.has(k)) cells[field] = false;
        else
          issues.push({
            row,
            field,
            message: `${field} must be yes or no`,
            value: text,
            expected: '是/否, yes/no, 1/0',
          });
      };
    case 'list':
      return (text, _row, cells) => {
        cells[field] = text
          .split(/[,，;；|]/)
          .map((s) => s.trim())
          .filter(Boolean);
      };
  }
}

/**
 * Prepares the reading of rows by the target's field definitions, once per file: every bad cell
 * becomes a FieldIssue with the row, the field, the value and what was expected; a missing
 * required value too. Pure: no lookups, those happen when the row is applied. Plain numbers and
 * ISO dates take allocation-free paths (see plainAmount, plainInteger, plainDate) that give the
 * same values as the full parsers.
 */
export function compileCellParser(
  fields: readonly TargetFieldDef[],
  columns: ReadonlyMap<string, number>,
  mapping: ImportMapping,
): CellParser {
  let scratch: FieldIssue[] = [];
  const plan = fields.map((f) => ({
    f,
    at: columns.get(f.field),
    step: fieldStep(f, mapping),
    expected: describe(f),
  }));
  return (values, row) => {
    const cells: ParsedCells = {};
    // Shared and empty until a first issue (most rows have none, and it is only read).
    let issues = NO_ISSUES;
    for (const p of plan) {
      const text = p.at === undefined ? '' : (values[p.at] ?? '');
      if (isBlank(text)) {
        if (p.f.required) {
          if (issues === NO_ISSUES) issues = [];
          issues.push({
            row,
            field: p.f.field,
            message: `${p.f.field} is required`,
            value: text,
            expected: p.expected,
          });
        }
        continue;
      }
      if (issues === NO_ISSUES) {
        p.step(text, row, cells, scratch);
        if (scratch.length) {
          issues = scratch;
          scratch = [];
        }
      } else p.step(text, row, cells, issues);
    }
    return { cells, issues };
  };
}

/**
 * Reads the mapped cells of one row by the target's field definitions (see compileCellParser,
 * which an import uses to prepare this once per file).
 */
export function parseCells(
  fields: readonly TargetFieldDef[],
  columns: ReadonlyMap<string, number>,
  values: readonly string[],
  mapping: ImportMapping,
  row: number,
): { cells: ParsedCells; issues: FieldIssue[] } {
  return compileCellParser(fields, columns, mapping)(values, row);
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
