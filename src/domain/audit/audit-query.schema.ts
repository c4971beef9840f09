import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of the time range: a calendar date (business time zone) or an ISO instant. */
const bound = (field: string) =>
  z
    .string()
    .trim()
    .refine(
      (v) => DATE.test(v) || !Number.isNaN(Date.parse(v)),
      `${field} must be a date (2026-11-27) or an ISO instant (2026-11-27T08:00:00Z)`,
    );

const text = (max: number) => z.string().trim().min(1).max(max);

/** Filters of the audit viewer and its export. */
export const auditFilterInput = z.object({
  /** From this date or instant on (inclusive). */
  from: bound('from').optional(),
  /** Up to this date (inclusive, the whole day) or instant (exclusive). */
  to: bound('to').optional(),
  /** Sign-in name of the actor (or `system`). */
  actor: text(100).optional(),
  /** Actions starting with this text: `customer.` finds every customer action. */
  action: text(100).optional(),
  entity: text(100).optional(),
  entityId: text(100).optional(),
  /** Text found anywhere in the entry, including its before and after. */
  q: text(200).optional(),
});
export type AuditFilterInput = z.infer<typeof auditFilterInput>;

/** The audit viewer's query: filters and paging (newest first). */
export const listAuditQuery = auditFilterInput.extend({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ListAuditQuery = z.infer<typeof listAuditQuery>;

/** True when a bound is a bare calendar date (read in the business time zone). */
export function isCalendarDate(v: string): boolean {
  return DATE.test(v);
}
