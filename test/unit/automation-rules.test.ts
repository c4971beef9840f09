import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  defaultParams,
  evaluateBottomTier,
  evaluateComplaintTag,
  evaluateLatePayments,
  evaluateProvisionalDue,
  evaluateSatisfaction,
  evaluateSilentCustomer,
  monthsBefore,
  previousQuarter,
  quarterOf,
  ruleParamSchemas,
  storedParams,
} from '../../src/domain/policy/automation';

const TODAY = '2026-11-27';

describe('calendar helpers', () => {
  it('finds calendar quarters and the one before', () => {
    expect(quarterOf(TODAY)).toEqual({ label: '2026-Q4', start: '2026-10-01', end: '2026-12-31' });
    expect(quarterOf('2026-02-28').label).toBe('2026-Q1');
    expect(previousQuarter(TODAY)).toEqual({
      label: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
    });
    expect(previousQuarter('2026-01-05').label).toBe('2025-Q4');
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(28);
    expect(monthsBefore('2026-05-31', 3)).toBe('2026-02-28');
  });
});

describe('rule parameters', () => {
  it('have the seed defaults', () => {
    expect(defaultParams('late_payments')).toEqual({ minLate: 2, steps: 1 });
    expect(defaultParams('silent_customer')).toEqual({ k: 2, minOrders: 3 });
    expect(defaultParams('complaint_tag')).toMatchObject({ tag: 'complaint_history', months: 12 });
    expect(defaultParams('bottom_tier')).toEqual({ years: 2 });
  });

  it('name the bad field and fall back to defaults when stored values no longer parse', () => {
    const r = ruleParamSchemas.late_payments.safeParse({ minLate: 0 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['minLate']);
    expect(r.error?.issues[0]?.message).toBe('minLate must be at least 1');
    expect(storedParams('silent_customer', { k: 'x' })).toEqual({ k: 2, minOrders: 3 });
  });
});

describe('late payments', () => {
  const p = { minLate: 2, steps: 1 };
  const inv = (no: string, dueOn: string, paidOn: string | null) => ({
    invoiceNo: no,
    amountMinor: 100_00,
    dueOn,
    paidOn,
  });

  it('fires for two late invoices due in this quarter, with the invoices as evidence', () => {
    const f = evaluateLatePayments(
      7,
      [
        inv('I1', '2026-10-10', '2026-10-20'), // 10 days late
        inv('I2', '2026-11-01', null), // unpaid, 26 days overdue
        inv('I3', '2026-11-05', '2026-11-05'), // on time
        inv('I4', '2026-12-10', null), // not due yet
      ],
      TODAY,
      p,
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.dedupeKey).toBe('late_payments:7:2026-Q4');
    expect(f[0]?.evidence).toMatchObject({ quarter: '2026-Q4', lateCount: 2, steps: 1 });
    expect(f[0]?.evidence.invoices.map((i) => [i.invoiceNo, i.daysLate])).toEqual([
      ['I1', 10],
      ['I2', 26],
    ]);
  });

  it('counts each quarter on its own and looks back one quarter', () => {
    const f = evaluateLatePayments(
      7,
      [inv('A', '2026-09-20', '2026-10-02'), inv('B', '2026-10-05', '2026-10-09')],
      TODAY,
      p,
    );
    expect(f).toEqual([]);
    const q3 = evaluateLatePayments(
      7,
      [inv('A', '2026-09-20', '2026-10-02'), inv('C', '2026-07-03', '2026-07-04')],
      TODAY,
      p,
    );
    expect(q3.map((x) => x.period)).toEqual(['2026-Q3']);
  });
});

describe('silent customer', () => {
  const p = { k: 2, minOrders: 3 };
  it('fires past k times the own average interval, once per last order', () => {
    // 4 orders from 2026-01-01 to 2026-07-01: 181 days / 3 = 60.3 days; 2× = 120.7 days.
    const h = { orderCount: 4, firstOrderOn: '2026-01-01', lastOrderOn: '2026-07-01' };
    const f = evaluateSilentCustomer(3, h, TODAY, p);
    expect(f?.dedupeKey).toBe('silent_customer:3:2026-07-01');
    expect(f?.evidence).toMatchObject({ averageIntervalDays: 60.3, daysSilent: 149 });
    // 2026-07-01 + 120 days = 2026-10-29: the last quiet day that does not fire.
    expect(f?.evidence.expectedBy).toBe('2026-10-29');
    expect(evaluateSilentCustomer(3, h, '2026-10-29', p)).toBeNull();
    expect(evaluateSilentCustomer(3, h, '2026-10-30', p)).not.toBeNull();
  });

  it('needs enough orders and a real interval', () => {
    expect(
      evaluateSilentCustomer(
        3,
        { orderCount: 2, firstOrderOn: '2025-01-01', lastOrderOn: '2025-02-01' },
        TODAY,
        p,
      ),
    ).toBeNull();
    expect(
      evaluateSilentCustomer(
        3,
        { orderCount: 5, firstOrderOn: '2025-01-01', lastOrderOn: '2025-01-01' },
        TODAY,
        p,
      ),
    ).toBeNull();
  });
});

describe('satisfaction', () => {
  const p = { threshold: 3, fallingBy: 1, windowMonths: 3, minResponses: 1 };
  it('warns below the threshold', () => {
    const f = evaluateSatisfaction(
      5,
      { responses: 2, scoreSum: 5 },
      { responses: 0, scoreSum: 0 },
      TODAY,
      p,
    );
    expect(f?.dedupeKey).toBe('satisfaction:5:2026-11');
    expect(f?.evidence).toMatchObject({
      average: 2.5,
      reasons: ['below_threshold'],
      window: { from: '2026-09', to: '2026-11' },
      previousWindow: { from: '2026-06', to: '2026-08' },
      previousAverage: null,
    });
  });

  it('warns when the average fell by fallingBy, and not otherwise', () => {
    const f = evaluateSatisfaction(
      5,
      { responses: 1, scoreSum: 4 },
      { responses: 2, scoreSum: 10 },
      TODAY,
      p,
    );
    expect(f?.evidence.reasons).toEqual(['falling']);
    expect(
      evaluateSatisfaction(
        5,
        { responses: 1, scoreSum: 4 },
        { responses: 1, scoreSum: 4.5 },
        TODAY,
        p,
      ),
    ).toBeNull();
    expect(
      evaluateSatisfaction(
        5,
        { responses: 0, scoreSum: 0 },
        { responses: 1, scoreSum: 5 },
        TODAY,
        p,
      ),
    ).toBeNull();
  });
});

describe('complaints and tiers', () => {
  it('tags a customer with complaints unless it carries the tag', () => {
    const p = { tag: 'complaint_history', months: 12, minComplaints: 1 };
    const f = evaluateComplaintTag(
      9,
      { complaints: 2, lastComplaintOn: '2026-08-03', hasTag: false },
      TODAY,
      p,
    );
    expect(f?.dedupeKey).toBe('complaint_tag:9:2026-08-03');
    expect(f?.evidence.from).toBe('2025-11-28');
    expect(
      evaluateComplaintTag(
        9,
        { complaints: 2, lastComplaintOn: '2026-08-03', hasTag: true },
        TODAY,
        p,
      ),
    ).toBeNull();
  });

  it('calls a provisional tier due after the months of dealings', () => {
    const t = { tier: 'C', since: '2026-01-01', runId: 4, provisional: true };
    const f = evaluateProvisionalDue(2, { ...t, firstDealOn: '2026-05-27' }, TODAY, { months: 6 });
    expect(f?.evidence).toMatchObject({ dueOn: '2026-11-27', runId: 4 });
    expect(f?.dedupeKey).toBe('provisional_due:2:run-4');
    expect(
      evaluateProvisionalDue(2, { ...t, firstDealOn: '2026-05-28' }, TODAY, { months: 6 }),
    ).toBeNull();
    expect(
      evaluateProvisionalDue(2, { ...t, provisional: false, firstDealOn: '2020-01-01' }, TODAY, {
        months: 6,
      }),
    ).toBeNull();
  });

  it('names elimination candidates after N years at the bottom', () => {
    // 2 × 365.25 = 730.5 → 731 days before 2026-11-27 is 2024-11-26.
    const t = { tier: 'D', since: '2024-11-26', runId: 1 };
    const f = evaluateBottomTier(8, t, 'D', TODAY, { years: 2 });
    expect(f?.evidence).toMatchObject({ cutoff: '2024-11-26', since: '2024-11-26' });
    expect(
      evaluateBottomTier(8, { ...t, since: '2024-11-27' }, 'D', TODAY, { years: 2 }),
    ).toBeNull();
    expect(evaluateBottomTier(8, { ...t, tier: 'C' }, 'D', TODAY, { years: 2 })).toBeNull();
  });
});
