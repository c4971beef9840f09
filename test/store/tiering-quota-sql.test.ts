import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  assignCumulativeShareTiers,
  assignQuotaTiers,
  cumulativeShareSql,
  quotaAssignmentSql,
} from '../../src/domain/evaluation';
import { describeEachEngine } from '../support/engines';

const quotas = [
  { tier: 'A', percent: 20 },
  { tier: 'B', percent: 30 },
  { tier: 'C', percent: 40.5 },
  { tier: 'D', percent: 9.5 },
];
const basisPoints = quotas.map((q) => Math.round(q.percent * 100));

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachEngine('quota assignment in SQL against the in-memory engine', ({ deps, engine }) => {
  it('gives identical tiers on random scores with ties and missing values', async () => {
    const db = deps().store.db;
    await sql`CREATE TABLE quota_probe (id integer PRIMARY KEY, code text NOT NULL, score double precision, tb double precision)`.execute(
      db,
    );
    for (let round = 0; round < 12; round++) {
      const rnd = random(1000 + round);
      const m = 1 + Math.floor(rnd() * 400);
      const used = new Set<string>();
      const rows: { id: number; code: string; score: number | null; tb: number | null }[] = [];
      while (rows.length < m) {
        const code = `K${Math.floor(rnd() * 100000).toString(36)}${rnd() < 0.2 ? '-x' : ''}`;
        if (used.has(code)) continue;
        used.add(code);
        rows.push({
          id: rows.length + 1,
          code,
          // Few distinct values, so ties are common; some scores missing.
          score: rnd() < 0.05 ? null : Math.round(rnd() * 20) * 2.5,
          tb: rnd() < 0.2 ? null : Math.round(rnd() * 5),
        });
      }
      await sql`DELETE FROM quota_probe`.execute(db);
      for (let i = 0; i < rows.length; i += 200) {
        const part = rows.slice(i, i + 200);
        await sql`INSERT INTO quota_probe (id, code, score, tb) VALUES ${sql.join(
          part.map((r) => sql`(${r.id}, ${r.code}, ${r.score}, ${r.tb})`),
        )}`.execute(db);
      }
      for (const rounding of ['largest_remainder', 'cumulative'] as const) {
        for (const order of ['desc', 'asc'] as const) {
          const query = quotaAssignmentSql({
            dialect: engine,
            table: 'quota_probe',
            columns: { id: 'id' },
            tieBreak: [{ column: 'tb', order }],
            quotas,
            rounding,
          });
          const got = await sql.raw<{ id: number; tier: string }>(query).execute(db);
          const byId = new Map(got.rows.map((r) => [Number(r.id), r.tier]));
          const mem = assignQuotaTiers(
            {
              scores: Float64Array.from(rows, (r) => r.score ?? Number.NaN),
              codes: rows.map((r) => r.code),
              tieBreaks: [{ values: Float64Array.from(rows, (r) => r.tb ?? Number.NaN), order }],
            },
            basisPoints,
            rounding,
          );
          expect(byId.size).toBe(rows.length);
          const expected = rows.map((_, i) => quotas[mem.slot[i]!]!.tier);
          expect(rows.map((r) => byId.get(r.id))).toEqual(expected);
        }
      }
    }
  });

  it('gives identical cumulative-share tiers on random values with ties, negatives and NULLs', async () => {
    const db = deps().store.db;
    await sql`CREATE TABLE share_probe (id integer PRIMARY KEY, code text NOT NULL, value double precision, tb double precision)`.execute(
      db,
    );
    const shares = [
      { tier: 'key', upTo: 50 },
      { tier: 'important', upTo: 80 },
      { tier: 'ordinary', upTo: 95.25 },
      { tier: 'small', upTo: 100 },
    ];
    const bp = shares.map((q) => Math.round(q.upTo * 100));
    for (let round = 0; round < 12; round++) {
      const rnd = random(5000 + round);
      const m = 1 + Math.floor(rnd() * 400);
      const used = new Set<string>();
      const rows: { id: number; code: string; value: number | null; tb: number | null }[] = [];
      while (rows.length < m) {
        const code = `S${Math.floor(rnd() * 100000).toString(36)}${rnd() < 0.2 ? '-x' : ''}`;
        if (used.has(code)) continue;
        used.add(code);
        const kind = rnd();
        rows.push({
          id: rows.length + 1,
          code,
          // Whole amounts that tie, cents, arbitrary doubles, negatives and NULLs.
          value:
            kind < 0.05
              ? null
              : kind < 0.4
                ? Math.round(rnd() * 20) * 500 - 1000
                : kind < 0.7
                  ? Math.round(rnd() * 1e7) / 100
                  : rnd() * 1e5 - 100,
          tb: rnd() < 0.2 ? null : Math.round(rnd() * 5),
        });
      }
      await sql`DELETE FROM share_probe`.execute(db);
      for (let i = 0; i < rows.length; i += 200) {
        const part = rows.slice(i, i + 200);
        await sql`INSERT INTO share_probe (id, code, value, tb) VALUES ${sql.join(
          part.map((r) => sql`(${r.id}, ${r.code}, ${r.value}, ${r.tb})`),
        )}`.execute(db);
      }
      for (const order of ['desc', 'asc'] as const) {
        const query = cumulativeShareSql({
          dialect: engine,
          table: 'share_probe',
          columns: { id: 'id' },
          tieBreak: [{ column: 'tb', order }],
          shares,
        });
        const got = await sql.raw<{ id: number; tier: string }>(query).execute(db);
        const byId = new Map(got.rows.map((r) => [Number(r.id), r.tier]));
        const mem = assignCumulativeShareTiers(
          {
            values: Float64Array.from(rows, (r) => r.value ?? Number.NaN),
            codes: rows.map((r) => r.code),
            tieBreaks: [{ values: Float64Array.from(rows, (r) => r.tb ?? Number.NaN), order }],
          },
          bp,
        );
        expect(byId.size).toBe(rows.length);
        expect(rows.map((r) => byId.get(r.id))).toEqual(
          rows.map((_, i) => shares[mem.slot[i]!]!.tier),
        );
      }
    }
  });
});
