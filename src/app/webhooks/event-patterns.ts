/**
 * Event subscriptions of an endpoint: exact kinds (`tier.changed`), a prefix with a wildcard
 * (`automation.*`, matching `automation.late_payments` and deeper names), or `*` for everything.
 */
export const EVENT_PATTERN = /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)*(\.\*)?)$/;

/** True when `kind` is one of the events `patterns` subscribe to. */
export function matchesEvent(patterns: readonly string[], kind: string): boolean {
  return patterns.some((p) => {
    if (p === '*') return true;
    if (p.endsWith('.*')) return kind.startsWith(p.slice(0, -1));
    return p === kind;
  });
}

/** Event kinds the product sends today, offered as choices when subscribing. */
export const KNOWN_EVENT_KINDS = [
  'automation.late_payments',
  'automation.silent_customer',
  'automation.satisfaction',
  'automation.complaint_tag',
  'tier.changed',
  'tiers.published',
  'webhook.test',
  'ticket.created',
  'ticket.assigned',
  'ticket.sla_warned',
  'ticket.sla_breached',
  'ticket.sla_escalated',
  'ticket.sla_quick_response',
  'clv.fitted',
  'clv.fit_failed',
  'analytics.report',
] as const;
