import { businessDate } from '../domain/business-date';
import type { Ctx } from './context';
import type { Deps } from './deps';

/** Today in the business time zone (config TZ): deadlines, expiries and due dates are business dates. */
export function businessToday(deps: Deps, ctx: Ctx): string {
  return businessDate(ctx.now(), deps.config.timeZone);
}
