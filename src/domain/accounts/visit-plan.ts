import type { TierPolicy } from '../policy/policy.schema';
import { monthIndex } from './month';

export type VisitRule = TierPolicy['visits'];

/** What one customer is planned for in a month. */
export interface PlannedVisits {
  /** Visits planned: the tier's minimum (fractions round up). */
  planned: number;
  /** The most the tier's policy asks for: the plan's ceiling. */
  ceiling: number;
}

/**
 * Visits a customer is planned for in a month under its tier's rule (seed 002). Ordinary
 * customers get the tier's minimum as the plan and its maximum as the ceiling. Group customers
 * (集团客户) of a tier with a group cadence get one visit every `groupEveryMonths` months
 * instead, in calendar-aligned months (every 2: odd months; every 3: quarter starts), so every
 * planner lands on the same months without remembering when a group was last visited.
 */
export function plannedVisits(rule: VisitRule, isGroup: boolean, month: string): PlannedVisits {
  if (isGroup && rule.groupEveryMonths !== null) {
    const due = monthIndex(month) % rule.groupEveryMonths === 0;
    return due ? { planned: 1, ceiling: Math.max(1, Math.floor(rule.maxPerMonth)) } : none;
  }
  const planned = Math.ceil(rule.minPerMonth);
  return { planned, ceiling: Math.max(planned, Math.floor(rule.maxPerMonth)) };
}

const none: PlannedVisits = { planned: 0, ceiling: 0 };

/**
 * A priority customer (the coverage KPI of seed 004) is one whose tier's policy asks for at
 * least one visit every month, and who is due a visit this month (group customers only count
 * in the months their cadence plans a visit).
 */
export function isPriority(rule: VisitRule, visits: PlannedVisits): boolean {
  return rule.minPerMonth >= 1 && visits.planned >= 1;
}

export interface PlanCustomer {
  customerId: number;
  ownerId: number | null;
  /** Customer type; 'group' customers follow the group cadence. */
  type: string;
  /** Tier in force, or null when the customer has none (no plan then). */
  tier: string | null;
}

export interface PlanLine {
  customerId: number;
  ownerId: number | null;
  tier: string;
  planned: number;
  ceiling: number;
  priority: boolean;
}

/**
 * The month's visit plan: one line for every customer with at least one planned visit, under
 * the owner it has now (null: the pool or not yet assigned). Customers without a tier, or whose
 * tier has no policy, get no line.
 */
export function planMonth(
  customers: readonly PlanCustomer[],
  rules: ReadonlyMap<string, VisitRule>,
  month: string,
): PlanLine[] {
  const out: PlanLine[] = [];
  for (const c of customers) {
    const rule = c.tier === null ? undefined : rules.get(c.tier);
    if (!rule || c.tier === null) continue;
    const v = plannedVisits(rule, c.type === 'group', month);
    if (v.planned < 1) continue;
    out.push({
      customerId: c.customerId,
      ownerId: c.ownerId,
      tier: c.tier,
      planned: v.planned,
      ceiling: v.ceiling,
      priority: isPriority(rule, v),
    });
  }
  return out;
}
