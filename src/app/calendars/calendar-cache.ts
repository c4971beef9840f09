import type { Kysely } from 'kysely';
import { type BusinessCalendar, parseBusinessCalendar } from '../../domain/calendar';
import { notFound } from '../../domain/errors';
import { findCalendar } from '../../store/calendars/calendars.repository';
import type { DB } from '../../store/schema';

interface Entry {
  id: number;
  version: number;
  cal: BusinessCalendar;
}

/**
 * Parsed calendars per database handle, by id and by key. SLA clocks ask for the same calendar
 * for every ticket; keeping one parsed object also keeps the domain's compiled-calendar cache
 * (keyed by object identity) warm. Each load still reads the row's version (one indexed row),
 * so an edit made by another process (the CLI importing 2027) is seen at once.
 */
const caches = new WeakMap<object, Map<string, Entry>>();

function cacheOf(db: Kysely<DB>): Map<string, Entry> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  return cache;
}

async function currentVersion(db: Kysely<DB>, id: number): Promise<number | undefined> {
  const r = await db
    .selectFrom('business_calendars')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  return r ? Number(r.version) : undefined;
}

/**
 * The business calendar with this id or key, validated (NOT_FOUND when there is none). The
 * object returned is shared while the calendar is unchanged: treat it as immutable. Load it once
 * per batch of tickets rather than once per ticket.
 */
export async function loadCalendar(
  db: Kysely<DB>,
  idOrKey: number | string,
): Promise<BusinessCalendar> {
  const cache = cacheOf(db);
  const hit = cache.get(String(idOrKey));
  if (hit && (await currentVersion(db, hit.id)) === hit.version) return hit.cal;
  const row = await findCalendar(db, idOrKey);
  if (!row) throw notFound('Business calendar', idOrKey);
  const entry = { id: row.id, version: row.version, cal: parseBusinessCalendar(row.document) };
  cache.set(String(row.id), entry);
  cache.set(row.key, entry);
  return entry.cal;
}

/** Forgets every cached calendar of a database handle (after a calendar is saved or deleted). */
export function invalidateCalendarCache(db: Kysely<DB>): void {
  caches.delete(db);
}
