import { describe, expect, it } from 'vitest';
import {
  allowedTargets,
  checkTransition,
  normalizeStatus,
  REOPEN_WINDOW_DAYS,
  TICKET_STATUSES,
  transitionStamps,
} from '../../src/domain/service/ticket-status';

const now = new Date('2026-11-27T08:00:00Z');
const base = { canManage: false, hasAssignee: true, resolvedAt: null, now };

describe('ticket state machine', () => {
  it('walks the seed flow new → assigned → replied → in progress → resolved → confirmed → closed', () => {
    const flow = [
      'new',
      'assigned',
      'replied',
      'in_progress',
      'resolved',
      'confirmed',
      'closed',
    ] as const;
    for (let i = 1; i < flow.length; i++)
      expect(checkTransition({ ...base, from: flow[i - 1]!, to: flow[i]! })).toBe('forward');
  });

  it('refuses skipping steps with INVALID_STATE naming from and to', () => {
    expect(() => checkTransition({ ...base, from: 'new', to: 'resolved' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_STATE',
        details: expect.objectContaining({ from: 'new', to: 'resolved' }),
      }),
    );
    expect(() => checkTransition({ ...base, from: 'closed', to: 'confirmed' })).toThrow(
      /closed to confirmed/,
    );
  });

  it('needs an assignee to become assigned, and a supervisor to cancel a new ticket', () => {
    expect(() =>
      checkTransition({ ...base, hasAssignee: false, from: 'new', to: 'assigned' }),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() => checkTransition({ ...base, from: 'new', to: 'closed' })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
    expect(checkTransition({ ...base, canManage: true, from: 'new', to: 'closed' })).toBe('cancel');
  });

  it('reopens finished tickets within the window; later only a supervisor', () => {
    const recent = new Date(now.getTime() - 2 * 86_400_000).toISOString();
    const old = new Date(now.getTime() - (REOPEN_WINDOW_DAYS + 1) * 86_400_000).toISOString();
    for (const from of ['resolved', 'confirmed', 'closed'] as const)
      expect(checkTransition({ ...base, from, to: 'in_progress', resolvedAt: recent })).toBe(
        'reopen',
      );
    expect(() =>
      checkTransition({ ...base, from: 'closed', to: 'in_progress', resolvedAt: old }),
    ).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(
      checkTransition({
        ...base,
        canManage: true,
        from: 'closed',
        to: 'in_progress',
        resolvedAt: old,
      }),
    ).toBe('reopen');
  });

  it('lists the allowed targets for buttons', () => {
    expect(allowedTargets({ ...base, from: 'assigned' })).toEqual([
      'replied',
      'in_progress',
      'resolved',
    ]);
    expect(allowedTargets({ ...base, from: 'resolved' })).toEqual([
      'in_progress',
      'confirmed',
      'closed',
    ]);
    expect(allowedTargets({ ...base, canManage: true, from: 'new' })).toEqual([
      'assigned',
      'closed',
    ]);
  });

  it('reads old and odd statuses', () => {
    expect(normalizeStatus('open')).toBe('new');
    expect(normalizeStatus('in_progress')).toBe('in_progress');
    expect(normalizeStatus('???')).toBe('new');
    expect(TICKET_STATUSES).toHaveLength(7);
  });

  it('stamps resolved/confirmed/closed and clears them on reopen', () => {
    const iso = now.toISOString();
    expect(transitionStamps('forward', 'resolved', iso)).toEqual({ resolved_at: iso });
    expect(transitionStamps('reopen', 'in_progress', iso)).toEqual({
      resolved_at: null,
      confirmed_at: null,
      closed_at: null,
    });
  });
});
