import { rfmView } from '../../analytics/rfm.service';
import { col, label } from '../report-content';
import type { ReportSection } from '../report-section';

/**
 * RFM segment counts over the window (the RFM view, src/app/analytics/rfm.service.ts): the eight
 * segments best first with customers, shares, revenue and the suggested action.
 */
export const rfmSection: ReportSection = {
  key: 'rfm',
  title: label('RFM 客户分群', 'RFM segments'),
  async build({ deps, ctx, viewQuery }) {
    const v = await rfmView(deps, ctx, viewQuery);
    return {
      note: label(`近度计算至 ${v.asOf}。`, `Recency measured to ${v.asOf}.`),
      figures: [
        {
          key: 'scored',
          label: label('参与评分客户', 'Customers scored'),
          kind: 'count',
          value: v.totals.customers,
        },
      ],
      tables: [
        {
          key: 'segments',
          title: label('分群', 'Segments'),
          columns: [
            col('segment', '分群', 'Segment', 'text'),
            col('customers', '客户数', 'Customers', 'count'),
            col('share', '客户占比', 'Customer share', 'percent'),
            col('revenue', '销售额', 'Revenue', 'money'),
            col('revenueShare', '销售额占比', 'Revenue share', 'percent'),
            col('action', '建议行动', 'Suggested action', 'text'),
          ],
          rows: v.segments.map((s) => ({
            segment: label(s.zh, s.en),
            customers: s.customers,
            share: s.share,
            revenue: s.revenueMinor,
            revenueShare: s.revenueShare,
            action: label(s.action.zh, s.action.en),
          })),
        },
      ],
      charts: [
        {
          kind: 'bar',
          title: label('各分群客户数', 'Customers by segment'),
          table: 'segments',
          label: 'segment',
          values: ['customers'],
        },
      ],
    };
  },
};
