import type { TFunction } from 'i18next';
import type { LocalizedText, SchemeDocument, SchemeSummary } from '../../api/tiering';

/** True when the UI speaks English; every other language reads the Chinese text. */
export const isEnglish = (lng: string) => lng.startsWith('en');

/** A two-language text in the UI language. */
export function localized(text: LocalizedText | undefined, lng: string): string {
  if (!text) return '';
  return isEnglish(lng) ? text.en : text.zh;
}

/** A scheme's name in the UI language. */
export function schemeName(s: Pick<SchemeSummary, 'nameZh' | 'nameEn'>, lng: string): string {
  return isEnglish(lng) ? s.nameEn : s.nameZh;
}

/**
 * A tier's name in the UI language, from the scheme document; the id when the document does not
 * know it, and the "no tier" label for the last row of a migration matrix.
 */
export function tierLabel(
  t: TFunction,
  doc: SchemeDocument | undefined,
  id: string | null,
  lng: string,
): string {
  if (id === null || id === 'none') return t('tiering.noTier');
  const tier = doc?.tiers.find((x) => x.id === id);
  return tier ? localized(tier.name, lng) : id;
}

/** A criterion's label in the UI language, or its id. */
export function criterionLabel(doc: SchemeDocument | undefined, id: string, lng: string): string {
  const c = doc?.criteria.find((x) => x.id === id);
  return c ? localized(c.label, lng) : id;
}

/** A share 0–1 as a percentage with one decimal. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A score with at most two decimals, or a dash. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return '—';
  return String(Math.round(score * 100) / 100);
}
