import { addDays } from '../../domain/business-date';
import { businessToday } from '../business-today';
import { systemCtx } from '../context';
import type { Deps } from '../deps';
import { createCycle } from '../review/cycles.service';
import { publishRun } from '../review/publish.service';
import { runTiering } from '../tiering/run.service';
import { markServiceTier } from '../tiering/schemes.service';
import { createFromTemplate } from '../tiering/templates.service';

/**
 * Gives a freshly loaded demo company what a real one has after a year with Tierdesk: the ABCD
 * scorecard as its service tier, last year's tiers published (so the customer page, history and
 * movements have something to show), and this year's annual review open at its first step.
 */
export async function seedDemoTiering(
  deps: Deps,
  asOf: string,
  log: (msg: string) => void,
): Promise<{ schemeId: number; cycleId: number }> {
  const ctx = systemCtx('demo');
  const { version } = await createFromTemplate(deps, ctx, 'abcd');
  await markServiceTier(deps, ctx, version.schemeId);
  const lastYear = `${Number(asOf.slice(0, 4)) - 1}${asOf.slice(4)}`;
  const run = await runTiering(deps, ctx, { schemeVersionId: version.id, asOf: lastYear });
  await publishRun(deps, ctx, run.runId, { effectiveFrom: addDays(lastYear, 1) });
  const today = businessToday(deps, ctx);
  const cycle = await createCycle(deps, ctx, {
    name: `${asOf.slice(0, 4)} 年度客户分级评审`,
    kind: 'annual',
    schemeId: version.schemeId,
    asOf,
    deadline: addDays(asOf > today ? asOf : today, 30),
  });
  log(`  Demo tiers published for ${lastYear}; the ${asOf.slice(0, 4)} annual review is open.`);
  return { schemeId: version.schemeId, cycleId: cycle.id };
}
