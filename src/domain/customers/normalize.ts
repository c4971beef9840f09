import { normalizeName } from './normalize-name';

export { normalizeName } from './normalize-name';
export { normalizePhone, type PhoneKind, type PhoneParts, parsePhone } from './normalize-phone';

/**
 * Suggested similarity at or above which two customers are listed as "similar names" duplicate
 * candidates: one word changed or added in a Chinese name scores about 0.7–0.75 (上海某某信息科技
 * / 上海某某信息技术 0.71, 某某科技 / 某某科技发展 0.75), while two different companies sharing
 * a city and a trade (上海甲乙信息科技 / 上海丙丁信息科技) score about 0.57.
 */
export const SIMILAR_NAME_THRESHOLD = 0.7;

/**
 * The comparison form of an e-mail address: trimmed, full-width folded (NFKC), lower case.
 * Provider-specific rules (Gmail dots, "+tag") are deliberately not applied: they would merge
 * addresses that other providers treat as different mailboxes.
 * @example normalizeEmail('  Jane.Doe@Example.COM ') // 'jane.doe@example.com'
 */
export function normalizeEmail(input: string): string {
  return input.normalize('NFKC').trim().toLowerCase();
}

/**
 * The multiset of adjacent character pairs of a key; a one-character key is its own "pair" so
 * that single-character names still compare.
 */
function bigrams(key: string): Map<string, number> {
  const chars = [...key];
  const out = new Map<string, number>();
  const grams = chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c);
  for (const g of grams) out.set(g, (out.get(g) ?? 0) + 1);
  return out;
}

/**
 * Dice coefficient (2·|shared bigrams| / (|bigrams a| + |bigrams b|)) of the two names after
 * {@link normalizeName}: 1 for the same normalised name, 0 for nothing in common. Bigrams suit
 * Chinese names, which have no spaces, and tolerate a word added or dropped.
 * @example nameSimilarity('华为技术有限公司', '华为技术（深圳）有限公司') // 1
 * @example nameSimilarity('某某科技有限公司', '某某科技发展有限公司') // 0.75
 */
export function nameSimilarity(a: string, b: string): number {
  return nameKeySimilarity(normalizeName(a), normalizeName(b));
}

/**
 * {@link nameSimilarity} for keys already made by {@link normalizeName} (stored name keys), so
 * that comparing many pairs does not normalise the same names again and again.
 * @example nameKeySimilarity('某某科技', '某某科技') // 1
 */
export function nameKeySimilarity(ka: string, kb: string): number {
  if (ka === kb) return 1;
  if (!ka || !kb) return 0;
  const ga = bigrams(ka);
  const gb = bigrams(kb);
  let shared = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return (2 * shared) / total;
}
