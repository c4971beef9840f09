import type { KpiGroupBy, KpiRow } from '../../api/service-kpis';

/** A fraction 0–1 as a percentage with one decimal, or an em dash. */
export function percent(v: number | null): string {
  return v === null ? '—' : `${(v * 100).toFixed(1)}%`;
}

/** Minutes with at most one decimal, or an em dash. */
export function minutes(v: number | null): string {
  return v === null ? '—' : String(Math.round(v * 10) / 10);
}

/** The label of a group key: '-' (no tier / no team) becomes the localized "(none)". */
export function groupLabel(row: KpiRow, _by: KpiGroupBy, none: string): string {
  return row.group === '-' ? none : row.group;
}
