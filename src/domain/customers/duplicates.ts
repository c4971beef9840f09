export type DuplicateReason = 'credit_code' | 'same_name' | 'phone' | 'email' | 'similar_name';

/** What duplicate detection needs to know of each customer (personal data only as keyed hashes). */
export interface DuplicateSubject {
  id: number;
  nameKey: string;
  creditCode: string | null;
  phoneHashes: readonly string[];
  emailHashes: readonly string[];
}

export interface DuplicatePair {
  /** The lower id of the pair, then the higher one. */
  aId: number;
  bId: number;
  reasons: DuplicateReason[];
  /** 0..1; exact matches score high, similar names by their similarity. */
  score: number;
}

export interface DuplicateOptions {
  /** Minimum similarity for 'similar_name' (0..1). */
  minSimilarity?: number;
  /** How many neighbours in sorted name order each name is compared with. */
  window?: number;
}

const REASON_SCORE: Record<Exclude<DuplicateReason, 'similar_name'>, number> = {
  credit_code: 1,
  phone: 0.9,
  email: 0.9,
  same_name: 0.9,
};

/** Code points beyond the last one, so a single character and a pair never share a code. */
const CP = 0x110000;

/**
 * The character bigrams of every key as numbers, sorted per key and packed into one array
 * (`start[i]` … `start[i + 1]` belong to key i): a pair of code points (c1, c2) is
 * CP + c1·CP + c2, a one-character key is its code point — the multiset {@link nameKeySimilarity}
 * compares, without a Map or a string per bigram.
 */
function packBigrams(keys: readonly string[]): { codes: Float64Array; start: Int32Array } {
  let total = 0;
  for (const k of keys) total += k.length;
  const codes = new Float64Array(total);
  const start = new Int32Array(keys.length + 1);
  let at = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    start[i] = at;
    let prev = -1;
    for (let p = 0; p < k.length; ) {
      const cp = k.codePointAt(p) as number;
      p += cp > 0xffff ? 2 : 1;
      if (prev >= 0) codes[at++] = CP + prev * CP + cp;
      prev = cp;
    }
    if (at === start[i] && prev >= 0) codes[at++] = prev;
    codes.subarray(start[i], at).sort();
  }
  start[keys.length] = at;
  return { codes, start };
}

/** Dice coefficient of two packed bigram multisets (see packBigrams): 2·shared / (|a| + |b|). */
function packedSimilarity(codes: Float64Array, start: Int32Array, a: number, b: number): number {
  let i = start[a] as number;
  const ie = start[a + 1] as number;
  let j = start[b] as number;
  const je = start[b + 1] as number;
  const total = ie - i + (je - j);
  let shared = 0;
  while (i < ie && j < je) {
    const x = codes[i] as number;
    const y = codes[j] as number;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return (2 * shared) / total;
}

/**
 * Indices 0…n−1 ordered by key (UTF-16 order, as `<` compares strings), then by id. Most
 * comparisons are settled by the first three UTF-16 units packed into one number (a missing unit
 * counts as 0, so a tie there is settled by the strings themselves): a million names sort about
 * twice as fast as by comparing strings alone.
 */
function orderBy(keys: readonly string[], ids: Float64Array): Int32Array {
  const n = keys.length;
  const prefix = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i] as string;
    const u0 = k.length > 0 ? k.charCodeAt(0) : 0;
    const u1 = k.length > 1 ? k.charCodeAt(1) : 0;
    const u2 = k.length > 2 ? k.charCodeAt(2) : 0;
    prefix[i] = u0 * 4294967296 + u1 * 65536 + u2;
  }
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((p, q) => {
    const d = (prefix[p] as number) - (prefix[q] as number);
    if (d !== 0) return d;
    const kp = keys[p] as string;
    const kq = keys[q] as string;
    return kp < kq ? -1 : kp > kq ? 1 : (ids[p] as number) - (ids[q] as number);
  });
}

