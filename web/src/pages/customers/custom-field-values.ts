import type { CustomFieldDef } from '../../api/types';

/**
 * Custom field values move between three shapes: stored (what the API returns and takes),
 * form (what the inputs hold), and shown (text in the profile). Booleans are held in the form
 * as 'true' / 'false' so a select can also be left empty.
 */

/** A stored value as the form input holds it. */
export function customFieldToForm(def: CustomFieldDef, stored: unknown): unknown {
  if (stored === null || stored === undefined) return undefined;
  switch (def.type) {
    case 'boolean':
      return stored === true ? 'true' : stored === false ? 'false' : undefined;
    case 'multiselect':
      return Array.isArray(stored) ? stored.map(String) : [String(stored)];
    case 'number':
      return typeof stored === 'number' ? stored : Number(stored);
    default:
      return String(stored);
  }
}

/** A form input's value as the API takes it; null when empty. */
export function customFieldFromForm(def: CustomFieldDef, v: unknown): unknown {
  if (v === undefined || v === null || v === '') return null;
  switch (def.type) {
    case 'text': {
      const s = String(v).trim();
      return s || null;
    }
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) ? v : null;
    case 'boolean':
      return v === 'true' ? true : v === 'false' ? false : null;
    case 'multiselect':
      return Array.isArray(v) && v.length ? v.map(String) : null;
    default:
      return String(v);
  }
}

/** Structural equality for the JSON-like values of a form. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The label of an option value in the UI language, or the value itself when unknown. */
export function optionLabel(def: CustomFieldDef, value: unknown, lng: string): string {
  const o = def.options?.find((x) => x.value === value);
  if (!o) return String(value);
  return lng.startsWith('en') ? o.labelEn : o.labelZh;
}
