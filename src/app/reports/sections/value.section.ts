import { type ValueView, valueView } from '../../analytics/value.service';
import { col, label, type ReportSectionContent } from '../report-content';
import type { ReportSection } from '../report-section';

const share = (v: ValueView, fraction: number) =>
  v.topShares.find((t) => Math.abs(t.customerFraction - fraction) < 1e-9)?.valueShare ?? 0;

const METRIC = {
  revenue: label('销售额', 'Revenue'),
  profit: label('毛利', 'Profit'),
};

/**
 * Value concentration over the window (the value view, src/app/analytics/value.service.ts): Gini
 * and the shares of the top 5 % and 20 % of customers for revenue and profit, and the pyramid by
 * cumulative profit share (key / important / ordinary / small). Customers count when they
 * ordered in the window, as on the value page.
 */
export const valueSection: ReportSection = {
  key: 'value',
  title: label('客户价值集中度与金字塔', 'Value concentration and pyramid'),
  async build({ deps, ctx, viewQuery }) {
    const revenue = await valueView(deps, ctx, { ...viewQuery, metric: 'revenue' });
    const profit = await valueView(deps, ctx, { ...viewQuery, metric: 'profit' });
    const body: Omit<ReportSectionContent, 'key' | 'title'> = {
      figures: [
        {
          key: 'giniRevenue',
          label: label('销售额基尼系数', 'Revenue Gini'),
          kind: 'number',
          value: revenue.gini,
        },
        {
          key: 'top20Revenue',
          label: label('前20%客户销售额占比', 'Top 20% share of revenue'),
          kind: 'percent',
          value: share(revenue, 0.2),
        },
        {
          key: 'giniProfit',
          label: label('毛利基尼系数', 'Profit Gini'),
          kind: 'number',
          value: profit.gini,
        },
        {
          key: 'top20Profit',
          label: label('前20%客户毛利占比', 'Top 20% share of profit'),
          kind: 'percent',
          value: share(profit, 0.2),
        },
      ],
      tables: [
        {
          key: 'concentration',
          title: label('集中度', 'Concentration'),
          columns: [
            col('metric', '指标', 'Metric', 'text'),
            col('customers', '下单客户', 'Buying customers', 'count'),
            col('total', '合计', 'Total', 'money'),
            col('gini', '基尼系数', 'Gini', 'number'),
            col('top5', '前5%占比', 'Top 5% share', 'percent'),
            col('top20', '前20%占比', 'Top 20% share', 'percent'),
            col('lossMakers', '亏损客户', 'Loss-making customers', 'count'),
          ],
          rows: [revenue, profit].map((v) => ({
            metric: METRIC[v.metric],
            customers: v.totals.customers,
            total: v.metric === 'revenue' ? v.totals.revenueMinor : v.totals.profitMinor,
            gini: v.gini,
            top5: share(v, 0.05),
            top20: share(v, 0.2),
            lossMakers: v.losses.customers,
          })),
        },
        {
          key: 'pyramid',
          title: label('利润金字塔', 'Profit pyramid'),
          columns: [
            col('level', '层级', 'Level', 'text'),
            col('customers', '客户数', 'Customers', 'count'),
            col('customerShare', '客户占比', 'Customer share', 'percent'),
            col('value', '毛利', 'Profit', 'money'),
            col('valueShare', '毛利占比', 'Profit share', 'percent'),
            col('minValue', '入围门槛', 'Entry bar', 'money'),
          ],
          rows: profit.pyramid.map((l) => ({
            level: label(l.zh, l.en),
            customers: l.customers,
            customerShare: l.customerShare,
            value: l.valueMinor,
            valueShare: l.valueShare,
            minValue: l.minValueMinor,
          })),
        },
      ],
      charts: [
        {
          kind: 'bar',
          title: label('利润金字塔：客户数', 'Profit pyramid: customers'),
          table: 'pyramid',
          label: 'level',
          values: ['customers'],
        },
      ],
    };
    return body;
  },
};
