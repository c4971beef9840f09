import { describe, expect, it } from 'vitest';
import {
  MOVES,
  mergeTierOrder,
  migrationPositions,
  migrationSankey,
  moveOf,
  tierIndexes,
  tierMigration,
} from '../../src/domain/analytics/tier-migration';
import { DomainError } from '../../src/domain/errors';

/** Issues of the VALIDATION error `f` throws. */
function issuesOf(f: () => unknown): { field: string; row?: number }[] {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).code).toBe('VALIDATION');
    return (e as DomainError).details.issues as { field: string; row?: number }[];
  }
  throw new Error('no error thrown');
}

/** A tiny seeded generator, so the property checks are repeatable. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('moveOf', () => {
  it('tells up, down, stayed, new and gone apart (a smaller index is a better tier)', () => {
    expect(moveOf(2, 0)).toBe('up');
    expect(moveOf(0, 1)).toBe('down');
    expect(moveOf(1, 1)).toBe('stayed');
    expect(moveOf(-1, 2)).toBe('new');
    expect(moveOf(0, -1)).toBe('gone');
    expect(moveOf(-1, -1)).toBeNull();
  });
});

describe('tierMigration', () => {
  // Six customers over tiers A, B, C: A→C, B→B, C→A, C→C, B→none, none→B, and one never tiered.
  const before = [0, 1, 2, 2, 1, -1, -1];
  const after = [2, 1, 0, 2, -1, 1, -1];
  const revenue = [0, 300, 550, 100, 250, 250, 999];
  const revenueBefore = [600, 300, 50, 100, 250, 0, 999];

  it('cross-tabulates customers and both revenues, with no tier as the last row and column', () => {
    const m = tierMigration(3, before, after, revenue, revenueBefore);
    expect(m.size).toBe(4);
    expect(m.counts).toEqual([
      [0, 0, 1, 0],
      [0, 1, 0, 1],
      [1, 0, 1, 0],
      [0, 1, 0, 0],
    ]);
    expect(m.revenueMinor[2]).toEqual([550, 0, 100, 0]);
    expect(m.revenueBeforeMinor[0]).toEqual([0, 0, 600, 0]);
    expect(m.totals).toEqual({
      up: { customers: 1, revenueMinor: 550, revenueBeforeMinor: 50 },
      down: { customers: 1, revenueMinor: 0, revenueBeforeMinor: 600 },
      stayed: { customers: 2, revenueMinor: 400, revenueBeforeMinor: 400 },
      new: { customers: 1, revenueMinor: 250, revenueBeforeMinor: 0 },
      gone: { customers: 1, revenueMinor: 250, revenueBeforeMinor: 250 },
    });
    // The customer tiered on neither side is not in the figure, its 999 nowhere.
    expect(m.all).toEqual({ customers: 6, revenueMinor: 1450, revenueBeforeMinor: 1300 });
  });

  it('gives an empty figure for no customers', () => {
    const m = tierMigration(2, [], [], [], []);
    expect(m.counts).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(m.all.customers).toBe(0);
  });

  it('keeps row sums to the earlier distribution and column sums to the later one', () => {
    const next = random(42);
    const k = 4;
    const n = 5000;
    const b = Array.from({ length: n }, () => Math.floor(next() * (k + 1)) - 1);
    const a = Array.from({ length: n }, () => Math.floor(next() * (k + 1)) - 1);
    const r = Array.from({ length: n }, () => Math.round(next() * 1e6));
    const m = tierMigration(k, b, a, r, r);
    for (let t = 0; t < k; t++) {
      const rowSum = m.counts[t]!.reduce((x, y) => x + y, 0);
      const colSum = m.counts.reduce((x, row) => x + row[t]!, 0);
      expect(rowSum).toBe(b.filter((x) => x === t).length);
      expect(colSum).toBe(a.filter((x) => x === t).length);
    }
    expect(m.counts[k]![k]).toBe(0);
    const byMove = MOVES.reduce((s, mv) => s + m.totals[mv].customers, 0);
    expect(byMove).toBe(m.all.customers);
    expect(m.all.customers).toBe(b.filter((x, i) => x >= 0 || a[i]! >= 0).length);
    const money = MOVES.reduce((s, mv) => s + m.totals[mv].revenueMinor, 0);
    expect(money).toBe(m.all.revenueMinor);
  });

  it('refuses columns of different lengths, tier indexes out of range and NaN money, naming field and row', () => {
    expect(issuesOf(() => tierMigration(2, [0, 1], [0], [1, 1], [1, 1]))).toEqual([
      expect.objectContaining({ field: 'after' }),
    ]);
    expect(issuesOf(() => tierMigration(2, [0, 2], [0, 0], [1, 1], [1, 1]))).toEqual([
      expect.objectContaining({ field: 'before', row: 1 }),
    ]);
    expect(issuesOf(() => tierMigration(2, [0, 1], [0, 0.5], [1, 1], [1, 1]))).toEqual([
      expect.objectContaining({ field: 'after', row: 1 }),
    ]);
    expect(issuesOf(() => tierMigration(2, [0, 1], [0, 0], [1, Number.NaN], [1, 1]))).toEqual([
      expect.objectContaining({ field: 'revenue', row: 1 }),
    ]);
  });
});

describe('migrationPositions', () => {
  const before = [0, 1, 2, 2, 1, -1, -1];
  const after = [2, 1, 0, 2, -1, 1, -1];

  it('selects a cell, a row, a column, a move, or everyone in the figure', () => {
    expect([...migrationPositions(before, after, { from: 2, to: 0 })]).toEqual([2]);
    expect([...migrationPositions(before, after, { from: 2 })]).toEqual([2, 3]);
    expect([...migrationPositions(before, after, { to: -1 })]).toEqual([4]);
    expect([...migrationPositions(before, after, { from: -1 })]).toEqual([5]);
    expect([...migrationPositions(before, after, { move: 'stayed' })]).toEqual([1, 3]);
    expect([...migrationPositions(before, after, {})]).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...migrationPositions(before, after, { from: 0, move: 'up' })]).toEqual([]);
  });
});

describe('migrationSankey', () => {
  it('has one link a non-empty cell, and only the nodes that carry customers', () => {
    const m = tierMigration(3, [0, 0, 1, -1], [0, 1, 1, 1], [10, 20, 30, 40], [1, 2, 3, 4]);
    const s = migrationSankey(m, ['A', 'B', 'C', 'none']);
    expect(s.nodes.map((n) => [n.id, n.customers, n.revenueMinor])).toEqual([
      ['before:A', 2, 30],
      ['before:B', 1, 30],
      ['before:none', 1, 40],
      ['after:A', 1, 10],
      ['after:B', 3, 90],
    ]);
    expect(s.links).toEqual([
      {
        source: 'before:A',
        target: 'after:A',
        from: 'A',
        to: 'A',
        move: 'stayed',
        customers: 1,
        revenueMinor: 10,
        revenueBeforeMinor: 1,
      },
      {
        source: 'before:A',
        target: 'after:B',
        from: 'A',
        to: 'B',
        move: 'down',
        customers: 1,
        revenueMinor: 20,
        revenueBeforeMinor: 2,
      },
      {
        source: 'before:B',
        target: 'after:B',
        from: 'B',
        to: 'B',
        move: 'stayed',
        customers: 1,
        revenueMinor: 30,
        revenueBeforeMinor: 3,
      },
      {
        source: 'before:none',
        target: 'after:B',
        from: 'none',
        to: 'B',
        move: 'new',
        customers: 1,
        revenueMinor: 40,
        revenueBeforeMinor: 4,
      },
    ]);
  });
});

describe('mergeTierOrder and tierIndexes', () => {
  it('keeps the newest version’s ranking, then older tiers, then unknown ids by name', () => {
    expect(
      mergeTierOrder(
        [
          ['A', 'B', 'C'],
          ['A', 'X', 'B'],
        ],
        ['Z', 'B', 'Q'],
      ),
    ).toEqual(['A', 'B', 'C', 'X', 'Q', 'Z']);
  });

  it('maps tier ids to indexes, no tier to −1', () => {
    expect([...tierIndexes(['A', 'B'], ['B', null, 'A'])]).toEqual([1, -1, 0]);
    expect(() => tierIndexes(['A'], ['Q'])).toThrow(RangeError);
  });
});
