import type { Readable } from 'node:stream';
import { notFound } from '../../domain/errors';
import { Flag } from '../../domain/evaluation/plan';
import * as runs from '../../store/tiering/runs.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { parseInput } from '../parse';
import { resultsQuery } from './results.service';
import { planOfVersion } from './run.service';

type Lang = 'zh-CN' | 'en';

const HEADERS = {
  rank: ['排名', 'Rank'],
  code: ['客户编码', 'Code'],
  name: ['客户名称', 'Name'],
  tierId: ['等级代码', 'Tier id'],
  tier: ['等级', 'Tier'],
  score: ['得分', 'Score'],
  previousTier: ['原等级', 'Previous tier'],
  flags: ['标记', 'Flags'],
  rule: ['命中规则', 'Rule fired'],
} as const;

const FLAG_LABELS: [number, string, string][] = [
  [Flag.provisional, '暂定', 'provisional'],
  [Flag.override, '人工调整', 'override'],
  [Flag.held, '保级', 'held'],
  [Flag.gated, '门槛降级', 'gated'],
];

/** The filters of an export: those of the results list, without paging. */
export const resultsExportQuery = resultsQuery.omit({ page: true, pageSize: true });

/**
 * Streams a run's results (all, or those a results-list filter selects) in rank order as CSV or
 * XLSX, formula-safe: tier names in the chosen language, each criterion's points, flags spelled
 * out. Needs tiering.read and customers.export, since the file carries customer names; audited.
 */
export async function exportRunResults(
  deps: Deps,
  ctx: Ctx,
  runId: number,
  format: ExportFormat,
  filter: {
    tier?: string | undefined;
    moved?: 'up' | 'down' | 'any' | undefined;
    q?: string | undefined;
  } = {},
  lang: Lang = 'zh-CN',
): Promise<Readable> {
  requirePermission(ctx, 'tiering.read');
  requirePermission(ctx, 'customers.export');
  const f = parseInput(resultsExportQuery, filter, 'Invalid results filter');
  const run = await runs.findRun(deps.store.db, runId);
  if (!run) throw notFound('Tier run', runId);
  const { plan } = await planOfVersion(deps, run.schemeVersionId);
  const i = lang === 'en' ? 1 : 0;
  const text = (t: { zh: string; en: string }) => (lang === 'en' ? t.en : t.zh);
  const tierName = new Map(plan.tiers.map((t) => [t.id, text(t.name)]));
  const ruleName = (rules: unknown) => {
    if (!rules || typeof rules !== 'object') return null;
    const { index, id } = rules as { index?: number; id?: string };
    const rule = plan.rules.find((r) => r.index === index);
    return rule?.label ? text(rule.label) : (id ?? (index === undefined ? null : `#${index + 1}`));
  };
  const columns: ExportColumn<runs.ResultRow>[] = [
    { header: HEADERS.rank[i], value: (r) => r.rank, width: 8 },
    { header: HEADERS.code[i], value: (r) => r.code },
    { header: HEADERS.name[i], value: (r) => r.name, width: 36 },
    { header: HEADERS.tierId[i], value: (r) => r.tier, width: 10 },
    { header: HEADERS.tier[i], value: (r) => tierName.get(r.tier) ?? r.tier },
    {
      header: HEADERS.score[i],
      value: (r) => (r.score === null ? null : Math.round(r.score * 100) / 100),
      width: 10,
    },
    {
      header: HEADERS.previousTier[i],
      value: (r) =>
        r.previousTier === null ? null : (tierName.get(r.previousTier) ?? r.previousTier),
    },
    {
      header: HEADERS.flags[i],
      value: (r) =>
        FLAG_LABELS.filter(([bit]) => (r.flags & bit) !== 0)
          .map((l) => l[1 + i])
          .join(', '),
    },
    { header: HEADERS.rule[i], value: (r) => ruleName(r.rules) },
    ...plan.criteria.map(
      (c): ExportColumn<runs.ResultRow> => ({
        header: text(c.label),
        value: (r) => {
          const p = r.points?.[c.id];
          return p === null || p === undefined ? null : Math.round(p * 100) / 100;
        },
        width: 12,
      }),
    ),
  ];
  await writeAudit(deps.store.db, ctx, {
    action: 'tier_run.export',
    entity: 'tier_run',
    entityId: runId,
    after: { format, filter: f },
  });
  return writeTable(
    format,
    columns,
    runs.iterateResults(deps.store.db, {
      runId,
      tier: f.tier,
      moved: f.moved,
      q: f.q,
      tierOrder: plan.tiers.map((t) => t.id),
      rows: customerFilter(ctx),
    }),
    'results',
  );
}
