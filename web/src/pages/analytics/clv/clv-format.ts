import { formatMoney } from '../../../format';

/** A probability 0–1 as a percentage with one decimal: 0.8734 → "87.3%". */
export function percent(p: number | null | undefined, lng: string): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return new Intl.NumberFormat(lng, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(p);
}

/** A plain number with at most `digits` decimals in the UI language; "—" when missing. */
export function decimal(v: number | null | undefined, lng: string, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(v);
}

/** A model parameter: four significant digits beyond the point for small values. */
export function parameter(v: number, lng: string): string {
  return new Intl.NumberFormat(lng, { maximumSignificantDigits: 6 }).format(v);
}

/** Money in minor units, or "—" when the model has no spend part. */
export function money(minor: number | null | undefined, lng: string): string {
  if (minor === null || minor === undefined) return '—';
  return formatMoney(Math.round(minor), lng);
}
