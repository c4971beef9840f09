import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';
import { types, withId } from './column-types';

/**
 * The full customer file (credit code, GB/T 2260 region, custom fields, merge status),
 * contacts with encrypted personal data, addresses, tags, custom field definitions, the remaining
 * fact tables, merge history, and import mappings and runs.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  const customerRef = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('customers.id').onDelete('cascade');

  for (const [name, type] of [
    ['credit_code', 'text'],
    ['name_key', 'text'],
    ['district', 'text'],
    ['region_code', 'text'],
    ['source', 'text'],
    ['merged_into_id', 'integer'],
  ] as const) {
    await db.schema.alterTable('customers').addColumn(name, type).execute();
  }
  await db.schema
    .alterTable('customers')
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  // 'active' or 'merged' (a merged-away record stays so its code resolves to the survivor).
  await db.schema
    .alterTable('customers')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active'))
    .execute();
  await db.schema
    .createIndex('customers_credit_code_uq')
    .on('customers')
    .column('credit_code')
    .unique()
    .where(sql.ref('credit_code'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('customers_name_key_idx')
    .on('customers')
    .column('name_key')
    .execute();
  await db.schema.createIndex('customers_status_idx').on('customers').column('status').execute();

  await withId(db, db.schema.createTable('customer_addresses'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('region_code', 'text')
    .addColumn('province', 'text')
    .addColumn('city', 'text')
    .addColumn('district', 'text')
    .addColumn('line', 'text', (c) => c.notNull())
    .addColumn('postal_code', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('addresses_customer_idx')
    .on('customer_addresses')
    .column('customer_id')
    .execute();

  await withId(db, db.schema.createTable('contacts'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('role', 'text')
    .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('phone_enc', 'text')
    .addColumn('phone_hash', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('email_hash', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('contacts_customer_idx')
    .on('contacts')
    .column('customer_id')
    .execute();
  await db.schema.createIndex('contacts_phone_idx').on('contacts').column('phone_hash').execute();
  await db.schema.createIndex('contacts_email_idx').on('contacts').column('email_hash').execute();

  await db.schema
    .createTable('customer_tags')
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('customer_tags_pk', ['customer_id', 'tag'])
    .execute();
  await db.schema.createIndex('customer_tags_tag_idx').on('customer_tags').column('tag').execute();

  await withId(db, db.schema.createTable('custom_field_defs'))
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('label_zh', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('options', t.json)
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  for (const [name, type] of [
    ['product', 'text'],
    ['quantity', 'integer'],
  ] as const) {
    await db.schema.alterTable('orders').addColumn(name, type).execute();
  }
  await db.schema.createIndex('orders_no_uq').on('orders').column('order_no').unique().execute();
  await db.schema
    .createIndex('payments_invoice_uq')
    .on('payments')
    .column('invoice_no')
    .unique()
    .execute();

  await withId(db, db.schema.createTable('order_lines'), true)
    .addColumn('order_id', t.big, (c) => c.notNull().references('orders.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('unit_price_minor', t.big, (c) => c.notNull())
    .addColumn('amount_minor', t.big, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_lines_order_idx')
    .on('order_lines')
    .column('order_id')
    .execute();

  await withId(db, db.schema.createTable('contracts'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('contract_no', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('signed_on', t.date)
    .addColumn('start_on', t.date, (c) => c.notNull())
    .addColumn('end_on', t.date)
    .addColumn('amount_minor', t.big)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('contracts_customer_idx')
    .on('contracts')
    .column('customer_id')
    .execute();

  await withId(db, db.schema.createTable('feedback'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('received_on', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_customer_idx')
    .on('feedback')
    .column('customer_id')
    .execute();

  await withId(db, db.schema.createTable('visits'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visited_on', t.date, (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('visits_customer_idx').on('visits').column('customer_id').execute();

  await withId(db, db.schema.createTable('referrals'))
    .addColumn('referrer_id', 'integer', customerRef)
    .addColumn('referred_id', 'integer', customerRef)
    .addColumn('referred_on', t.date, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('referrals_pair_uq', ['referrer_id', 'referred_id'])
    .execute();
  await db.schema
    .createIndex('referrals_referred_idx')
    .on('referrals')
    .column('referred_id')
    .execute();

  await withId(db, db.schema.createTable('competitor_usage'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('competitor', 'text', (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('noted_on', t.date, (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competitor_customer_idx')
    .on('competitor_usage')
    .column('customer_id')
    .execute();

  await withId(db, db.schema.createTable('inventory_stagnation'))
    .addColumn('customer_id', 'integer', customerRef)
    .addColumn('reported_on', t.date, (c) => c.notNull())
    .addColumn('product', 'text')
    .addColumn('stagnant_quantity', 'integer')
    .addColumn('stagnant_value_minor', t.big, (c) => c.notNull())
    .addColumn('days_stagnant', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('stagnation_customer_idx')
    .on('inventory_stagnation')
    .column('customer_id')
    .execute();

  await withId(db, db.schema.createTable('customer_merges'))
    .addColumn('survivor_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('merged_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('merged_code', 'text', (c) => c.notNull())
    .addColumn('merged_name', 'text', (c) => c.notNull())
    .addColumn('reasons', t.json, (c) => c.notNull())
    .addColumn('moved', t.json, (c) => c.notNull())
    .addColumn('merged_at', t.instant, (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .execute();

  await withId(db, db.schema.createTable('import_mappings'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', t.json, (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('import_mappings_name_uq', ['kind', 'name'])
    .execute();

  await withId(db, db.schema.createTable('import_runs'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_created', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error_report', 'text')
    .addColumn('message', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('started_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .execute();
}

/** Drops what this migration added (columns on customers/orders stay: SQLite cannot drop them all). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'import_runs',
    'import_mappings',
    'customer_merges',
    'inventory_stagnation',
    'competitor_usage',
    'referrals',
    'visits',
    'feedback',
    'contracts',
    'order_lines',
    'custom_field_defs',
    'customer_tags',
    'contacts',
    'customer_addresses',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
