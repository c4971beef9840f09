import type { Kysely } from 'kysely';
import { z } from 'zod';
import { allows } from '../../domain/auth/permissions';
import { type FieldIssue, validationError } from '../../domain/errors';
import type { ReportRecipients } from '../../store/analytics/reports.repository';
import type { DB } from '../../store/schema';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';

/** Most recipients of one kind a report may have. */
export const MAX_RECIPIENTS = 100;

/** Who a report goes to: users (in-app and e-mail to their address) and plain addresses. */
export const recipientsSchema = z
  .strictObject({
    userIds: z
      .array(
        z
          .number({ error: 'must be a user id' })
          .int('must be a user id')
          .positive('must be a user id'),
        { error: 'userIds must be a list of user ids' },
      )
      .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} users`)
      .default([]),
    emails: z
      .array(z.email({ error: 'must be an e-mail address such as li@example.com' }), {
        error: 'emails must be a list of e-mail addresses',
      })
      .max(MAX_RECIPIENTS, `at most ${MAX_RECIPIENTS} addresses`)
      .default([]),
  })
  .default({ userIds: [], emails: [] })
  .transform(
    (r): ReportRecipients => ({
      userIds: [...new Set(r.userIds)],
      emails: [...new Set(r.emails.map((e) => e.trim().toLowerCase()))],
    }),
  );

/** A user a report can be sent to. */
export interface RecipientUser {
  id: number;
  displayName: string;
  username: string;
  hasEmail: boolean;
  /**
   * Whether the user reads every stored report (row scope `all`). A scoped user reads only the
   * reports they made, so other reports are not delivered to them.
   */
  readsAll: boolean;
}

/** Active users whose role may read analytics (a report's link opens for them), by name. */
export async function listRecipientUsersOf(db: Kysely<DB>): Promise<RecipientUser[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('roles as r', 'r.id', 'u.role_id')
    .select(['u.id', 'u.display_name', 'u.username', 'u.email', 'r.permissions', 'r.row_scope'])
    .where('u.active', '=', 1)
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  return rows
    .filter((r) => allows(JSON.parse(r.permissions) as string[], 'analytics.read'))
    .map((r) => ({
      id: Number(r.id),
      displayName: r.display_name,
      username: r.username,
      hasEmail: !!r.email?.trim(),
      readsAll: r.row_scope === 'all',
    }));
}

/**
 * Of the users who may read analytics, those who can open a report made by `makerId` (null: the
 * scheduler): users who read every report, and the maker. A scoped user opens only their own.
 */
function readersOf(users: RecipientUser[], makerId: number | null): RecipientUser[] {
  return users.filter((u) => u.readsAll || u.id === makerId);
}

/**
 * The users a report can be sent to (needs analytics.manage: it is for choosing recipients):
 * those who can open a report the asking user makes now. Scheduled reports are checked against
 * the scheduler's readers when the schedule is saved.
 */
export async function listRecipientUsers(deps: Deps, ctx: Ctx): Promise<RecipientUser[]> {
  requirePermission(ctx, 'analytics.manage');
  return readersOf(await listRecipientUsersOf(deps.store.db), ctx.actor.id);
}

/**
 * Refuses recipients who cannot read the report made by `makerId` (null: the scheduler):
 * unknown or inactive users, users whose role lacks analytics.read, and users with a row scope,
 * who open only the reports they made. Errors name `<prefix>userIds.<i>`.
 */
export async function checkRecipients(
  deps: Deps,
  recipients: ReportRecipients,
  prefix: string,
  makerId: number | null,
): Promise<void> {
  if (recipients.userIds.length === 0) return;
  const all = await listRecipientUsersOf(deps.store.db);
  const analytics = new Set(all.map((u) => u.id));
  const ok = new Set(readersOf(all, makerId).map((u) => u.id));
  const issues: FieldIssue[] = [];
  recipients.userIds.forEach((id, i) => {
    if (!ok.has(id))
      issues.push({
        field: `${prefix}userIds.${i}`,
        message: analytics.has(id)
          ? `user ${id} sees only some customers (row scope) and cannot open this report`
          : `user ${id} is not an active user who may read analytics`,
        value: id,
      });
  });
  if (issues.length) throw validationError('Invalid report recipients', issues);
}
