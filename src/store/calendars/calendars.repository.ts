import type { Kysely, Selectable } from 'kysely';
import type { BusinessCalendar } from '../../domain/calendar';
import { instantText } from '../row-values';
import type { DB } from '../schema';
import type { BusinessCalendarsTable } from './calendars.tables';

/** A calendar row as the app reads it; the document is parsed again by the service. */
export interface CalendarRow {
  id: number;
  key: string;
  document: unknown;
  builtin: boolean;
  version: number;
  createdBy: number | null;
  createdAt: string;
  updatedBy: number | null;
  updatedAt: string;
}

const idOrNull = (v: unknown) => (v == null ? null : Number(v));

function toRow(r: Selectable<BusinessCalendarsTable>): CalendarRow {
  return {
    id: Number(r.id),
    key: r.key,
    document: JSON.parse(r.document) as unknown,
    builtin: Number(r.builtin) === 1,
    version: Number(r.version),
    createdBy: idOrNull(r.created_by),
    createdAt: instantText(r.created_at),
    updatedBy: idOrNull(r.updated_by),
    updatedAt: instantText(r.updated_at),
  };
}

/** Every calendar, builtins first, then by key. */
export async function listCalendars(db: Kysely<DB>): Promise<CalendarRow[]> {
  const rows = await db
    .selectFrom('business_calendars')
    .selectAll()
    .orderBy('builtin', 'desc')
    .orderBy('key')
    .execute();
  return rows.map(toRow);
}

/** One calendar by numeric id or by key (a text that is all digits is read as an id). */
export async function findCalendar(
  db: Kysely<DB>,
  idOrKey: number | string,
): Promise<CalendarRow | undefined> {
  const byId = typeof idOrKey === 'number' || /^\d+$/.test(idOrKey);
  const q = db.selectFrom('business_calendars').selectAll();
  const r = await (byId
    ? q.where('id', '=', Number(idOrKey))
    : q.where('key', '=', String(idOrKey))
  ).executeTakeFirst();
  return r ? toRow(r) : undefined;
}

/** Inserts a calendar and returns its id. */
export async function insertCalendar(
  db: Kysely<DB>,
  c: { key: string; document: BusinessCalendar; builtin: boolean; actorId: number | null },
  now: string,
): Promise<number> {
  const r = await db
    .insertInto('business_calendars')
    .values({
      key: c.key,
      document: JSON.stringify(c.document),
      builtin: c.builtin ? 1 : 0,
      version: 1,
      created_by: c.actorId,
      created_at: now,
      updated_by: c.actorId,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/**
 * Replaces a calendar's document when its version is still `version` (optimistic lock);
 * false when someone saved first.
 */
export async function updateCalendarDocument(
  db: Kysely<DB>,
  id: number,
  version: number,
  document: BusinessCalendar,
  actorId: number | null,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('business_calendars')
    .set({
      document: JSON.stringify(document),
      version: version + 1,
      updated_by: actorId,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Deletes a calendar row (the service refuses builtins first). */
export async function deleteCalendar(db: Kysely<DB>, id: number): Promise<void> {
  await db.deleteFrom('business_calendars').where('id', '=', id).execute();
}
