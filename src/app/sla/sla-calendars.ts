import type { Kysely } from 'kysely';
import type { BusinessCalendar } from '../../domain/calendar';
import { listCalendars } from '../../store/calendars/calendars.repository';
import type { DB } from '../../store/schema';
import { loadCalendar } from '../calendars/calendar-cache';

export interface CalendarChoice {
  key: string;
  name: { zh: string; en: string };
  shipped: boolean;
}

function nameOf(document: unknown, key: string): { zh: string; en: string } {
  const n = (document as { name?: { zh?: unknown; en?: unknown } } | null)?.name;
  return typeof n?.zh === 'string' && typeof n.en === 'string'
    ? { zh: n.zh, en: n.en }
    : { zh: key, en: key };
}

/** The business calendars a policy may name (table `business_calendars`), builtins first. */
export async function slaCalendarChoices(db: Kysely<DB>): Promise<CalendarChoice[]> {
  const rows = await listCalendars(db);
  return rows.map((r) => ({ key: r.key, name: nameOf(r.document, r.key), shipped: r.builtin }));
}

/**
 * The calendars behind a set of keys, loaded once each (NOT_FOUND for a key that no longer
 * exists), as a lookup for the pure deadline code.
 */
export async function slaCalendars(
  db: Kysely<DB>,
  keys: Iterable<string>,
): Promise<(key: string) => BusinessCalendar> {
  const loaded = new Map<string, BusinessCalendar>();
  for (const key of new Set(keys)) loaded.set(key, await loadCalendar(db, key));
  return (key) => {
    const cal = loaded.get(key);
    if (!cal) throw new Error(`calendar ${key} was not loaded`);
    return cal;
  };
}
