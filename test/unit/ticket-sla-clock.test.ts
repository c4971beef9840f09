import { describe, expect, it } from 'vitest';
import {
  clockColumns,
  dueActions,
  nextWarnAt,
  type PlannedTarget,
  pausesFromLog,
  quickResponseDue,
  remainingMs,
} from '../../src/domain/sla/ticket-clock';

const plan: PlannedTarget[] = [
  {
    key: 'firstReply',
    policyKey: 'tier-b',
    calendar: 'cn-mainland',
    dueAt: '2026-03-02T02:00:00.000Z',
    warnAt: '2026-03-02T01:45:00.000Z',
    escalations: [],
  },
  {
    key: 'resolution',
    policyKey: 'level-3',
    calendar: 'cn-mainland',
    dueAt: '2026-03-03T10:00:00.000Z',
    warnAt: '2026-03-03T06:00:00.000Z',
    escalations: [
      { role: 'supervisor', at: '2026-03-03T10:00:00.000Z' },
      { role: 'manager', at: '2026-03-04T06:00:00.000Z' },
    ],
  },
];
const running = { firstRepliedAt: null, resolvedAt: null };

describe('ticket clock helpers', () => {
  it('fills the row columns and judges met or missed once a clock stops', () => {
    const late = clockColumns(plan, {
      firstRepliedAt: '2026-03-02T02:00:01.000Z',
      resolvedAt: null,
    });
    expect(late).toMatchObject({
      first_reply_due_at: '2026-03-02T02:00:00.000Z',
      response_due_at: null,
      first_reply_met: 0,
      resolution_met: null,
      missed: true,
      // Only the resolution clock still runs.
      warn_at: '2026-03-03T06:00:00.000Z',
    });
    expect(clockColumns(plan, running).warn_at).toBe('2026-03-02T01:45:00.000Z');
    expect(clockColumns(plan, running).missed).toBe(false);
  });

  it('fires each step once and says when nothing is left', () => {
    const at = new Date('2026-03-03T10:00:00.000Z');
    const first = dueActions(plan, running, at, new Set());
    expect(first.actions.map((a) => a.key)).toEqual([
      'warned:firstReply',
      'breached:firstReply',
      'warned:resolution',
      'breached:resolution',
      'escalated:resolution:supervisor',
    ]);
    expect(first.pending).toBe(true);
    const again = dueActions(plan, running, at, new Set(first.actions.map((a) => a.key)));
    expect(again.actions).toEqual([]);
    const late = dueActions(
      plan,
      running,
      new Date('2026-03-05T00:00:00.000Z'),
      new Set(first.actions.map((a) => a.key)),
    );
    expect(late.actions.map((a) => a.key)).toEqual(['escalated:resolution:manager']);
    expect(late.pending).toBe(false);
  });

  it('ignores stopped clocks and those without a due instant', () => {
    const r = dueActions(
      [{ ...plan[0]!, dueAt: null }],
      running,
      new Date('2027-01-01T00:00:00Z'),
      new Set(),
    );
    expect(r).toEqual({ actions: [], pending: false });
    expect(nextWarnAt(plan, { firstRepliedAt: 'x', resolvedAt: 'y' })).toBeNull();
  });

  it('applies the quick-response rule to level 1–2 only, after 10 minutes without a reply', () => {
    const opened = '2026-03-02T01:00:00.000Z';
    expect(quickResponseDue(2, opened, null, new Date('2026-03-02T01:09:59Z'))).toBe(false);
    expect(quickResponseDue(2, opened, null, new Date('2026-03-02T01:10:00Z'))).toBe(true);
    expect(quickResponseDue(3, opened, null, new Date('2026-03-02T02:00:00Z'))).toBe(false);
    expect(quickResponseDue(1, opened, opened, new Date('2026-03-02T02:00:00Z'))).toBe(false);
  });

  it('rebuilds pauses from the log and freezes the countdown while paused', () => {
    const pauses = pausesFromLog([
      { kind: 'paused', at: '2026-03-02T01:00:00.000Z' },
      { kind: 'resumed', at: '2026-03-02T02:00:00.000Z' },
      { kind: 'paused', at: '2026-03-02T03:00:00.000Z' },
    ]);
    expect(pauses.map((p) => [p.from.toISOString(), p.to?.toISOString() ?? null])).toEqual([
      ['2026-03-02T01:00:00.000Z', '2026-03-02T02:00:00.000Z'],
      ['2026-03-02T03:00:00.000Z', null],
    ]);
    const due = '2026-03-02T04:00:00.000Z';
    const now = new Date('2026-03-02T05:00:00.000Z');
    expect(remainingMs(due, now, null)).toBe(-3_600_000);
    expect(remainingMs(due, now, '2026-03-02T03:00:00.000Z')).toBe(3_600_000);
    expect(remainingMs(null, now, null)).toBeNull();
  });
});
