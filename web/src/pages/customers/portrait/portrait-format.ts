import type { Bilingual } from '../../../api/portrait';
import { localized } from '../../../format';

/** The text of a bilingual label in the UI language. */
export function textOf(t: Bilingual, lng: string): string {
  return localized(t.zh, t.en, lng);
}

/** A share 0…1 as a percentage with one decimal, in the UI language. */
export function percent(share: number, lng: string): string {
  return new Intl.NumberFormat(lng, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}

/** A number with at most `digits` decimals, in the UI language. */
export function decimal(value: number, lng: string, digits = 1): string {
  return new Intl.NumberFormat(lng, { maximumFractionDigits: digits }).format(value);
}

/** Change from `before` to `now` as a share of `before`; null when there was nothing before. */
export function growth(now: number, before: number): number | null {
  return before > 0 ? (now - before) / before : null;
}
