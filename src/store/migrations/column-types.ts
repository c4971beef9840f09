import {
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  PostgresAdapter,
  sql,
} from 'kysely';

/** True when the migration runs on PostgreSQL. Migrations are shared; only column types differ. */
export function isPostgres(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** Column type helpers so one migration serves both engines. */
export function types(db: Kysely<unknown>) {
  const pg = isPostgres(db);
  return {
    /** An instant: timestamptz on PostgreSQL, ISO text on SQLite. */
    instant: pg ? sql`timestamptz` : sql`text`,
    /** A calendar date: date on PostgreSQL, YYYY-MM-DD text on SQLite. */
    date: pg ? sql`date` : sql`text`,
    /** Money in minor units and other large counts. */
    big: pg ? sql`bigint` : sql`integer`,
    /** A double-precision number (scores). */
    float: pg ? sql`double precision` : sql`real`,
    /** JSON document stored as text on both engines. */
    json: sql`text`,
  } as const;
}

/** Adds an auto-generated integer primary key named `id`. */
export function withId<T extends string>(
  db: Kysely<unknown>,
  tb: CreateTableBuilder<T, never>,
  big = false,
): CreateTableBuilder<T, 'id'> {
  const pg = isPostgres(db);
  return tb.addColumn('id', pg && big ? 'bigint' : 'integer', (c: ColumnDefinitionBuilder) =>
    pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
  );
}
