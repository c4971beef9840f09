import {
  AuditOutlined,
  BarChartOutlined,
  CustomerServiceOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** The product's areas, in menu order. */
export const AREAS = [
  'customers',
  'tiering',
  'reviews',
  'policies',
  'service',
  'analytics',
  'settings',
] as const;
export type Area = (typeof AREAS)[number];

export interface AreaInfo {
  path: string;
  icon: ReactNode;
  /** Any one of these permissions shows the area; none listed means every signed-in user. */
  anyOf: readonly string[];
}

export const AREA_INFO: Record<Area, AreaInfo> = {
  customers: { path: '/customers', icon: <TeamOutlined />, anyOf: ['customers.read'] },
  tiering: { path: '/tiering', icon: <ProfileOutlined />, anyOf: ['tiering.read'] },
  reviews: { path: '/reviews', icon: <AuditOutlined />, anyOf: ['tiering.read'] },
  policies: {
    path: '/policies',
    icon: <SafetyCertificateOutlined />,
    anyOf: ['customers.read', 'policies.manage', 'orders.check'],
  },
  service: {
    path: '/service',
    icon: <CustomerServiceOutlined />,
    anyOf: ['frontline.read', 'tickets.work', 'service.manage'],
  },
  analytics: { path: '/analytics', icon: <BarChartOutlined />, anyOf: ['analytics.read'] },
  settings: {
    path: '/settings',
    icon: <SettingOutlined />,
    anyOf: ['users.read', 'settings.manage', 'audit.read', 'tokens.manage'],
  },
};

/** Pages of the customers area, shown as its sub-menu; the key is the page's path. */
export const CUSTOMER_PAGES = [
  { path: '/customers', label: 'list', anyOf: ['customers.read'] },
  { path: '/customers/duplicates', label: 'duplicates', anyOf: ['customers.read'] },
  { path: '/customers/import', label: 'import', anyOf: ['customers.import'] },
] as const;

/** Pages of the policies area (what each tier gets and how the business follows it). */
export const POLICY_PAGES = [
  { path: '/policies', label: 'catalog', anyOf: ['customers.read', 'policies.manage'] },
  { path: '/policies/orders', label: 'orders', anyOf: ['orders.check'] },
  { path: '/policies/automation', label: 'automation', anyOf: ['customers.read'] },
  { path: '/policies/accounts', label: 'accounts', anyOf: ['customers.read'] },
  { path: '/policies/webhooks', label: 'webhooks', anyOf: ['policies.manage'] },
] as const;

/** Pages of the service area. */
export const SERVICE_PAGES = [
  { path: '/service', label: 'card', anyOf: ['frontline.read'] },
  { path: '/service/tickets', label: 'tickets', anyOf: ['tickets.work', 'customers.read'] },
  { path: '/service/kpis', label: 'kpis', anyOf: ['tickets.work', 'service.manage'] },
  { path: '/service/feedback', label: 'feedback', anyOf: ['tickets.work', 'service.manage'] },
  { path: '/service/sla', label: 'sla', anyOf: ['service.manage', 'tickets.work'] },
  { path: '/service/calendars', label: 'calendars', anyOf: ['service.manage', 'tickets.work'] },
] as const;

/** Pages of the analytics area (what a sales director opens every Monday). */
export const ANALYTICS_PAGES = [
  { path: '/analytics', label: 'value', anyOf: ['analytics.read'] },
  { path: '/analytics/rfm', label: 'rfm', anyOf: ['analytics.read'] },
  { path: '/analytics/tiers', label: 'tiers', anyOf: ['analytics.read'] },
  { path: '/analytics/ninegrid', label: 'ninegrid', anyOf: ['analytics.read'] },
  { path: '/analytics/lifecycle', label: 'lifecycle', anyOf: ['analytics.read'] },
  { path: '/analytics/clv', label: 'clv', anyOf: ['analytics.read'] },
  { path: '/analytics/service', label: 'service', anyOf: ['analytics.read'] },
  { path: '/analytics/reports', label: 'reports', anyOf: ['analytics.read'] },
] as const;

/** Areas with a sub-menu: their pages and the message group that names them. */
export const AREA_PAGES: Partial<
  Record<
    Area,
    {
      group: 'customerPages' | 'policyPages' | 'servicePages' | 'analyticsPages';
      pages: readonly { path: string; label: string; anyOf: readonly string[] }[];
    }
  >
> = {
  customers: { group: 'customerPages', pages: CUSTOMER_PAGES },
  policies: { group: 'policyPages', pages: POLICY_PAGES },
  service: { group: 'servicePages', pages: SERVICE_PAGES },
  analytics: { group: 'analyticsPages', pages: ANALYTICS_PAGES },
};

/** The areas a holder of these permissions may open, in menu order. */
export function visibleAreas(can: (permission: string) => boolean): Area[] {
  return AREAS.filter((a) => {
    const { anyOf } = AREA_INFO[a];
    return anyOf.length === 0 || anyOf.some(can);
  });
}

/** The area a path belongs to, for highlighting the menu. */
export function areaOfPath(pathname: string): Area | undefined {
  return AREAS.find((a) => {
    const p = AREA_INFO[a].path;
    return pathname === p || pathname.startsWith(`${p}/`);
  });
}
