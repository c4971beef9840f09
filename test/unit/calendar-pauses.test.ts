import { describe, expect, it } from 'vitest';
import {
  chinaMainlandCalendar,
  deadlineWithPauses,
  elapsedWithPauses,
} from '../../src/domain/calendar';
import { DomainError } from '../../src/domain/errors';

const HOUR = 3_600_000;
const sh = (local: string) => new Date(`${local}:00+08:00`);
const cn = chinaMainlandCalendar();

describe('clock pauses (waiting on the customer)', () => {
  const start = sh('2025-03-03T09:00');

  it('does not count paused business time', () => {
    const pauses = [{ from: sh('2025-03-03T10:00'), to: sh('2025-03-03T14:00') }];
    expect(elapsedWithPauses(cn, start, sh('2025-03-03T16:00'), pauses)).toBe(3 * HOUR);
    expect(elapsedWithPauses(cn, start, sh('2025-03-03T16:00'), [])).toBe(6 * HOUR);
  });

  it('stops the clock during an open pause', () => {
    const pauses = [
      { from: sh('2025-03-03T10:00'), to: sh('2025-03-03T14:00') },
      { from: sh('2025-03-03T15:00'), to: null },
    ];
    expect(elapsedWithPauses(cn, start, sh('2025-03-03T17:00'), pauses)).toBe(2 * HOUR);
    expect(elapsedWithPauses(cn, start, sh('2025-03-05T17:00'), pauses)).toBe(2 * HOUR);
  });

  it('counts overlapping pauses once and ignores pauses outside the span', () => {
    const pauses = [
      { from: sh('2025-03-03T11:00'), to: sh('2025-03-03T14:00') },
      { from: sh('2025-03-03T10:00'), to: sh('2025-03-03T12:00') },
      { from: sh('2025-03-01T10:00'), to: sh('2025-03-02T12:00') },
      { from: sh('2025-03-04T10:00'), to: sh('2025-03-04T12:00') },
    ];
    expect(elapsedWithPauses(cn, start, sh('2025-03-03T16:00'), pauses)).toBe(3 * HOUR);
  });

  it('moves the deadline by the paused business time', () => {
    const pauses = [{ from: sh('2025-03-03T10:00'), to: sh('2025-03-03T14:00') }];
    expect(deadlineWithPauses(cn, start, 4 * HOUR, [])).toEqual(sh('2025-03-03T14:00'));
    expect(deadlineWithPauses(cn, start, 4 * HOUR, pauses)).toEqual(sh('2025-03-03T17:00'));
    // A pause over the weekend costs nothing.
    const weekend = [{ from: sh('2025-03-07T18:30'), to: sh('2025-03-10T08:00') }];
    expect(deadlineWithPauses(cn, sh('2025-03-07T17:00'), 2 * HOUR, weekend)).toEqual(
      sh('2025-03-10T10:00'),
    );
    // A pause starting after the deadline does not matter.
    const late = [{ from: sh('2025-03-03T15:00'), to: null }];
    expect(deadlineWithPauses(cn, start, 4 * HOUR, late)).toEqual(sh('2025-03-03T14:00'));
  });

  it('has no deadline while an open pause holds the clock', () => {
    const pauses = [{ from: sh('2025-03-03T10:00'), to: null }];
    expect(deadlineWithPauses(cn, start, 4 * HOUR, pauses)).toBeNull();
  });

  it('rejects a pause that ends before it starts, naming it', () => {
    const bad = [{ from: sh('2025-03-03T10:00'), to: sh('2025-03-03T09:00') }];
    try {
      elapsedWithPauses(cn, start, sh('2025-03-03T16:00'), bad);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).details.issues).toEqual([
        expect.objectContaining({ field: 'pauses.0.to' }),
      ]);
    }
  });
});
