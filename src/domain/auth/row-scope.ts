/**
 * Which customers a role's holders may see and touch. Applied by every query that returns or
 * changes customers (lists, search, exports, analytics, the front-line card, API and CLI).
 * - all: every customer;
 * - region: customers in the user's region (users.region);
 * - team: customers owned by anyone in the user's team (users.team), and the user's own;
 * - own: customers the user owns (customers.owner_id).
 */
export const ROW_SCOPES = ['all', 'region', 'team', 'own'] as const;

export type RowScope = (typeof ROW_SCOPES)[number];

/** True when `value` names a row scope. */
export function isRowScope(value: unknown): value is RowScope {
  return typeof value === 'string' && (ROW_SCOPES as readonly string[]).includes(value);
}
