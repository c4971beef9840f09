import type { Kysely } from 'kysely';
import { shippedCalendars } from '../calendars/shipped-calendar-rows';
import { types, withId } from './column-types';

/**
 * Business calendars (working hours, holidays, make-up working days) that SLA clocks count on.
 * The shipped calendars — mainland China 2025–2026 (State Council schedule) and 24×7 — are
 * inserted here, so every database has them from its first start without any boot step; later
 * years are added by editing or importing (the rows are editable, "reset" restores shipped data).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('business_calendars'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('document', t.json, (c) => c.notNull())
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  // Kysely<unknown> has no table types in a migration; the row shape is the table's.
  const typed = db as unknown as Kysely<{
    business_calendars: {
      key: string;
      document: string;
      builtin: number;
      version: number;
      created_at: string;
      updated_at: string;
    };
  }>;
  for (const s of shippedCalendars()) {
    await typed
      .insertInto('business_calendars')
      .values({
        key: s.key,
        document: JSON.stringify(s.document),
        builtin: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('business_calendars').ifExists().execute();
}
