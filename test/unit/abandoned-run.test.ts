import { describe, expect, it } from 'vitest';
import { isAbandonedRun, parseRunner, runnerText } from '../../src/domain/import/abandoned-run';

describe('abandoned import runs', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  const here = (alive: number[]) => ({
    host: 'app-1',
    now,
    alive: (pid: number) => alive.includes(pid),
  });

  it('reads and writes host:pid, hosts with colons included', () => {
    expect(runnerText({ host: 'app-1', pid: 42 })).toBe('app-1:42');
    expect(parseRunner('app-1:42')).toEqual({ host: 'app-1', pid: 42 });
    expect(parseRunner('fe80::1:7')).toEqual({ host: 'fe80::1', pid: 7 });
    expect(parseRunner(null)).toBeUndefined();
    expect(parseRunner('app-1')).toBeUndefined();
    expect(parseRunner('app-1:x')).toBeUndefined();
    expect(parseRunner(':5')).toBeUndefined();
  });

  it('calls a run abandoned when its process on this host is gone, or it has no runner', () => {
    const startedAt = '2026-03-01T11:59:00Z';
    expect(isAbandonedRun({ runner: 'app-1:42', startedAt }, here([42]))).toBe(false);
    expect(isAbandonedRun({ runner: 'app-1:42', startedAt }, here([]))).toBe(true);
    expect(isAbandonedRun({ runner: null, startedAt }, here([42]))).toBe(true);
  });

  it('judges a run of another host by its age', () => {
    const fresh = { runner: 'app-2:42', startedAt: '2026-03-01T07:00:00Z' };
    const old = { runner: 'app-2:42', startedAt: '2026-03-01T05:59:00Z' };
    expect(isAbandonedRun(fresh, here([]))).toBe(false);
    expect(isAbandonedRun(old, here([]))).toBe(true);
  });
});
