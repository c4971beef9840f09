import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alwaysOpenCalendar, chinaMainlandCalendar } from '../../src/domain/calendar';
import {
  compareSpecificity,
  policyDeadlines,
  type SlaMatch,
  type SlaPolicy,
  selectSlaPolicy,
  slaPolicySchema,
} from '../../src/domain/sla';

const CN = chinaMainlandCalendar();
const H24 = alwaysOpenCalendar();
const TIERS = ['A', 'B', 'C', 'D'];
const CATEGORIES = [
  'complaint',
  'complaint.billing',
  'complaint.billing.refund',
  'repair',
  'repair.onsite',
];

const facts = fc.record({
  tier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
  level: fc.integer({ min: 1, max: 4 }),
  category: fc.constantFrom(...CATEGORIES),
});
const match: fc.Arbitrary<SlaMatch> = fc.record({
  tier: fc.option(fc.constantFrom(...TIERS), { nil: null }),
  level: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  category: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }),
});

function policy(key: string, m: SlaMatch): SlaPolicy {
  return slaPolicySchema.parse({
    key,
    name: { zh: key, en: key },
    match: m,
    targets: { response: { amount: 1, unit: 'hours' } },
    calendar: '24x7',
  });
}

/** Distinct matches only: a valid set refuses duplicates. */
const policySet = fc
  .uniqueArray(match, { selector: (m) => JSON.stringify(m), maxLength: 25 })
  .map((ms) => ms.map((m, i) => policy(`p${i}`, m)));

describe('selection properties', () => {
  it('the winner is at least as specific as every matching policy, and strictly more than the rest', () => {
    fc.assert(
      fc.property(policySet, facts, (set, f) => {
        const s = selectSlaPolicy(set, f);
        const matching = s.candidates.filter((c) => c.matched);
        if (!s.winner) {
          expect(matching).toEqual([]);
          return;
        }
        for (const c of matching.slice(1))
          expect(compareSpecificity(s.winner.match, c.policy.match).order).toBeGreaterThan(0);
      }),
    );
  });

  it('adding one field the ticket meets to a matching policy makes it win over the original', () => {
    fc.assert(
      fc.property(facts, match, fc.constantFrom('tier', 'level', 'category'), (f, m, field) => {
        const base: SlaMatch = {
          tier: m.tier === null ? null : f.tier,
          level: m.level === null ? null : f.level,
          category: null,
        };
        const narrower: SlaMatch =
          field === 'tier'
            ? { ...base, tier: f.tier }
            : field === 'level'
              ? { ...base, level: f.level }
              : { ...base, category: f.category };
        fc.pre(JSON.stringify(narrower) !== JSON.stringify(base));
        const s = selectSlaPolicy([policy('broad', base), policy('narrow', narrower)], f);
        expect(s.winner?.key).toBe('narrow');
        expect(s.candidates[1]?.outcome).toBe('less_specific');
      }),
    );
  });
});

// Starts inside the shipped calendar's coverage, leaving room for 10 working days.
const start = fc
  .integer({ min: Date.parse('2025-01-01T00:00:00Z'), max: Date.parse('2026-12-01T00:00:00Z') })
  .map((ms) => new Date(Math.floor(ms / 60_000) * 60_000));
const target = fc.record({
  amount: fc.integer({ min: 1, max: 48 }),
  unit: fc.constantFrom('minutes' as const, 'hours' as const, 'working_days' as const),
});

describe('deadline properties', () => {
  it('a deadline is never before the start, and the warning never after the due instant', () => {
    fc.assert(
      fc.property(
        start,
        target,
        fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        (t0, tg, warn) => {
          const amount = tg.unit === 'working_days' ? Math.min(tg.amount, 10) : tg.amount;
          const p = { ...policy('p', { tier: null, level: null, category: null }), warnAt: warn };
          const [d] = policyDeadlines({ ...p, targets: { resolution: { ...tg, amount } } }, CN, t0);
          expect(d?.dueAt?.getTime()).toBeGreaterThan(t0.getTime());
          expect(d?.warnAt?.getTime()).toBeLessThanOrEqual(d?.dueAt?.getTime() ?? 0);
          expect(d?.warnAt?.getTime()).toBeGreaterThanOrEqual(t0.getTime());
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on the 24×7 calendar a minutes or hours target is due at start + duration', () => {
    fc.assert(
      fc.property(start, target, (t0, tg) => {
        fc.pre(tg.unit !== 'working_days');
        const p = policy('p', { tier: null, level: null, category: null });
        const [d] = policyDeadlines({ ...p, targets: { response: tg } }, H24, t0);
        const ms = tg.amount * (tg.unit === 'minutes' ? 60_000 : 3_600_000);
        expect(d?.dueAt?.getTime()).toBe(t0.getTime() + ms);
      }),
    );
  });
});
