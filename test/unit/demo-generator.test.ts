import { describe, expect, it } from 'vitest';
import { DEMO_OWNERS, generateDemo, REGIONS } from '../../examples/demo';
import { collectDemo, demoOptions } from '../factories/demo';

const AS_OF = '2026-11-30';
const START = '2023-01-01';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

describe('demo generator', () => {
  const data = collectDemo(demoOptions({ customers: 2000 }));

  it('gives the same rows for the same seed and different rows for another seed', () => {
    const again = collectDemo(demoOptions({ customers: 2000 }));
    expect(again).toEqual(data);
    const other = collectDemo(demoOptions({ customers: 2000, seed: 8 }));
    expect(other.customers.map((c) => c.name)).not.toEqual(data.customers.map((c) => c.name));
    expect(other.orders.length).not.toBe(data.orders.length);
  });

  it('does not depend on the batch size', () => {
    const small = collectDemo(demoOptions({ customers: 2000, batchSize: 7 }));
    expect(small).toEqual(data);
  });

  it('yields bounded batches that add up to the requested customers', () => {
    const sizes = [...generateDemo(demoOptions({ customers: 1001, batchSize: 250 }))].map(
      (b) => b.customers.length,
    );
    expect(sizes).toEqual([250, 250, 250, 250, 1]);
  });

  it('is heavily skewed: the top 20% of customers bring well over half the revenue', () => {
    const revenue = new Map<number, number>();
    for (const o of data.orders) {
      revenue.set(o.customer_id, (revenue.get(o.customer_id) ?? 0) + o.amount_minor);
    }
    const sorted = data.customers.map((c) => revenue.get(c.id) ?? 0).sort((a, b) => b - a);
    const total = sorted.reduce((a, b) => a + b, 0);
    const top = sorted.slice(0, sorted.length / 5).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.7);
  });

  it('averages about the requested orders per customer', () => {
    expect(data.orders.length / data.customers.length).toBeGreaterThan(8.5);
    expect(data.orders.length / data.customers.length).toBeLessThan(11.5);
    const busy = collectDemo(demoOptions({ customers: 500, ordersPerCustomer: 40 }));
    expect(busy.orders.length / 500).toBeGreaterThan(34);
  });

  it('writes valid customers: unique codes and ids, real regions, owners from the list', () => {
    const ownerIds = DEMO_OWNERS.map((_, i) => 100 + i);
    const owned = collectDemo(demoOptions({ customers: 500, ownerIds }));
    expect(new Set(owned.customers.map((c) => c.code)).size).toBe(500);
    for (const c of owned.customers) {
      expect(c.code).toMatch(/^DM\d{7}$/);
      expect(REGIONS).toContain(c.region);
      expect(c.name.length).toBeGreaterThan(1);
      expect(c.created_at).toMatch(INSTANT);
      expect(c.created_at.slice(0, 10) <= AS_OF).toBe(true);
      if (c.owner_id !== null) expect(ownerIds).toContain(c.owner_id);
    }
    const types = new Set(owned.customers.map((c) => c.type));
    expect(types).toEqual(new Set(['enterprise', 'individual', 'group', 'internal']));
    expect(owned.customers.some((c) => /有限公司$/.test(c.name))).toBe(true);
    const large = owned.customers.filter((c) => c.size === 'large').length;
    const micro = owned.customers.filter((c) => c.size === 'micro').length;
    expect(large).toBeLessThan(micro / 5);
  });

  it('writes valid orders: dates in range, positive whole-yuan amounts, sane costs', () => {
    const customerIds = new Set(data.customers.map((c) => c.id));
    const bad = data.orders.filter(
      (o) =>
        !customerIds.has(o.customer_id) ||
        !DATE.test(o.ordered_on) ||
        o.ordered_on < START ||
        o.ordered_on > AS_OF ||
        !Number.isSafeInteger(o.amount_minor) ||
        o.amount_minor <= 0 ||
        o.amount_minor % 100 !== 0 ||
        (o.cost_minor !== null &&
          (!Number.isSafeInteger(o.cost_minor) || o.cost_minor > o.amount_minor * 1.1)) ||
        (o.rush !== 0 && o.rush !== 1) ||
        o.created_at.slice(0, 10) !== o.ordered_on,
    );
    expect(bad).toEqual([]);
    expect(new Set(data.orders.map((o) => o.order_no)).size).toBe(data.orders.length);
  });

  it('writes valid invoices: invoice ≤ due, invoice ≤ paid ≤ as-of, some late, some open', () => {
    let late = 0;
    let open = 0;
    const bad = data.payments.filter((p) => {
      const invoiced = p.created_at.slice(0, 10);
      if (p.paid_on === null) open++;
      else if (p.paid_on > p.due_on) late++;
      return (
        !Number.isSafeInteger(p.amount_minor) ||
        p.amount_minor <= 0 ||
        invoiced > p.due_on ||
        invoiced > AS_OF ||
        (p.paid_on !== null && (p.paid_on < invoiced || p.paid_on > AS_OF))
      );
    });
    expect(bad).toEqual([]);
    expect(late / data.payments.length).toBeGreaterThan(0.05);
    expect(open).toBeGreaterThan(0);
    // Invoices bill orders: their totals match order totals of invoiced periods closely.
    const billed = data.payments.reduce((a, p) => a + p.amount_minor, 0);
    const ordered = data.orders.reduce((a, o) => a + o.amount_minor, 0);
    expect(billed / ordered).toBeGreaterThan(0.95);
    expect(billed).toBeLessThanOrEqual(ordered);
  });

  it('writes valid tickets and survey answers', () => {
    const badTickets = data.tickets.filter(
      (t) =>
        ![1, 2, 3, 4].includes(t.level) ||
        !INSTANT.test(t.opened_at) ||
        (t.closed_at === null
          ? !['open', 'in_progress'].includes(t.status)
          : !['resolved', 'closed'].includes(t.status) || t.closed_at <= t.opened_at),
    );
    expect(badTickets).toEqual([]);
    expect(data.tickets.some((t) => t.closed_at === null)).toBe(true);
    const badAnswers = data.survey_responses.filter(
      (r) =>
        !Number.isInteger(r.score) ||
        r.score < 1 ||
        r.score > 5 ||
        r.answered_on < START ||
        r.answered_on > AS_OF,
    );
    expect(badAnswers).toEqual([]);
  });

  it('has silent customers (no orders in the last year) and new ones', () => {
    const last = new Map<number, string>();
    const first = new Map<number, string>();
    for (const o of data.orders) {
      if ((last.get(o.customer_id) ?? '') < o.ordered_on) last.set(o.customer_id, o.ordered_on);
      if ((first.get(o.customer_id) ?? '9999') > o.ordered_on)
        first.set(o.customer_id, o.ordered_on);
    }
    const n = data.customers.length;
    const silent = [...last.values()].filter((d) => d < '2025-11-30').length;
    const fresh = [...first.values()].filter((d) => d >= '2026-06-01').length;
    expect(silent / n).toBeGreaterThan(0.08);
    expect(fresh / n).toBeGreaterThan(0.04);
  });

  it('refuses impossible options with a clear message', () => {
    expect(() => generateDemo({ customers: -1 }).next()).toThrow(/customers/);
    expect(() => generateDemo({ customers: 1, seed: 2 ** 33 }).next()).toThrow(/seed/);
    expect(() => generateDemo({ customers: 1, asOf: '2026-02-30' }).next()).toThrow(/date/);
  });
});
