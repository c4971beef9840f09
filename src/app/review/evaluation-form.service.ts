import type { Readable } from 'node:stream';
import { resolveWindow } from '../../domain/metrics/window-range';
import { fromMinorUnits } from '../../domain/money';
import { finalTier } from '../../domain/review/proposal';
import type { Scheme } from '../../domain/scheme';
import * as proposals from '../../store/review/proposals.repository';
import { findVersion } from '../../store/tiering/schemes.repository';
import { writeAudit } from '../audit';
import type { Ctx } from '../context';
import type { Deps } from '../deps';
import { type ExportColumn, type ExportFormat, writeTable } from '../export/table-writer';
import { requirePermission } from '../guard';
import { cycleState } from './cycles.service';

type Lang = 'zh-CN' | 'en';
type Row = proposals.ProposalRow & { revenueMinor: number };

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

async function* withRevenue(
  deps: Deps,
  cycleId: number,
  fromMonth: string,
  toMonth: string,
): AsyncGenerator<Row> {
  let batch: proposals.ProposalRow[] = [];
  const flush = async function* () {
    const revenue = await proposals.revenueOf(
      deps.store.db,
      batch.map((p) => p.customerId),
      fromMonth,
      toMonth,
    );
    for (const p of batch) yield { ...p, revenueMinor: revenue.get(p.customerId) ?? 0 };
    batch = [];
  };
  for await (const p of proposals.iterateProposals(deps.store.db, { cycleId })) {
    batch.push(p);
    if (batch.length >= 1000) yield* flush();
  }
  yield* flush();
}

/**
 * The cycle's evaluation form (《客户质量等级评估表》) as CSV or XLSX: every proposal with its
 * computed, proposed, revised and final tier, credit grade and reasons, and the 12-month revenue
 * at the cycle's as-of date. Carries customer names, so it needs customers.export; audited.
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
  const columns: ExportColumn<Row>[] = HEADERS.map(([key, zh, en]) => ({
    header: lang === 'en' ? en : zh,
    width: key === 'name' ? 36 : key.toString().endsWith('Reason') ? 30 : 14,
    value: (r: Row) => {
      switch (key) {
        case 'final':
          return tier(finalTier(r));
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
  await writeAudit(deps.store.db, ctx, {
    action: 'review_cycle.export_form',
    entity: 'review_cycle',
    entityId: cycleId,
    after: { format },
  });
  const window = resolveWindow({ kind: 'last_n_months', months: 12 }, cycle.asOf);
  return writeTable(
    format,
    columns,
    withRevenue(deps, cycleId, window.fromMonth, window.toMonth),
    lang === 'en' ? 'Evaluation form' : '客户质量等级评估表',
  );
}
