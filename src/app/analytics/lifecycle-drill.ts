import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { parseInput } from '../parse';
import { cohortPositions } from './lifecycle-cohorts';
import { STAGE_LABELS } from './lifecycle-export';
import { lifecycleDrillSchema } from './lifecycle-query';
import { type LifeState, lifeState, stagePositions, stageReasons } from './lifecycle-state';
import { type DrillSelection, viewDrill } from './view-drill';

interface LifecycleSelection extends DrillSelection {
  state: LifeState;
}

/** The customers a drill-down asks for: stages, or a cohort (in a later month). */
async function selection(deps: Deps, ctx: Ctx, input: unknown): Promise<LifecycleSelection> {
  const q = parseInput(lifecycleDrillSchema, input, 'The lifecycle drill-down is not valid');
  const s = await lifeState(deps, ctx, q);
  const positions =
    q.stage !== undefined
      ? stagePositions(s, q.stage)
      : await cohortPositions(deps, ctx, q, s, q.cohort!, q.offset ?? 0);
  return { state: s, cols: s.cols, positions, options: q, extra: stageReasons(s) };
}

/**
 * The customers behind a stage or a cohort cell: the page with {stage, daysSince, intervalDays,
 * ownInterval, multiple} per customer, and the export with stage and reason columns.
 */
export const lifecycleDrill = viewDrill(selection, ({ state }, lang) => {
  const extra = stageReasons(state);
  const yes = lang === 'en' ? ['no', 'yes'] : ['否', '是'];
  return {
    columns: [
      { key: 'stage', header: { 'zh-CN': '生命周期阶段', en: 'Stage' } },
      { key: 'daysSince', header: { 'zh-CN': '距最近下单天数', en: 'Days since last order' } },
      { key: 'intervalDays', header: { 'zh-CN': '下单间隔(天)', en: 'Interval (days)' } },
      { key: 'ownInterval', header: { 'zh-CN': '自身间隔', en: 'Own interval' } },
      { key: 'multiple', header: { 'zh-CN': '间隔倍数', en: 'Multiple of interval' } },
    ],
    values: (i) => {
      const e = extra(i);
      return {
        ...e,
        stage: e.stage === null ? null : STAGE_LABELS[lang][e.stage],
        ownInterval: e.ownInterval === null ? null : yes[e.ownInterval]!,
      };
    },
  };
});
