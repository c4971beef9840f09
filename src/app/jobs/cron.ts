import { Cron } from 'croner';
import { DomainError } from '../../domain/errors';

/** Checks an IANA time zone name with the runtime's own tz database. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The first occurrence of a cron expression strictly after `after`, read in `timeZone` (so
 * `0 0 20 12 *` means midnight of 20 December in Shanghai, not in UTC). Null when the expression
 * has no future occurrence. Throws VALIDATION naming the field for a bad expression or zone.
 */
export function nextOccurrence(cron: string, timeZone: string, after: Date): Date | null {
  if (!isTimeZone(timeZone))
    throw new DomainError('VALIDATION', 'Invalid schedule', {
      issues: [{ field: 'timezone', message: 'timezone must be an IANA time zone' }],
    });
  let pattern: Cron;
  try {
    pattern = new Cron(cron, { timezone: timeZone, paused: true });
  } catch (e) {
    throw new DomainError('VALIDATION', 'Invalid schedule', {
      issues: [{ field: 'cron', message: (e as Error).message }],
    });
  }
  return pattern.nextRun(after);
}
