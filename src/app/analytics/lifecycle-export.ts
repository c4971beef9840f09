import type { Readable } from 'node:stream';
import { LIFECYCLE_STAGES, type LifecycleStageKey } from '../../domain/analytics/lifecycle';
import type { ExportFormat } from '../export/table-writer';
import type { Lang } from './drill';
import { writeFigureTable } from './figure-table';
import type { LifecycleCohortRow, LifecycleStageRow, LifecycleView } from './lifecycle-figure';

/** Stage names in exports. */
export const STAGE_LABELS: Record<Lang, Record<LifecycleStageKey, string>> = {
  'zh-CN': Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s.key, s.zh])) as Record<
    LifecycleStageKey,
    string
  >,
  en: Object.fromEntries(LIFECYCLE_STAGES.map((s) => [s.key, s.en])) as Record<
    LifecycleStageKey,
    string
  >,
};

/** The tables of the lifecycle view an export can hold. */
export const LIFECYCLE_TABLES = ['stages', 'cohorts'] as const;
export type LifecycleTable = (typeof LIFECYCLE_TABLES)[number];

const pct = (x: number) => Math.round(x * 1000) / 10;

/**
 * One table of the lifecycle view as CSV or XLSX (`stages`: customers, share and revenue per
 * stage; `cohorts`: the retention table, shares in %, a column per month after the first).
 */
export function writeLifecycle(
  v: LifecycleView,
  table: LifecycleTable,
  format: ExportFormat,
  lang: Lang,
): Readable {
  const zh = lang === 'zh-CN';
  if (table === 'stages') {
    return writeFigureTable(
      format,
      [
        {
          header: zh ? '阶段' : 'Stage',
          value: (r: LifecycleStageRow) => STAGE_LABELS[lang][r.stage],
        },
        { header: zh ? '客户数' : 'Customers', value: (r: LifecycleStageRow) => r.customers },
        { header: zh ? '占比%' : 'Share %', value: (r: LifecycleStageRow) => pct(r.share) },
        {
          header: zh ? '销售额' : 'Revenue',
          value: (r: LifecycleStageRow) => r.revenueMinor / 100,
        },
      ],
      v.stages,
      zh ? '生命周期' : 'Lifecycle',
    );
  }
  const width = v.cohorts.reduce((w, r) => Math.max(w, r.share.length), 0);
  return writeFigureTable(
    format,
    [
      { header: zh ? '首购月' : 'First month', value: (r: LifecycleCohortRow) => r.month },
      { header: zh ? '客户数' : 'Customers', value: (r: LifecycleCohortRow) => r.customers },
      ...Array.from({ length: width }, (_, k) => ({
        header: zh ? `第${k}月%` : `Month ${k} %`,
        value: (r: LifecycleCohortRow) => (k < r.share.length ? pct(r.share[k]!) : null),
      })),
    ],
    v.cohorts,
    zh ? '留存' : 'Retention',
  );
}
