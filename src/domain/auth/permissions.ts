import type { RowScope } from './row-scope';

/**
 * Every permission a route or use case can require. Routes declare one of these, or
 * 'public' (no sign-in) or 'authenticated' (any signed-in user); a route that declares
 * nothing is refused.
 */
export const PERMISSIONS = [
  'customers.read',
  'customers.write',
  'customers.export',
  /** See personal data (phones, e-mails, ID numbers) in full rather than masked. */
  'customers.pii',
  /** Import files of customers and facts. */
  'customers.import',
  'users.read',
  'users.manage',
  'roles.manage',
  'audit.read',
  'settings.manage',
  'demo.load',
  /** See tiering schemes, runs and results. */
  'tiering.read',
  /** Create and edit tiering schemes. */
  'tiering.manage',
  /** Run a scheme and try what-if changes. */
  'tiering.run',
  /** Start, extend and cancel review cycles; publish a run without a cycle. */
  'reviews.manage',
  /** See background jobs (scheduled and long work) with their progress and errors. */
  'jobs.read',
  /** Edit tier policies, automation rules and webhook endpoints. */
  'policies.manage',
  /** Check orders against the customer's tier policy and see the order queue. */
  'orders.check',
  /** Look up the front-line card (tier, tags, entitlements, open tickets) of any customer. */
  'frontline.read',
  /** Record the use of a customer's entitlement (lounge, SIM replacement, gift …). */
  'entitlements.use',
  /** Assign and reassign account managers, and plan visits for others. */
  'accounts.manage',
  /** Take, answer and move service tickets. */
  'tickets.work',
  /** Edit business calendars, SLA policies and the ticket category taxonomy. */
  'service.manage',
  /** Open the analytics area: value curves, RFM, nine-grid, lifecycle, CLV, tier trends. */
  'analytics.read',
  /** Fit lifetime-value models and schedule analytics reports. */
  'analytics.manage',
  /** Create, list and revoke API tokens for integrations. */
  'tokens.manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];
export type RouteAccess = Permission | 'public' | 'authenticated';

export interface RoleDefinition {
  id: string;
  nameZh: string;
  nameEn: string;
  permissions: Permission[];
  /** Which customers holders see; 'all' when left out. */
  rowScope?: RowScope;
}

const ALL: Permission[] = [...PERMISSIONS];

/** The roles seeded on first start (seed 002's organisation: sales, finance, service, management). */
export const BUILTIN_ROLES: RoleDefinition[] = [
  { id: 'admin', nameZh: '系统管理员', nameEn: 'Administrator', permissions: ALL },
  {
    id: 'general_manager',
    nameZh: '总经理',
    nameEn: 'General manager',
    permissions: [
      'customers.read',
      'customers.write',
      'customers.export',
      'customers.pii',
      'customers.import',
      'users.read',
      'audit.read',
      'tiering.read',
      'tiering.run',
      'reviews.manage',
      'policies.manage',
      'orders.check',
      'frontline.read',
      'entitlements.use',
      'accounts.manage',
      'tickets.work',
      'service.manage',
      'analytics.read',
      'analytics.manage',
      'tokens.manage',
    ],
  },
  {
    id: 'sales_manager',
    nameZh: '销售经理',
    nameEn: 'Sales manager',
    rowScope: 'region',
    permissions: [
      'customers.read',
      'customers.write',
      'customers.export',
      'customers.pii',
      'customers.import',
      'users.read',
      'tiering.read',
      'tiering.run',
      'orders.check',
      'frontline.read',
      'entitlements.use',
      'accounts.manage',
      'analytics.read',
    ],
  },
  {
    id: 'account_manager',
    nameZh: '客户经理',
    nameEn: 'Account manager',
    rowScope: 'own',
    permissions: [
      'customers.read',
      'customers.write',
      'customers.pii',
      'tiering.read',
      'orders.check',
      'frontline.read',
      'entitlements.use',
      'tickets.work',
    ],
  },
  {
    id: 'finance',
    nameZh: '财务',
    nameEn: 'Finance',
    permissions: [
      'customers.read',
      'customers.export',
      'tiering.read',
      'orders.check',
      'frontline.read',
      'analytics.read',
    ],
  },
  {
    id: 'service_agent',
    nameZh: '客服专员',
    nameEn: 'Service agent',
    permissions: [
      'customers.read',
      'tiering.read',
      'frontline.read',
      'entitlements.use',
      'tickets.work',
    ],
  },
  {
    id: 'service_supervisor',
    nameZh: '客服主管',
    nameEn: 'Service supervisor',
    permissions: [
      'customers.read',
      'users.read',
      'tiering.read',
      'frontline.read',
      'entitlements.use',
      'tickets.work',
      'service.manage',
      'analytics.read',
    ],
  },
  {
    id: 'auditor',
    nameZh: '审计员',
    nameEn: 'Auditor',
    permissions: ['customers.read', 'audit.read', 'users.read', 'tiering.read'],
  },
];

/** True when a holder of `granted` may do what `required` asks. */
export function allows(granted: readonly string[], required: RouteAccess): boolean {
  if (required === 'public' || required === 'authenticated') return true;
  return granted.includes(required);
}
