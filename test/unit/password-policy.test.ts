import { describe, expect, it } from 'vitest';
import { lockDurationMs, secondsLeft } from '../../src/domain/auth/lockout';
import { passwordProblems } from '../../src/domain/auth/password-policy';

describe('password policy', () => {
  it('accepts a long password mixing three kinds of character', () => {
    expect(passwordProblems('Harbour-lights-42', 'zhangwei')).toEqual([]);
    expect(passwordProblems('correct horse battery 7', 'zhangwei')).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(passwordProblems('Ab1-x')).toContain('password must be at least 10 characters');
    expect(passwordProblems('abcdefghijkl')).toContain(
      'password must mix at least 3 of: lower-case letters, capital letters, digits, symbols',
    );
    expect(passwordProblems('Zhangwei-2026', 'zhangwei')).toEqual([
      'password must not contain the username',
    ]);
    expect(passwordProblems('Password123!')).toEqual([
      'password is too common; choose one that is not on lists of known passwords',
    ]);
    expect(passwordProblems(`Aa1-${'x'.repeat(200)}`)).toContain(
      'password must be at most 200 characters',
    );
  });

  it('ignores usernames too short to matter', () => {
    expect(passwordProblems('Amber-fields-9', 'am')).toEqual([]);
  });
});

describe('lockout backoff', () => {
  it('locks at the threshold for a minute, doubling, at most an hour', () => {
    expect(lockDurationMs(4, 5)).toBe(0);
    expect(lockDurationMs(5, 5)).toBe(60_000);
    expect(lockDurationMs(6, 5)).toBe(120_000);
    expect(lockDurationMs(8, 5)).toBe(480_000);
    expect(lockDurationMs(50, 5)).toBe(3_600_000);
  });

  it('counts whole seconds left', () => {
    const now = new Date('2026-11-27T10:00:00.000Z');
    expect(secondsLeft(null, now)).toBe(0);
    expect(secondsLeft('2026-11-27T09:59:59.000Z', now)).toBe(0);
    expect(secondsLeft('2026-11-27T10:00:00.400Z', now)).toBe(1);
    expect(secondsLeft('2026-11-27T10:01:00.000Z', now)).toBe(60);
  });
});
