import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignQuotaTiers } from '../../src/domain/evaluation/quota-assign';
import { quotaAssignmentSql } from '../../src/domain/evaluation/quota-sql';

const quotas = [
  { tier: 'A', percent: 20 },
  { tier: 'B', percent: 30 },
  { tier: 'C', percent: 40.5 },
  { tier: "D'x", percent: 9.5 },
];
const basisPoints = quotas.map((q) => Math.round(q.percent * 100));

const customer = fc.record({
  code: fc.stringMatching(/^[A-Za-z0-9_.\-/]{1,8}$/),
  score: fc.integer({ min: 0, max: 8 }).map((s) => s / 4),
  tb: fc.option(fc.integer({ min: -2, max: 3 }), { nil: null }),
});

describe('quota assignment in SQL (SQLite) against the in-memory engine', () => {
  it('gives identical tiers on random data with ties, for both rounding rules', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE ranked_input (code TEXT PRIMARY KEY, score REAL, tb REAL)');
    const insert = db.prepare('INSERT INTO ranked_input VALUES (?, ?, ?)');
    fc.assert(
      fc.property(
        fc.uniqueArray(customer, { selector: (c) => c.code, maxLength: 60 }),
        fc.constantFrom('largest_remainder' as const, 'cumulative' as const),
        fc.constantFrom('desc' as const, 'asc' as const),
        (rows, rounding, order) => {
          db.exec('DELETE FROM ranked_input');
          for (const r of rows) insert.run(r.code, r.score, r.tb);
          const sql = quotaAssignmentSql({
            dialect: 'sqlite',
            table: 'ranked_input',
            tieBreak: [{ column: 'tb', order }],
            quotas,
            rounding,
          });
          const got = new Map(
            (db.prepare(sql).all() as { code: string; tier: string }[]).map((r) => [
              r.code,
              r.tier,
            ]),
          );
          const mem = assignQuotaTiers(
            {
              scores: Float64Array.from(rows, (r) => r.score),
              codes: rows.map((r) => r.code),
              tieBreaks: [{ values: Float64Array.from(rows, (r) => r.tb ?? Number.NaN), order }],
            },
            basisPoints,
            rounding,
          );
          expect(got.size).toBe(rows.length);
          rows.forEach((r, i) => {
            expect(got.get(r.code)).toBe(quotas[mem.slot[i]!]!.tier);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('writes dialect-specific collation and refuses unsafe identifiers', () => {
    const pg = quotaAssignmentSql({
      dialect: 'postgres',
      table: 'tier.ranked',
      columns: { id: 'customer_id' },
      quotas,
      rounding: 'cumulative',
    });
    expect(pg).toContain('ORDER BY "score" DESC NULLS LAST, "code" COLLATE "C" ASC');
    expect(pg).toContain('FROM "tier"."ranked"');
    expect(pg).toContain("(3, 'D''x', 950)");
    expect(
      quotaAssignmentSql({ dialect: 'sqlite', table: 't', quotas, rounding: 'cumulative' }),
    ).toContain('COLLATE BINARY');
    expect(() =>
      quotaAssignmentSql({ dialect: 'sqlite', table: 't; drop', quotas, rounding: 'cumulative' }),
    ).toThrow(/identifier/);
    expect(() =>
      quotaAssignmentSql({
        dialect: 'sqlite',
        table: 't',
        quotas: [{ tier: 'A', percent: 99 }],
        rounding: 'cumulative',
      }),
    ).toThrow(/100%/);
  });
});
