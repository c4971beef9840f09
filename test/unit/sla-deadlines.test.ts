import { describe, expect, it } from 'vitest';
import { alwaysOpenCalendar, chinaMainlandCalendar } from '../../src/domain/calendar';
import {
  policyDeadlines,
  resolvedDeadlines,
  type SlaPolicy,
  selectSlaPolicy,
  slaSeedTemplate,
} from '../../src/domain/sla';

// Spring Festival 2026: off Sun 15 – Mon 23 Feb, make-up working days Sat 14 and Sat 28 Feb.
// National Day 2026: off Thu 1 – Wed 7 Oct, make-up working days Sun 20 Sep and Sat 10 Oct.
// Office hours 09:00–12:00 and 13:00–18:00 Asia/Shanghai (UTC+8): the instants below are UTC.
const CN = chinaMainlandCalendar();
const H24 = alwaysOpenCalendar();
const TEMPLATE = slaSeedTemplate(['A', 'B', 'C', 'D']);
const byKey = (key: string) => TEMPLATE.find((p) => p.key === key) as SlaPolicy;
const iso = (d: Date | null) => d?.toISOString() ?? null;
const dues = (list: ReturnType<typeof policyDeadlines>) =>
  Object.fromEntries(list.map((d) => [d.key, iso(d.dueAt)]));

describe('worked examples around the 2026 Spring Festival', () => {
  it('gold (tier B), opened Fri 13 Feb 16:00: the make-up Saturday counts', () => {
    const d = policyDeadlines(byKey('tier-b'), CN, new Date('2026-02-13T08:00:00Z'));
    // 1 h: Fri 16–17. 4 h: Fri 16–18 (2 h) + Sat 14 09–11. 8 h: + Sat 09–12, 13–16.
    expect(dues(d)).toEqual({
      firstReply: '2026-02-13T09:00:00.000Z',
      response: '2026-02-14T03:00:00.000Z',
      resolution: '2026-02-14T08:00:00.000Z',
    });
    const resolution = d.find((x) => x.key === 'resolution');
    // Warning at 75 % of 8 h = 6 h: Fri 2 h + Sat 09–12 + 13–14.
    expect(iso(resolution?.warnAt ?? null)).toBe('2026-02-14T06:00:00.000Z');
    // Supervisor at the due instant; manager at 12 h: + Sat 16–18 (2 h), Tue 24 Feb 09–11.
    expect(resolution?.escalations.map((e) => [e.role, iso(e.at)])).toEqual([
      ['supervisor', '2026-02-14T08:00:00.000Z'],
      ['manager', '2026-02-24T03:00:00.000Z'],
    ]);
  });

  it('silver (tier C) resolution 24 h, opened Sat 14 Feb 17:00: jumps the whole holiday', () => {
    const d = policyDeadlines(byKey('tier-c'), CN, new Date('2026-02-14T09:00:00Z'));
    // Sat 17–18 (1 h), Tue 24 (8 h), Wed 25 (8 h), Thu 26 09–12, 13–17 (7 h).
    expect(dues(d).resolution).toBe('2026-02-26T09:00:00.000Z');
  });

  it('levels 3 and 4 in working days, opened Thu 12 Feb 10:00', () => {
    const start = new Date('2026-02-12T02:00:00Z');
    // Working days after Thu 12: Fri 13, Sat 14, Tue 24, Wed 25, Thu 26 → Thu 26 18:00.
    expect(dues(policyDeadlines(byKey('level-3'), CN, start)).resolution).toBe(
      '2026-02-26T10:00:00.000Z',
    );
    // … Fri 27, Sat 28 (make-up), Mon 2, Tue 3, Wed 4 Mar → Wed 4 Mar 18:00.
    expect(dues(policyDeadlines(byKey('level-4'), CN, start))).toEqual({
      response: '2026-02-26T10:00:00.000Z',
      resolution: '2026-03-04T10:00:00.000Z',
    });
  });

  it('level 1 on the 24×7 calendar: the holiday does not stop the clock', () => {
    const start = new Date('2026-02-17T01:00:00Z');
    const d = policyDeadlines(byKey('level-1'), H24, start);
    expect(dues(d)).toEqual({
      response: '2026-02-17T01:30:00.000Z',
      resolution: '2026-02-17T03:00:00.000Z',
    });
    expect(d[0]?.escalations.map((e) => [e.role, iso(e.at)])).toEqual([
      ['supervisor', '2026-02-17T01:30:00.000Z'],
    ]);
    expect(iso(d[1]?.warnAt ?? null)).toBe('2026-02-17T02:30:00.000Z');
  });
});

