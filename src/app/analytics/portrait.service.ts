import type { Period } from '../../domain/analytics/period';
import { allows } from '../../domain/auth/permissions';
import { notFound } from '../../domain/errors';
import {
  type ClvPredictionRow,
  newestClvPrediction,
} from '../../store/analytics/portrait-clv.repository';
import { findCustomerById } from '../../store/customers.repository';
import { businessToday } from '../business-today';
import type { Ctx } from '../context';
import { assertCustomerInScope } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { analyticsFilterSchema } from './analytics-filters';
import { periodOf } from './customer-columns';
import { type CustomerStanding, customerStanding } from './customer-standing';
import {
  type PortraitContact,
  type PortraitProfile,
  portraitContacts,
  profileOf,
} from './portrait-profile';
import { type RevenueHistory, revenueHistory } from './portrait-revenue';
import {
  HISTORY_MONTHS,
  type Satisfaction,
  type ServiceHistory,
  satisfaction,
  serviceHistory,
  windowEnding,
} from './portrait-service-history';
import { type PortraitTier, portraitTiers } from './portrait-tiers';
import { type PortraitVisits, portraitVisits } from './portrait-visits';

/** The analytics parts of a portrait, for readers holding analytics.read. */
export interface PortraitAnalytics {
  standing: Pick<CustomerStanding, 'customersInScope' | 'excluded'>;
  rfm: CustomerStanding['rfm'];
  lifecycle: CustomerStanding['lifecycle'];
  /** The newest finished lifetime-value model and the customer's prediction; null: no model. */
  clv: ClvPredictionRow | null;
}

/** Everything known about one customer, on one page. */
export interface Portrait {
  /** Today in the business time zone: visits and open tickets are as of this day. */
  today: string;
  /** The period the analytics parts compare over; history windows end with its last month. */
  period: Period;
  profile: PortraitProfile;
  tags: string[];
  owner: { id: number; name: string } | null;
  contacts: PortraitContact[];
  contactsMasked: boolean;
  visits: PortraitVisits;
  tiers: PortraitTier[];
  revenue: RevenueHistory;
  service: ServiceHistory;
  satisfaction: Satisfaction;
  /** Absent without analytics.read. */
  analytics?: PortraitAnalytics;
}

/**
 * The customer portrait: profile, tags, owner, contacts (masked unless customers.pii), visits
 * and the visit plan, the tier in every scheme with the run's explanation, revenue and profit
 * by month for 24 months, service history and satisfaction for 12 months, all ending with the
 * period's last month; and, for holders of analytics.read, the customer's RFM scores and
 * segment and lifecycle stage against the customers in the filters' scope, with CLV and
 * P(alive) from the newest finished model. Query: the analytics filters (period and scope).
 */
export async function customerPortrait(
  deps: Deps,
  ctx: Ctx,
  customerId: number,
  input: unknown,
): Promise<Portrait> {
  requirePermission(ctx, 'customers.read');
  const filters = parseInput(analyticsFilterSchema, input ?? {}, 'Invalid portrait query');
  const period = periodOf(deps, ctx, filters);
  const today = businessToday(deps, ctx);
  const db = deps.store.db;
  await assertCustomerInScope(db, ctx, customerId);
  const customer = await findCustomerById(db, customerId);
  if (!customer) throw notFound('Customer', customerId);
  const analytics = ctx.actor.id === null || allows(ctx.actor.permissions, 'analytics.read');
  const history = windowEnding(period.to, HISTORY_MONTHS);
  const [contacts, visits, tiers, revenue, service, sat, standing, clv] = await Promise.all([
    portraitContacts(deps, ctx, customerId),
    portraitVisits(deps, customerId, today, history),
    portraitTiers(deps, ctx, customerId, today),
    revenueHistory(deps, customerId, period.to),
    serviceHistory(deps, customerId, history),
    satisfaction(deps, customerId, history),
    analytics ? customerStanding(deps, ctx, filters, customerId) : undefined,
    analytics ? newestClvPrediction(db, customerId) : undefined,
  ]);
  const portrait: Portrait = {
    today,
    period,
    profile: profileOf(customer),
    tags: customer.tags,
    owner:
      customer.ownerId === null
        ? null
        : { id: customer.ownerId, name: customer.ownerName ?? String(customer.ownerId) },
    contacts: contacts.items,
    contactsMasked: contacts.masked,
    visits,
    tiers,
    revenue,
    service,
    satisfaction: sat,
  };
  if (standing) {
    portrait.analytics = {
      standing: { customersInScope: standing.customersInScope, excluded: standing.excluded },
      rfm: standing.rfm,
      lifecycle: standing.lifecycle,
      clv: clv ?? null,
    };
  }
  return portrait;
}
