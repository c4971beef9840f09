import { monthEnd } from '../../domain/analytics/period';
import {
  planMonths,
  recentVisits,
  type VisitRow,
  visitCount,
} from '../../store/analytics/portrait.repository';
import type { Deps } from '../deps';
import type { MonthWindow } from './portrait-service-history';

/** How many of the newest visits the portrait lists, and how many plan months ahead. */
const RECENT_VISITS = 5;
const PLAN_MONTHS = 3;

/** One month of the visit plan with the visits made in it so far. */
export interface PlanMonth {
  month: string;
  planned: number;
  made: number;
  ownerName: string | null;
}

/** Visits made and planned. */
export interface PortraitVisits {
  /** The newest visits up to today, newest first. */
  recent: VisitRow[];
  /** Visits made in the history window. */
  inWindow: number;
  /** Plan lines from this month on (months with visits planned), earliest first. */
  plans: PlanMonth[];
  /** The first plan month with a visit still to make, and how many remain in it. */
  next: { month: string; remaining: number } | null;
}

/**
 * The customer's recent visits and its visit plan from this month on: the next planned visit is
 * the first plan month whose planned visits have not all been made.
 */
export async function portraitVisits(
  deps: Deps,
  customerId: number,
  today: string,
  window: MonthWindow,
): Promise<PortraitVisits> {
  const db = deps.store.db;
  const month = today.slice(0, 7);
  const [recent, inWindow, lines] = await Promise.all([
    recentVisits(db, customerId, today, RECENT_VISITS),
    visitCount(db, customerId, `${window.from}-01`, monthEnd(window.to)),
    planMonths(db, customerId, month, PLAN_MONTHS),
  ]);
  const plans: PlanMonth[] = [];
  for (const l of lines) {
    // Only this month can have visits already made; later months start from none.
    const made =
      l.month === month ? await visitCount(db, customerId, `${month}-01`, monthEnd(month)) : 0;
    plans.push({ month: l.month, planned: l.planned, made, ownerName: l.ownerName });
  }
  const open = plans.find((p) => p.made < p.planned);
  return {
    recent,
    inWindow,
    plans,
    next: open ? { month: open.month, remaining: open.planned - open.made } : null,
  };
}
