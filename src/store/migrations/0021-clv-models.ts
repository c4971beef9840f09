import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Lifetime-value models: one row per fit (parameters, log-likelihood, holdout figures) and the
 * per-customer predictions of each model.
 *
 * Indexes: the top-customers list pages through one model's predictions by CLV or P(alive)
 * (`customer_clv_clv_ix`, `customer_clv_alive_ix`, with the customer id as tie-break); one
 * customer's prediction and the metric table read the primary key (model_id, customer_id).
 * Models are listed newest first by id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('clv_models'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('as_of', t.date, (c) => c.notNull())
    .addColumn('calibration_end', t.date, (c) => c.notNull())
    .addColumn('holdout_weeks', 'integer', (c) => c.notNull())
    .addColumn('time_unit', 'text', (c) => c.notNull())
    .addColumn('horizon_months', 'integer', (c) => c.notNull())
    .addColumn('discount_rate', t.float, (c) => c.notNull())
    .addColumn('margin', t.float)
    .addColumn('customers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('repeat_customers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scored_customers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('bg_r', t.float)
    .addColumn('bg_alpha', t.float)
    .addColumn('bg_a', t.float)
    .addColumn('bg_b', t.float)
    .addColumn('bg_log_likelihood', t.float)
    .addColumn('bg_iterations', 'integer')
    .addColumn('gg_p', t.float)
    .addColumn('gg_q', t.float)
    .addColumn('gg_gamma', t.float)
    .addColumn('gg_log_likelihood', t.float)
    .addColumn('gg_iterations', 'integer')
    .addColumn('gg_customers', 'integer')
    .addColumn('evaluation', t.json)
    .addColumn('distribution', t.json)
    .addColumn('warnings', t.json, (c) => c.notNull().defaultTo('[]'))
    .addColumn('error', 'text')
    .addColumn('predictions_kept', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('job_id', 'integer')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('finished_at', t.instant)
    .execute();
  await db.schema.createIndex('clv_models_job_ix').on('clv_models').column('job_id').execute();

  await db.schema
    .createTable('customer_clv')
    .addColumn('model_id', 'integer', (c) =>
      c.notNull().references('clv_models.id').onDelete('cascade'),
    )
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('x', 'integer', (c) => c.notNull())
    .addColumn('t_x', t.float, (c) => c.notNull())
    .addColumn('t_total', t.float, (c) => c.notNull())
    .addColumn('monetary_minor', t.big, (c) => c.notNull())
    .addColumn('p_alive', t.float, (c) => c.notNull())
    .addColumn('expected_purchases', t.float, (c) => c.notNull())
    .addColumn('expected_spend_minor', t.big)
    .addColumn('clv_minor', t.big)
    .addPrimaryKeyConstraint('customer_clv_pk', ['model_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_clv_clv_ix')
    .on('customer_clv')
    .columns(['model_id', 'clv_minor', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('customer_clv_alive_ix')
    .on('customer_clv')
    .columns(['model_id', 'p_alive', 'customer_id'])
    .execute();
  // Deleting a customer deletes its predictions; an index on customer_id keeps that cheap.
  await db.schema
    .createIndex('customer_clv_customer_ix')
    .on('customer_clv')
    .column('customer_id')
    .execute();
}

/** Drops the lifetime-value tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('customer_clv').ifExists().execute();
  await db.schema.dropTable('clv_models').ifExists().execute();
}
