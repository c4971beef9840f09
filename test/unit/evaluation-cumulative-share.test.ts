import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CustomerRow, columnarInput } from '../../src/domain/evaluation/columnar-input';
import { compileScheme } from '../../src/domain/evaluation/compile-scheme';
import {
  assignCumulativeShareTiers,
  shareUnits,
} from '../../src/domain/evaluation/cumulative-share';
import { evaluate } from '../../src/domain/evaluation/evaluate';
import { explain } from '../../src/domain/evaluation/explain';
import { formatShareStanding } from '../../src/domain/evaluation/format-shortfall';
import { TierSource } from '../../src/domain/evaluation/plan';
import { cumulativeShareSql } from '../../src/domain/evaluation/quota-sql';
import { whatIf } from '../../src/domain/evaluation/what-if';
import type { SchemeInput } from '../../src/domain/scheme/scheme.schema';

const shares = [
  { tier: 'A', upTo: 50 },
  { tier: 'B', upTo: 80 },
  { tier: 'C', upTo: 95.5 },
  { tier: "D'x", upTo: 100 },
];
const basisPoints = shares.map((q) => Math.round(q.upTo * 100));

function scheme(extra: Partial<SchemeInput['assignment']> = {}): SchemeInput {
  return {
    id: 'cum',
    version: 1,
    name: { zh: '累计占比', en: 'Cumulative share' },
    metrics: [
      { id: 'profit', window: { kind: 'last_n_months', months: 12 } },
      { id: 'revenue', window: { kind: 'last_n_months', months: 12 } },
    ],
    tiers: [
      { id: 'key', name: { zh: '关键', en: 'Key' }, rank: 1 },
      { id: 'important', name: { zh: '重要', en: 'Important' }, rank: 2 },
      { id: 'small', name: { zh: '小', en: 'Small' }, rank: 3 },
    ],
    assignment: {
      ranking: {
        kind: 'cumulative_share',
        metric: 'profit',
        shares: [
          { tier: 'key', upTo: 50 },
          { tier: 'important', upTo: 80 },
          { tier: 'small', upTo: 100 },
        ],
        tieBreak: [{ metric: 'revenue', order: 'desc' }],
      },
      ...extra,
    },
  };
}

const row = (code: string, profit: number | null, revenue: number | null = 0): CustomerRow => ({
  id: Number(code.slice(1)),
  code,
  metrics: { profit, revenue },
});