describe('worked examples around National Day 2026', () => {
  it('coverage for tier C (3 working days), opened Wed 30 Sep 15:00: ends on the make-up Saturday', () => {
    const [d] = policyDeadlines(byKey('coverage-c'), CN, new Date('2026-09-30T07:00:00Z'));
    // Thu 8, Fri 9, Sat 10 Oct (make-up) → Sat 10 Oct 18:00; budget Wed 3 h + 3 × 8 h = 27 h.
    expect(iso(d?.dueAt ?? null)).toBe('2026-10-10T10:00:00.000Z');
    expect(d?.budgetMs).toBe(27 * 3_600_000);
    // Warning at 20 h 15 min: Wed 3 h, Thu 8 h, Fri 8 h, Sat 09:00–10:15.
    expect(iso(d?.warnAt ?? null)).toBe('2026-10-10T02:15:00.000Z');
  });

  it('level 2, opened Fri 18 Sep 14:00, paused while waiting on the customer', () => {
    const start = new Date('2026-09-18T06:00:00Z');
    // 12 h: Fri 14–18 (4 h), Sun 20 Sep make-up day (8 h) → Sun 20 Sep 18:00.
    expect(dues(policyDeadlines(byKey('level-2'), CN, start)).resolution).toBe(
      '2026-09-20T10:00:00.000Z',
    );
    // Paused Fri 16:00 → Sun 10:00: Fri 14–16 (2 h), Sun 10–12, 13–18 (7 h), Mon 21 09–12.
    const pauses = [
      { from: new Date('2026-09-18T08:00:00Z'), to: new Date('2026-09-20T02:00:00Z') },
    ];
    expect(dues(policyDeadlines(byKey('level-2'), CN, start, pauses)).resolution).toBe(
      '2026-09-21T04:00:00.000Z',
    );
    // A pause still open holds every clock.
    const open = [{ from: new Date('2026-09-18T08:00:00Z'), to: null }];
    expect(dues(policyDeadlines(byKey('level-2'), CN, start, open))).toEqual({
      response: null,
      resolution: null,
    });
  });
});

describe('resolved targets on their own calendars', () => {
  it('a tier-A urgent ticket on National Day: everything on 24×7', () => {
    const s = selectSlaPolicy(TEMPLATE, { tier: 'A', level: 1, category: 'repair' });
    const cal = (key: string) => (key === '24x7' ? H24 : CN);
    const d = resolvedDeadlines(s.targets, cal, new Date('2026-10-02T04:00:00Z'));
    expect(d.map((x) => [x.key, x.policyKey, iso(x.dueAt)])).toEqual([
      ['firstReply', 'tier-a', '2026-10-02T04:30:00.000Z'],
      ['response', 'level-1', '2026-10-02T04:30:00.000Z'],
      ['resolution', 'level-1', '2026-10-02T06:00:00.000Z'],
    ]);
  });

  it('an escalation after minutes counts business time past the due instant', () => {
    const p = {
      ...byKey('level-2'),
      escalation: [{ target: 'response' as const, afterMinutes: 90, role: 'manager' as const }],
    };
    // Response 4 h from Fri 13 Feb 16:00: Fri 2 h + Sat 14 09–11; + 90 min → Sat 12:00 + lunch → 13:30.
    const [response] = policyDeadlines(p, CN, new Date('2026-02-13T08:00:00Z'));
    expect(iso(response?.escalations[0]?.at ?? null)).toBe('2026-02-14T05:30:00.000Z');
  });

  it('refuses with CALENDAR_NOT_COVERED past the holiday list', () => {
    expect(() =>
      policyDeadlines(byKey('level-4'), CN, new Date('2026-12-28T02:00:00Z')),
    ).toThrowError(expect.objectContaining({ code: 'CALENDAR_NOT_COVERED' }));
  });
});
