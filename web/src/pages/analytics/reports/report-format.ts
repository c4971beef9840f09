import type { ReportCell, ReportLabel, ReportTable, ReportValueKind } from '../../../api/reports';
import { formatMoney, localized } from '../../../format';

/** A stored two-language text in the UI language. */
export function pick(label: ReportLabel, lng: string): string {
  return localized(label.zh, label.en, lng);
}

/** The kind of one cell: the column's, or for an 'auto' column the row's `kind`. */
export function kindOf(
  column: ReportTable['columns'][number],
  row: Record<string, ReportCell>,
): ReportValueKind {
  if (column.kind !== 'auto') return column.kind;
  return typeof row.kind === 'string' ? (row.kind as ReportValueKind) : 'number';
}

const pct = (v: number, lng: string, digits = 1) =>
  new Intl.NumberFormat(lng, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(v);

/** True for a cell whose text should be right-aligned (numbers). */
export function isNumeric(kind: ReportValueKind): boolean {
  return kind !== 'text' && kind !== 'date';
}

/**
 * A cell as the page shows it: money from fen, shares and changes in per cent (a change with
 * its sign), counts with separators; nothing shows as a dash.
 */
export function formatCell(cell: ReportCell, kind: ReportValueKind, lng: string): string {
  if (cell === null || cell === undefined) return '—';
  if (typeof cell === 'object') return pick(cell, lng);
  if (typeof cell === 'string') return cell;
  switch (kind) {
    case 'money':
      return formatMoney(cell, lng);
    case 'percent':
      return pct(cell, lng);
    case 'change':
      return `${cell > 0 ? '+' : ''}${pct(cell, lng)}`;
    case 'count':
      return new Intl.NumberFormat(lng).format(cell);
    default:
      return new Intl.NumberFormat(lng, { maximumFractionDigits: 4 }).format(cell);
  }
}