/**
 * Finds duplicate candidates among customers. Exact keys (credit code, normalised name, phone,
 * e-mail hash) are grouped with hash maps; a group of n links its first member to the others
 * (n−1 pairs, not n²). Similar names use the sorted-neighbourhood method: names are sorted
 * forwards and by their reversed text, and each is compared with its next `window` neighbours,
 * so the cost is O(n log n + n·window) rather than O(n²) — the difference between seconds and
 * days at a million customers. Name keys are compared as stored (they are normalised already):
 * the similarity is {@link nameKeySimilarity}'s, computed on bigrams packed once per name.
 */
export function findDuplicatePairs(
  subjects: readonly DuplicateSubject[],
  opts: DuplicateOptions = {},
): DuplicatePair[] {
  const minSimilarity = opts.minSimilarity ?? 0.8;
  const window = opts.window ?? 4;
  // Pairs are keyed by one number while ids are small enough for a·(max + 1) + b to be exact.
  let maxId = 0;
  let wholeIds = true;
  for (const s of subjects) {
    if (s.id > maxId) maxId = s.id;
    if (!Number.isSafeInteger(s.id) || s.id < 0) wholeIds = false;
  }
  const span = maxId + 1;
  const numericKeys = wholeIds && span * span < Number.MAX_SAFE_INTEGER;
  const pairs = new Map<number | string, DuplicatePair>();
  const add = (x: number, y: number, reason: DuplicateReason, score: number) => {
    if (x === y) return;
    const a = Math.min(x, y);
    const b = Math.max(x, y);
    const key = numericKeys ? a * span + b : `${a}:${b}`;
    const p = pairs.get(key);
    if (!p) pairs.set(key, { aId: a, bId: b, reasons: [reason], score });
    else if (!p.reasons.includes(reason)) {
      p.reasons.push(reason);
      p.score = Math.max(p.score, score);
    }
  };

  // One pass per exact key; each map is dropped before the next one is built.
  const groupBy = (
    reason: Exclude<DuplicateReason, 'similar_name'>,
    each: (visit: (key: string | null, id: number) => void) => void,
  ) => {
    const first = new Map<string, number>();
    each((k, id) => {
      if (!k) return;
      const f = first.get(k);
      if (f === undefined) first.set(k, id);
      else add(f, id, reason, REASON_SCORE[reason]);
    });
  };
  groupBy('credit_code', (visit) => {
    for (const s of subjects) visit(s.creditCode, s.id);
  });
  groupBy('same_name', (visit) => {
    for (const s of subjects) visit(s.nameKey.length >= 2 ? s.nameKey : null, s.id);
  });
  groupBy('phone', (visit) => {
    for (const s of subjects) for (const h of s.phoneHashes) visit(h, s.id);
  });
  groupBy('email', (visit) => {
    for (const s of subjects) for (const h of s.emailHashes) visit(h, s.id);
  });

  const named = subjects.filter((s) => s.nameKey.length >= 2);
  const keys = named.map((s) => s.nameKey);
  const ids = Float64Array.from(named, (s) => s.id);
  const { codes, start } = packBigrams(keys);
  const neighbours = (sortKeys: readonly string[]) => {
    const order = orderBy(sortKeys, ids);
    for (let i = 0; i < order.length; i++) {
      const s = order[i] as number;
      for (let j = i + 1; j <= i + window && j < order.length; j++) {
        const t = order[j] as number;
        if (keys[s] === keys[t]) continue; // already a same_name pair
        const sim = packedSimilarity(codes, start, s, t);
        if (sim >= minSimilarity) add(ids[s] as number, ids[t] as number, 'similar_name', sim);
      }
    }
  };
  neighbours(keys);
  // Each reversed key is made once, for its sort, and dropped afterwards.
  neighbours(keys.map((k) => [...k].reverse().join('')));
  return [...pairs.values()].sort((p, q) => q.score - p.score || p.aId - q.aId || p.bId - q.bId);
}
