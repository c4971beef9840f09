import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DuplicatePair,
  type DuplicateReason,
  type DuplicateSubject,
  findDuplicatePairs,
} from '../../src/domain/customers/duplicates';
import { nameKeySimilarity } from '../../src/domain/customers/normalize';

/**
 * The straightforward form of the algorithm (Maps of bigram strings, comparator sorts over the
 * subjects), kept here as the reference the packed, typed-array version must match exactly.
 */
function reference(
  subjects: readonly DuplicateSubject[],
  minSimilarity: number,
  window: number,
): DuplicatePair[] {
  const pairs = new Map<string, DuplicatePair>();
  const add = (x: number, y: number, reason: DuplicateReason, score: number) => {
    if (x === y) return;
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    const p = pairs.get(key);
    if (!p) pairs.set(key, { aId: a, bId: b, reasons: [reason], score });
    else if (!p.reasons.includes(reason)) {
      p.reasons.push(reason);
      p.score = Math.max(p.score, score);
    }
  };
  const groupBy = (
    reason: 'credit_code' | 'same_name' | 'phone' | 'email',
    keys: (s: DuplicateSubject) => readonly (string | null)[],
    score: number,
  ) => {
    const first = new Map<string, number>();
    for (const s of subjects) {
      for (const k of keys(s)) {
        if (!k) continue;
        const f = first.get(k);
        if (f === undefined) first.set(k, s.id);
        else add(f, s.id, reason, score);
      }
    }
  };
  groupBy('credit_code', (s) => [s.creditCode], 1);
  groupBy('same_name', (s) => [s.nameKey.length >= 2 ? s.nameKey : null], 0.9);
  groupBy('phone', (s) => s.phoneHashes, 0.9);
  groupBy('email', (s) => s.emailHashes, 0.9);
  const named = subjects.filter((s) => s.nameKey.length >= 2);
  const reversed = new Map(named.map((s) => [s.id, [...s.nameKey].reverse().join('')]));
  for (const keyOf of [
    (s: DuplicateSubject) => s.nameKey,
    (s: DuplicateSubject) => reversed.get(s.id) ?? '',
  ]) {
    const order = [...named].sort((p, q) =>
      keyOf(p) < keyOf(q) ? -1 : keyOf(p) > keyOf(q) ? 1 : p.id - q.id,
    );
    for (let i = 0; i < order.length; i++) {
      const s = order[i]!;
      for (let j = i + 1; j <= i + window && j < order.length; j++) {
        const t = order[j]!;
        if (s.nameKey === t.nameKey) continue;
        const sim = nameKeySimilarity(s.nameKey, t.nameKey);
        if (sim >= minSimilarity) add(s.id, t.id, 'similar_name', sim);
      }
    }
  }
  return [...pairs.values()].sort((p, q) => q.score - p.score || p.aId - q.aId || p.bId - q.bId);
}

// Few distinct characters (one outside the BMP) so that names share many bigrams.
const nameKey = fc.string({
  unit: fc.constantFrom('恒', '瑞', '机', '械', '科', '技', 'a', 'b', '𠀋'),
  maxLength: 9,
});
const subjects = fc
  .array(
    fc.record({
      nameKey,
      creditCode: fc.option(fc.constantFrom('91A', '91B', '91C'), { nil: null }),
      phoneHashes: fc.array(fc.constantFrom('p1', 'p2', 'p3', 'p4'), { maxLength: 2 }),
      emailHashes: fc.array(fc.constantFrom('e1', 'e2'), { maxLength: 1 }),
    }),
    { maxLength: 60 },
  )
  .chain((rows) =>
    fc
      .tuple(
        fc.shuffledSubarray(
          Array.from({ length: rows.length * 3 }, (_, i) => i + 1),
          { minLength: rows.length, maxLength: rows.length },
        ),
        // Large ids take the string-keyed path for pairs.
        fc.constantFrom(0, 200_000_000),
      )
      .map(([ids, offset]) => rows.map((r, i) => ({ ...r, id: (ids[i] as number) + offset }))),
  );

describe('findDuplicatePairs', () => {
  it('gives exactly the reference pairs, reasons and scores on random customers', () => {
    fc.assert(
      fc.property(
        subjects,
        fc.constantFrom(0.5, 0.7, 0.8),
        fc.integer({ min: 1, max: 5 }),
        (s, minSimilarity, window) => {
          expect(findDuplicatePairs(s, { minSimilarity, window })).toEqual(
            reference(s, minSimilarity, window),
          );
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('finds the kinds of duplicates it is meant to find', () => {
    const subject = (id: number, nameKey: string, over: Partial<DuplicateSubject> = {}) => ({
      id,
      nameKey,
      creditCode: null,
      phoneHashes: [],
      emailHashes: [],
      ...over,
    });
    const pairs = findDuplicatePairs([
      subject(1, '杭州恒瑞机械'),
      subject(2, '杭州恒瑞机械'),
      subject(3, '杭州恒瑞机械制造'),
      subject(4, '宁波东利', { phoneHashes: ['h'] }),
      subject(5, '苏州隆安', { phoneHashes: ['h'] }),
    ]);
    expect(pairs.map((p) => [p.aId, p.bId, p.reasons.join('+')])).toEqual([
      [1, 2, 'same_name'],
      [4, 5, 'phone'],
      [1, 3, 'similar_name'],
      [2, 3, 'similar_name'],
    ]);
  });
});
