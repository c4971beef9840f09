import { LIFECYCLE_STAGES } from '../../../domain/analytics/lifecycle';
import { lifecycleView } from '../../analytics/lifecycle.service';
import { col, label } from '../report-content';
import type { ReportSection } from '../report-section';

/** Customers the churn-risk table lists: the largest revenue at stake first. */
export const CHURN_RISK_ROWS = 10;

const stageLabel = (key: unknown) => {
  const s = LIFECYCLE_STAGES.find((x) => x.key === key);
  return s ? label(s.zh, s.en) : null;
};

/**
 * Lifecycle stages and churn risk over the window (the lifecycle view,
 * src/app/analytics/lifecycle.service.ts): customers and revenue per stage, and the silent and
 * at-risk customers with the most revenue, each with its reason (days since the last order
 * against its own rhythm).
 */
export const lifecycleSection: ReportSection = {
  key: 'lifecycle',
  title: label('客户生命周期与流失风险', 'Lifecycle and churn risk'),
  async build({ deps, ctx, viewQuery }) {
    const v = await lifecycleView(deps, ctx, viewQuery);
    const risk = v.churnRisk.rows.slice(0, CHURN_RISK_ROWS);
    const atRisk = v.stages
      .filter((s) => s.stage === 'silent' || s.stage === 'at_risk')
      .reduce((a, s) => a + s.customers, 0);
    return {
      note: label(`阶段判定日 ${v.asOf}。`, `Stages as of ${v.asOf}.`),
      figures: [
        {
          key: 'churnRisk',
          label: label('沉默及潜在流失客户', 'Silent and at-risk customers'),
          kind: 'count',
          value: atRisk,
        },
      ],
      tables: [
        {
          key: 'stages',
          title: label('各阶段客户', 'Customers by stage'),
          columns: [
            col('stage', '阶段', 'Stage', 'text'),
            col('customers', '客户数', 'Customers', 'count'),
            col('share', '占比', 'Share', 'percent'),
            col('revenue', '销售额', 'Revenue', 'money'),
          ],
          rows: v.stages.map((s) => ({
            stage: stageLabel(s.stage),
            customers: s.customers,
            share: s.share,
            revenue: s.revenueMinor,
          })),
        },
        {
          key: 'churn_risk',
          title: label('流失风险客户（按销售额）', 'Churn risks (by revenue)'),
          columns: [
            col('code', '客户编码', 'Code', 'text'),
            col('name', '客户名称', 'Name', 'text'),
            col('owner', '客户经理', 'Owner', 'text'),
            col('stage', '阶段', 'Stage', 'text'),
            col('revenue', '销售额', 'Revenue', 'money'),
            col('lastOrderOn', '最近下单', 'Last order', 'date'),
            col('daysSince', '距今天数', 'Days since', 'count'),
            col('intervalDays', '平常间隔(天)', 'Usual interval (days)', 'number'),
            col('multiple', '倍数', 'Multiple', 'number'),
          ],
          rows: risk.map((r) => ({
            code: r.code,
            name: r.name,
            owner: r.ownerName,
            stage: stageLabel(r.extra.stage),
            revenue: r.revenueMinor,
            lastOrderOn: r.lastOrderOn,
            daysSince: r.extra.daysSince ?? null,
            intervalDays: r.extra.intervalDays ?? null,
            multiple: r.extra.multiple ?? null,
          })),
        },
      ],
      charts: [
        {
          kind: 'pie',
          title: label('各阶段客户数', 'Customers by stage'),
          table: 'stages',
          label: 'stage',
          values: ['customers'],
        },
      ],
    };
  },
};
