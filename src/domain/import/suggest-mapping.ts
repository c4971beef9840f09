import { FIELD_SYNONYMS } from './field-synonyms';

/** A field the user can map a column to, with extra words for custom fields. */
export interface TargetField {
  field: string;
  /** Header words besides the built-in synonyms (for custom fields: their zh and en labels). */
  synonyms?: readonly string[];
}

/** The suggestion for one file column. */
export interface MappingSuggestion {
  /** 0-based column position. */
  index: number;
  header: string;
  /** Suggested field, or null when nothing fits well enough. */
  field: string | null;
  /** 0–1: 1 for an exact synonym, less for partial or similar matches, 0 without a field. */
  confidence: number;
  /** The synonym that matched. */
  matched?: string;
}

/** Below this a column is left unmapped rather than guessed. */
export const MIN_SUGGESTION_CONFIDENCE = 0.5;

/** Folds a header for comparison and drops bracketed units and required-field marks: "金额（元）*" → "金额". */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】/g, '')
    .replace(/[\s_\-./*:：#]+/g, '');
}

function dice(a: string, b: string): number {
  const grams = (s: string) => {
    const c = [...s];
    return c.length < 2 ? c : c.slice(1).map((x, i) => c[i] + x);
  };
  const ga = grams(a);
  const gb = grams(b);
  const pool = new Map<string, number>();
  for (const g of ga) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of gb) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared++;
      pool.set(g, n - 1);
    }
  }
  return ga.length + gb.length ? (2 * shared) / (ga.length + gb.length) : 0;
}

/** How well one header matches one synonym; both already folded. */
function score(header: string, synonym: string): number {
  if (!header || !synonym) return 0;
  if (header === synonym) return 1;
  // "订单日期" ends in "日期", "customerphone" ends in "phone": the last word names the thing.
  // Very short synonyms (区, id) would match too much this way and count only when exact.
  const meaningful = /\p{Script=Han}/u.test(synonym) ? synonym.length >= 2 : synonym.length >= 4;
  if (meaningful && header.endsWith(synonym)) return 0.6 + 0.3 * (synonym.length / header.length);
  if (meaningful && header.startsWith(synonym)) return 0.5 + 0.2 * (synonym.length / header.length);
  const d = dice(header, synonym);
  return d >= 0.6 ? 0.75 * d : 0;
}

/**
 * Suggests which field each column of a file feeds, from its header in Chinese or English:
 * "客户名称" → name, "金额（元）" → amount, "dollar_value" → amount, "下单日期" → date. Each field
 * and each column is used at most once, best matches first; weak matches are left unmapped.
 * @example suggestMapping(['客户名称', '金额', 'foo'], ['name', 'amount'])
 *   // [{ index: 0, header: '客户名称', field: 'name', confidence: 1, … },
 *   //  { index: 1, header: '金额', field: 'amount', confidence: 1, … },
 *   //  { index: 2, header: 'foo', field: null, confidence: 0 }]
 */
export function suggestMapping(
  headers: readonly string[],
  targets: readonly (string | TargetField)[],
): MappingSuggestion[] {
  const fields = targets.map((t) => (typeof t === 'string' ? { field: t } : t));
  const pairs: { index: number; field: string; confidence: number; matched: string }[] = [];
  headers.forEach((header, index) => {
    const h = fold(header);
    for (const f of fields) {
      const words = [f.field, ...(FIELD_SYNONYMS[f.field] ?? []), ...(f.synonyms ?? [])];
      let best = { confidence: 0, matched: '' };
      for (const w of words) {
        const c = score(h, fold(w));
        if (c > best.confidence) best = { confidence: c, matched: w };
      }
      if (best.confidence >= MIN_SUGGESTION_CONFIDENCE)
        pairs.push({ index, field: f.field, ...best });
    }
  });
  // Greedy by confidence. Ties go to the more specific synonym (客户名称 before 名称), then to
  // the earlier column.
  pairs.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      fold(b.matched).length - fold(a.matched).length ||
      a.index - b.index,
  );
  const out: MappingSuggestion[] = headers.map((header, index) => ({
    index,
    header,
    field: null,
    confidence: 0,
  }));
  const used = new Set<string>();
  for (const p of pairs) {
    const slot = out[p.index]!;
    if (slot.field !== null || used.has(p.field)) continue;
    used.add(p.field);
    Object.assign(slot, {
      field: p.field,
      confidence: Math.round(p.confidence * 100) / 100,
      matched: p.matched,
    });
  }
  return out;
}
