import {
  type ColumnBuilderCallback,
  type ColumnDataType,
  type Expression,
  type Kysely,
  sql,
} from 'kysely';
import { types, withId } from './column-types';

/**
 * Service tickets grow from a fact table into a worked queue. The existing `tickets` table is
 * extended, not replaced: every new column is nullable or has a default, so rows written before
 * (demo data, imports, the bulk writer that lists the old columns only) stay valid and readable.
 * `category` keeps the top-level code that older readers group by; `category_path` holds the
 * full taxonomy code. Old rows' status 'open' becomes 'new' (readers also accept 'open').
 */
const ADDED_COLUMNS = [
  'category_path',
  'contact_id',
  'contact_name',
  'contact_phone_enc',
  'channel',
  'description',
  'assignee_id',
  'source',
  'verified',
  'external_ref',
  'idempotency_key',
  'created_by',
  'updated_at',
  'first_replied_at',
  'resolved_at',
  'confirmed_at',
  'followed_up_at',
  'reopened_count',
  'version',
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  // One ALTER a column: SQLite takes a single ADD COLUMN per statement.
  const add = (
    column: string,
    type: ColumnDataType | Expression<unknown>,
    build?: ColumnBuilderCallback,
  ) => db.schema.alterTable('tickets').addColumn(column, type, build).execute();
  await add('category_path', 'text');
  await add('contact_id', 'integer');
  await add('contact_name', 'text');
  await add('contact_phone_enc', 'text');
  await add('channel', 'text');
  await add('description', 'text');
  await add('assignee_id', 'integer');
  await add('source', 'text'); // staff | public_form | api
  await add('verified', 'integer', (c) => c.notNull().defaultTo(1));
  await add('external_ref', 'text');
  await add('idempotency_key', 'text');
  await add('created_by', 'integer');
  await add('updated_at', t.instant);
  await add('first_replied_at', t.instant);
  await add('resolved_at', t.instant);
  await add('confirmed_at', t.instant);
  await add('followed_up_at', t.instant);
  await add('reopened_count', 'integer', (c) => c.notNull().defaultTo(0));
  await add('version', 'integer', (c) => c.notNull().defaultTo(1));

  // Old rows: the path is the top-level code; 'open' is the state machine's 'new'.
  await sql`update tickets set category_path = category where category_path is null`.execute(db);
  await sql`update tickets set status = 'new' where status = 'open'`.execute(db);

  await db.schema
    .createIndex('tickets_status_assignee_idx')
    .on('tickets')
    .columns(['status', 'assignee_id'])
    .execute();
  await db.schema
    .createIndex('tickets_idempotency_uq')
    .on('tickets')
    .column('idempotency_key')
    .unique()
    .execute();

  await withId(db, db.schema.createTable('ticket_messages'), true)
    .addColumn('ticket_id', t.big, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // reply | note | follow_up | status | created | assignment
    .addColumn('author_id', 'integer') // null: the customer or the system
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull()) // public | internal
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_messages_ticket_idx')
    .on('ticket_messages')
    .columns(['ticket_id', 'created_at'])
    .execute();

  await withId(db, db.schema.createTable('ticket_attachments'), true)
    .addColumn('ticket_id', t.big, (c) => c.notNull().references('tickets.id').onDelete('cascade'))
    .addColumn('message_id', t.big)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ticket_attachments_ticket_idx')
    .on('ticket_attachments')
    .column('ticket_id')
    .execute();
}

/** Removes what `up` added: tables, indexes and the ticket columns; 'new' reads as 'open' again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ticket_attachments').ifExists().execute();
  await db.schema.dropTable('ticket_messages').ifExists().execute();
  await db.schema.dropIndex('tickets_idempotency_uq').ifExists().execute();
  await db.schema.dropIndex('tickets_status_assignee_idx').ifExists().execute();
  await sql`update tickets set status = 'open' where status = 'new'`.execute(db);
  for (const column of [...ADDED_COLUMNS].reverse())
    await db.schema.alterTable('tickets').dropColumn(column).execute();
}