describe('cumulative-share assignment', () => {
  it('cuts the running total; the customer crossing a line stays in the tier above', () => {
    const plan = compileScheme(scheme());
    // Total 1000: A 400 (40%), B 200 (60% — crosses 50%: key), C 150 (75%: important),
    // D 100 (85% — crosses 80%: important), E 100 (95%: small), F 50 (100%: small),
    // G 0, H −30 and I missing add nothing: small.
    const rows = [
      row('C1', 400),
      row('C2', 200),
      row('C3', 150),
      row('C4', 100, 5),
      row('C5', 100, 9), // ties C4 on profit; more revenue ranks it first
      row('C6', 50),
      row('C7', 0),
      row('C8', -30),
      row('C9', null),
    ];
    const input = columnarInput(plan, rows);
    const result = evaluate(plan, input);
    const tiers = rows.map((r, i) => `${r.code}:${plan.tiers[result.tier[i]!]!.id}`);
    expect(tiers).toEqual([
      'C1:key',
      'C2:key',
      'C3:important',
      'C4:small',
      'C5:important',
      'C6:small',
      'C7:small',
      'C8:small',
      'C9:small',
    ]);
    expect(Array.from(result.source)).toEqual(rows.map(() => TierSource.share));
    const share = Array.from(result.cumulative!.share);
    expect(share.slice(0, 6)).toEqual([40, 60, 75, 95, 85, 100]);
    expect(share.slice(6).every(Number.isNaN)).toBe(true);
    expect(Array.from(result.cumulative!.upTo)).toEqual([50, 80, 100]);
    expect(Array.from(result.cumulative!.floor)).toEqual([200, 100, 50]);
    expect(result.work.order).not.toBeNull();
  });

  it('gives the first customer the first tier even when it alone passes every line', () => {
    const plan = compileScheme(scheme());
    const result = evaluate(plan, columnarInput(plan, [row('W1', 990), row('W2', 10)]));
    // W1 crosses 50% and 80% at once: key. W2 starts at 99% ≥ 80%: small, important stays empty.
    expect(Array.from(result.tier)).toEqual([0, 2]);
    expect(Number.isNaN(result.cumulative!.floor[1]!)).toBe(true);
  });

  it('is exact in hundredths: a line reached exactly closes the tier', () => {
    const plan = compileScheme(scheme());
    // 0.1 + 0.2 + … in doubles misses 50% by a rounding error; in cents 30 + 20 = 50 of 100.
    const rows = [row('E1', 0.3), row('E2', 0.2), row('E3', 0.3), row('E4', 0.2)];
    const result = evaluate(plan, columnarInput(plan, rows));
    // Running totals before each: 0, 30 (< 50: key), 60 (≥ 50, < 80: important), 80 → small.
    expect(rows.map((r, i) => `${r.code}:${plan.tiers[result.tier[i]!]!.id}`)).toEqual([
      'E1:key',
      'E2:important',
      'E3:key',
      'E4:small',
    ]);
    expect(shareUnits(0.29)).toBe(29);
    expect(shareUnits(0.004)).toBe(0);
    expect(shareUnits(Number.NaN)).toBe(0);
  });

  it('puts everyone in the last tier when nobody has a positive value', () => {
    const plan = compileScheme(scheme());
    const result = evaluate(plan, columnarInput(plan, [row('Z1', 0), row('Z2', null)]));
    expect(Array.from(result.tier)).toEqual([2, 2]);
    expect(evaluate(plan, columnarInput(plan, [])).tier.length).toBe(0);
  });

  it('leaves rule placements alone and ranks the rest', () => {
    const plan = compileScheme(
      scheme({
        rules: [{ tier: 'key', when: { metric: 'revenue', op: '>=', value: 1000 } }],
      }),
    );
    const rows = [row('R1', 10, 5000), row('R2', 600), row('R3', 400)];
    const result = evaluate(plan, columnarInput(plan, rows));
    // R1 by rule; the ranking sees 1000 of profit: R2 crosses 50% → key, R3 starts at 60%
    // (< 80%) → important.
    expect(Array.from(result.tier)).toEqual([0, 0, 1]);
    expect(result.source[0]).toBe(TierSource.rule);
    expect(Number.isNaN(result.cumulative!.share[0]!)).toBe(true);
    expect(result.cumulative!.share[1]).toBe(60);
  });

  it('explains the share, the line and the value to beat for the next tier', () => {
    const plan = compileScheme(scheme());
    const rows = [row('X1', 500), row('X2', 300), row('X3', 150), row('X4', 50)];
    const input = columnarInput(plan, rows);
    const result = evaluate(plan, input);
    // 50% key (X1: 50%), X2 80% important, X3 95% small, X4 100% small.
    expect(Array.from(result.tier)).toEqual([0, 1, 2, 2]);
    const e = explain(plan, input, result, 2);
    expect(e.nextTier).toBe(1);
    expect(e.estimate).toBe(true);
    expect(e.share).toEqual({
      metric: 'profit',
      value: 150,
      share: 95,
      line: 100,
      nextLine: 80,
      target: { op: '>', value: 300 },
      change: 150,
    });
    expect(formatShareStanding(e.share!, plan, 'en')).toBe(
      'cumulative profit share at this customer 95%, line 100%; next tier (line 80%): profit > 300 (+150)',
    );
    expect(formatShareStanding(e.share!, plan, 'zh')).toBe(
      '累计利润占比 95%，本层分界线 100%；进入上一层（分界线 80%）需利润 > 300 (+150)',
    );
    const top = explain(plan, input, result, 0);
    expect(top.share).toMatchObject({ share: 50, line: 50 });
    expect(top.share!.target).toBeUndefined();
  });

  it('runs with hysteresis by consecutive runs', () => {
    const plan = compileScheme({ ...scheme(), hysteresis: { consecutiveRuns: 2 } });
    const rows: CustomerRow[] = [
      { ...row('H1', 100), previousTier: 'key' },
      { ...row('H2', 900), previousTier: 'small' },
    ];
    const result = evaluate(plan, columnarInput(plan, rows));
    // H1 would drop to important (share 100% after H2's 90%): held in key for this run.
    expect(Array.from(result.tier)).toEqual([0, 0]);
  });
});

