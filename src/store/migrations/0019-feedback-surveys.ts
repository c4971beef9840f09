import type { Kysely } from 'kysely';
import { types, withId } from './column-types';

/**
 * Satisfaction surveys (after a ticket closes, and quarterly campaigns), feedback
 * classification with follow-up actions, and blacklist ("professional complainer") requests
 * that need a manager's approval before the tag is written.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = types(db);
  await withId(db, db.schema.createTable('survey_campaigns'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('quarter', 'text', (c) => c.notNull())
    // JSON { tiers: string[], allActive: boolean }
    .addColumn('audience', t.json, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('invited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('sent_at', t.instant)
    .addColumn('closed_at', t.instant)
    .execute();

  await withId(db, db.schema.createTable('survey_invitations'))
    // Only the SHA-256 of the token is kept: a leaked table does not let anyone answer.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('ticket_id', 'integer')
    .addColumn('campaign_id', 'integer', (c) =>
      c.references('survey_campaigns.id').onDelete('cascade'),
    )
    // The customer's service tier when invited, so campaign results split by tier as sent.
    .addColumn('tier', 'text')
    .addColumn('sent_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('answered_at', t.instant)
    .addColumn('created_by', 'integer')
    // One invitation a customer a campaign: a second send cannot double-invite.
    .addUniqueConstraint('survey_invitations_campaign_customer_uq', ['campaign_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('survey_invitations_ticket_idx')
    .on('survey_invitations')
    .column('ticket_id')
    .execute();

  await db.schema.alterTable('survey_responses').addColumn('ticket_id', 'integer').execute();
  await db.schema.alterTable('survey_responses').addColumn('campaign_id', 'integer').execute();
  await db.schema.alterTable('survey_responses').addColumn('invitation_id', 'integer').execute();
  await db.schema
    .createIndex('survey_responses_invitation_idx')
    .on('survey_responses')
    .column('invitation_id')
    .execute();

  await db.schema.alterTable('feedback').addColumn('classification', 'text').execute();
  await db.schema.alterTable('feedback').addColumn('classified_by', 'integer').execute();
  await db.schema.alterTable('feedback').addColumn('classified_at', t.instant).execute();

  await withId(db, db.schema.createTable('feedback_actions'))
    .addColumn('feedback_id', 'integer', (c) =>
      c.notNull().references('feedback.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'integer')
    .addColumn('due_on', t.date, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', t.instant)
    .addColumn('result', 'text')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('feedback_actions_feedback_idx')
    .on('feedback_actions')
    .column('feedback_id')
    .execute();
  await db.schema
    .createIndex('feedback_actions_status_due_idx')
    .on('feedback_actions')
    .columns(['status', 'due_on'])
    .execute();

  await withId(db, db.schema.createTable('blacklist_requests'))
    .addColumn('customer_id', 'integer', (c) =>
      c.notNull().references('customers.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull()) // add | remove
    .addColumn('reason', 'text', (c) => c.notNull())
    // JSON { ticketIds: number[], feedbackIds: number[] }
    .addColumn('evidence', t.json, (c) => c.notNull())
    .addColumn('requested_by', 'integer')
    .addColumn('status', 'text', (c) => c.notNull()) // pending | approved | refused
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', t.instant)
    .addColumn('decision_note', 'text')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('blacklist_requests_customer_idx')
    .on('blacklist_requests')
    .columns(['customer_id', 'status'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('blacklist_requests').ifExists().execute();
  await db.schema.dropTable('feedback_actions').ifExists().execute();
  for (const c of ['classified_at', 'classified_by', 'classification'])
    await db.schema.alterTable('feedback').dropColumn(c).execute();
  await db.schema.dropIndex('survey_responses_invitation_idx').ifExists().execute();
  for (const c of ['invitation_id', 'campaign_id', 'ticket_id'])
    await db.schema.alterTable('survey_responses').dropColumn(c).execute();
  await db.schema.dropTable('survey_invitations').ifExists().execute();
  await db.schema.dropTable('survey_campaigns').ifExists().execute();
}
