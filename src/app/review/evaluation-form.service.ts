import type { Readable } from 'node:stream';
import type { CustomerFilter } from '../../domain/auth/customer-scope';
import { fromMinorUnits } from '../../domain/money';
import type { Scheme } from '../../domain/scheme';
import * as proposals from '../../store/review/proposals.repository';
import { findVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import { customerFilter } from '../customers/customer-scope';
import type { Deps } from '../deps';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { cycleState } from './cycles.service';
import { type FormRow, withFormColumns } from './proposals.service';

type Lang = 'zh-CN' | 'en';
type Row = FormRow;

const HEADERS: [keyof Row | 'final' | 'revenue', string, string][] = [
  ['code', '客户编码', 'Code'],
  ['name', '客户名称', 'Name'],
  ['region', '区域', 'Region'],
  ['revenue', '近12个月销售额', 'Revenue, last 12 months'],
  ['score', '得分', 'Score'],
  ['previousTier', '现等级', 'Published tier'],
  ['computedTier', '计算等级', 'Computed tier'],
  ['proposedTier', '建议等级', 'Proposed tier'],
  ['proposalReason', '建议理由', 'Reason'],
  ['creditGrade', '资信等级', 'Credit grade'],
  ['receivablesConfirmed', '应收账款已确认', 'Receivables confirmed'],
  ['financeNote', '财务意见', 'Finance note'],
  ['revisedTier', '复评等级', 'Revised tier'],
  ['revisionReason', '复评理由', 'Revision reason'],
  ['final', '最终等级', 'Final tier'],
];

/**
 * Every proposal of the cycle whose customer the row scope lets through, with the form's
 * columns, a thousand at a time.
 */
async function* formRows(
  deps: Deps,
  cycle: { id: number; asOf: string; runId: number | null },
  rows: CustomerFilter,
): AsyncGenerator<Row> {
  let batch: proposals.ProposalRow[] = [];
  for await (const p of proposals.iterateProposals(deps.store.db, { cycleId: cycle.id, rows })) {
    batch.push(p);
    if (batch.length >= 1000) {
      yield* await withFormColumns(deps, cycle, batch);
      batch = [];
    }
  }
  yield* await withFormColumns(deps, cycle, batch);
}

/**
 * The cycle's evaluation form (《客户质量等级评估表》) as CSV or XLSX: every proposal with its
 * computed, proposed, revised and final tier, credit grade and reasons, and the 12-month revenue
 * at the cycle's as-of date. Carries customer names, so it needs customers.export, and holds
 * only the customers of the actor's row scope; audited.
 */
export async function exportEvaluationForm(
  deps: Deps,
  ctx: Ctx,
  cycleId: number,
  format: ExportFormat,
  lang: Lang = 'zh-CN',
): Promise<Readable> {
  requirePermission(ctx, 'tiering.read');
  requirePermission(ctx, 'customers.export');
  const { cycle } = await cycleState(deps, cycleId);
  const v = await findVersion(deps.store.db, cycle.schemeVersionId);
  const names = new Map(
    ((v?.document as Scheme | undefined)?.tiers ?? []).map((t) => [
      t.id,
      lang === 'en' ? t.name.en : t.name.zh,
    ]),
  );
  const tier = (id: string | null) => (id === null ? null : (names.get(id) ?? id));
  const yes = lang === 'en' ? ['yes', 'no'] : ['是', '否'];
  const doc = v?.document as Scheme | undefined;
  const who = (id: number | null, name: string | null) => (id === null ? null : (name ?? `#${id}`));
  const extra: ExportColumn<Row>[] = [
    ...(doc?.criteria ?? []).map(
      (c): ExportColumn<Row> => ({
        header: lang === 'en' ? c.label.en : c.label.zh,
        width: 10,
        value: (r) => {
          const p = r.points[c.id];
          return p === null || p === undefined ? null : Math.round(p * 100) / 100;
        },
      }),
    ),
    {
      header: lang === 'en' ? 'Rated by' : '评定人',
      value: (r) => who(r.proposedBy, r.proposedByName),
    },
    { header: lang === 'en' ? 'Rated at' : '评定时间', value: (r) => r.proposedAt, width: 22 },
    {
      header: lang === 'en' ? 'Finance by' : '财务评定人',
      value: (r) => who(r.financeBy, r.financeByName),
    },
    {
      header: lang === 'en' ? 'Revised by' : '复评人',
      value: (r) => who(r.revisedBy, r.revisedByName),
    },
    { header: lang === 'en' ? 'Revised at' : '复评时间', value: (r) => r.revisedAt, width: 22 },
  ];
  const columns: ExportColumn<Row>[] = HEADERS.map(([key, zh, en]) => ({
    header: lang === 'en' ? en : zh,
    width: key === 'name' ? 36 : key.toString().endsWith('Reason') ? 30 : 14,
    value: (r: Row) => {
      switch (key) {
        case 'final':
          return tier(r.finalTier);
        case 'revenue':
          return fromMinorUnits(r.revenueMinor);
        case 'score':
          return r.score === null ? null : Math.round(r.score * 100) / 100;
        case 'receivablesConfirmed':
          return r.receivablesConfirmed === null ? null : yes[r.receivablesConfirmed ? 0 : 1];
        case 'previousTier':
        case 'computedTier':
        case 'proposedTier':
        case 'revisedTier':
          return tier(r[key]);
        default:
          return r[key];
      }
    },
  }));
  columns.splice(5, 0, ...extra.slice(0, doc?.criteria?.length ?? 0));
  columns.push(...extra.slice(doc?.criteria?.length ?? 0));
  await writeAudit(deps.store.db, ctx, {
    action: 'review_cycle.export_form',
    entity: 'review_cycle',
    entityId: cycleId,
    after: { format },
  });
  return writeTable(
    format,
    columns,
    formRows(deps, cycle, customerFilter(ctx)),
    lang === 'en' ? 'Evaluation form' : '客户质量等级评估表',
  );
}