describe('cumulative-share assignment, whatever the row order', () => {
  it('gives each customer the same tier and share when the rows are shuffled', () => {
    const plan = compileScheme(scheme());
    const arb = fc.uniqueArray(
      fc.record({
        code: fc.stringMatching(/^[A-Z0-9]{1,5}$/),
        profit: fc.option(
          fc.integer({ min: -5, max: 40 }).map((v) => v * 10),
          { nil: null },
        ),
        revenue: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
      }),
      { selector: (r) => r.code, maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const rows = list.map((r, i) => ({ id: i + 1, code: r.code, metrics: r }));
        const shuffled = [...rows];
        const it = seeds[Symbol.iterator]();
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = it.next().value! % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        const byCode = (rs: CustomerRow[]) => {
          const r = evaluate(plan, columnarInput(plan, rs));
          return new Map(rs.map((c, i) => [c.code, [r.tier[i], r.cumulative!.share[i]] as const]));
        };
        expect(byCode(shuffled)).toEqual(byCode(rows));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same result through a what-if weight change as a full evaluation', () => {
    const doc = {
      ...scheme(),
      criteria: [
        {
          id: 'rev',
          label: { zh: '销售额', en: 'Revenue' },
          metric: 'revenue',
          weight: 1,
          kind: 'percentile' as const,
          maxPoints: 100,
        },
      ],
    };
    const plan = compileScheme(doc);
    const input = columnarInput(plan, [row('W1', 300, 1), row('W2', 500, 2), row('W3', 200, 3)]);
    const base = evaluate(plan, input);
    const next = whatIf(plan, input, { weights: { rev: 2 } }, base);
    expect(Array.from(next.result.tier)).toEqual(Array.from(base.tier));
    expect(Array.from(next.result.tier)).toEqual([1, 0, 2]);
  });
});

const customer = fc.record({
  code: fc.stringMatching(/^[A-Za-z0-9_.\-/]{1,8}$/),
  value: fc.option(
    fc.oneof(
      fc.integer({ min: -3, max: 12 }).map((v) => v * 25),
      fc.double({ min: -50, max: 5000, noNaN: true, noDefaultInfinity: true }),
      fc.integer({ min: 0, max: 99999 }).map((v) => v / 100),
    ),
    { nil: null },
  ),
  tb: fc.option(fc.integer({ min: -2, max: 3 }), { nil: null }),
});

describe('cumulative-share assignment in SQL (SQLite) against the in-memory engine', () => {
  it('gives identical tiers on random data with ties, negatives and missing values', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE ranked_input (code TEXT PRIMARY KEY, value REAL, tb REAL)');
    const insert = db.prepare('INSERT INTO ranked_input VALUES (?, ?, ?)');
    fc.assert(
      fc.property(
        fc.uniqueArray(customer, { selector: (c) => c.code, maxLength: 60 }),
        fc.constantFrom('desc' as const, 'asc' as const),
        (rows, order) => {
          db.exec('DELETE FROM ranked_input');
          for (const r of rows) insert.run(r.code, r.value, r.tb);
          const sql = cumulativeShareSql({
            dialect: 'sqlite',
            table: 'ranked_input',
            tieBreak: [{ column: 'tb', order }],
            shares,
          });
          const got = new Map(
            (db.prepare(sql).all() as { code: string; tier: string }[]).map((r) => [
              r.code,
              r.tier,
            ]),
          );
          const mem = assignCumulativeShareTiers(
            {
              values: Float64Array.from(rows, (r) => r.value ?? Number.NaN),
              codes: rows.map((r) => r.code),
              tieBreaks: [{ values: Float64Array.from(rows, (r) => r.tb ?? Number.NaN), order }],
            },
            basisPoints,
          );
          expect(got.size).toBe(rows.length);
          rows.forEach((r, i) => {
            expect(got.get(r.code)).toBe(shares[mem.slot[i]!]!.tier);
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('writes dialect-specific SQL and refuses lines that do not ascend to 100%', () => {
    const pg = cumulativeShareSql({
      dialect: 'postgres',
      table: 'tier.ranked',
      columns: { id: 'customer_id', value: 'profit' },
      shares,
    });
    expect(pg).toContain('ORDER BY "profit" DESC NULLS LAST, "code" COLLATE "C" ASC');
    expect(pg).toContain('CAST(floor("profit" * 100 + 0.5) AS bigint)');
    expect(pg).toContain("(3, 'D''x', 10000)");
    expect(() =>
      cumulativeShareSql({
        dialect: 'sqlite',
        table: 't',
        shares: [
          { tier: 'A', upTo: 80 },
          { tier: 'B', upTo: 50 },
        ],
      }),
    ).toThrow(/ascend/);
    expect(() =>
      cumulativeShareSql({ dialect: 'sqlite', table: 't', shares: [{ tier: 'A', upTo: 90 }] }),
    ).toThrow(/100%/);
  });
});
