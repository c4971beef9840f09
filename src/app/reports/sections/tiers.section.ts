import { addMonths } from '../../../domain/analytics/period';
import { serviceTierSchemeId } from '../../../store/policy/service-tier.repository';
import { tierDistributionFigure } from '../../analytics/tier-distribution.service';
import { type Cell, change, col, label } from '../report-content';
import { type ReportSection, unavailable } from '../report-section';

/**
 * Tier distribution of the service-tier scheme (or of the scheme the report filters on) at the
 * end of the report's month and of the month before (the tier distribution view,
 * src/app/analytics/tier-distribution.service.ts): customers and twelve-month revenue per tier,
 * with the change in customers.
 */
export const tiersSection: ReportSection = {
  key: 'tiers',
  title: label('客户分级分布', 'Tier distribution'),
  async build({ deps, ctx, scope, period }) {
    const schemeId = scope.schemeId ?? (await serviceTierSchemeId(deps.store.db));
    if (schemeId === undefined)
      return unavailable(
        label(
          '尚未指定服务分级方案，没有分级分布。',
          'No service-tier scheme is set, so there is no tier distribution.',
        ),
      );
    const month = period.window.to;
    const view = await tierDistributionFigure(deps, ctx, {
      ...scope,
      schemeId,
      by: 'month',
      from: addMonths(month, -1),
      to: month,
    });
    const [before, now] = view.points;
    if (!now || !before) return unavailable(label('没有分级数据。', 'There is no tier data.'));
    const rows: Record<string, Cell>[] = view.tiers.map((t, i) => {
      const a = now.tiers[i]!;
      const b = before.tiers[i]!;
      return {
        tier: label(t.nameZh, t.nameEn),
        customers: a.customers,
        customerShare: a.customerShare,
        previous: b.customers,
        change: change(a.customers, b.customers),
        revenue: a.revenueMinor,
        revenueShare: a.revenueShare,
      };
    });
    rows.push({
      // Shares are of the tiered customers: the untiered have none.
      tier: label('未分级', 'Not tiered'),
      customers: now.untiered,
      customerShare: null,
      previous: before.untiered,
      change: change(now.untiered, before.untiered),
      revenue: now.untieredRevenueMinor,
      revenueShare: null,
    });
    return {
      note: label(
        `方案：${view.scheme.nameZh}；${now.date} 与 ${before.date} 在用的级别，销售额为截至该月的12个月。`,
        `Scheme: ${view.scheme.nameEn}; tiers in force on ${now.date} and ${before.date}, revenue over the twelve months to that month.`,
      ),
      figures: [
        {
          key: 'tiered',
          label: label('已分级客户', 'Tiered customers'),
          kind: 'count',
          value: now.customers,
          previous: before.customers,
          change: change(now.customers, before.customers),
        },
      ],
      tables: [
        {
          key: 'distribution',
          title: label('各级客户', 'Customers by tier'),
          columns: [
            col('tier', '级别', 'Tier', 'text'),
            col('customers', `客户数 ${now.date}`, `Customers ${now.date}`, 'count'),
            col('customerShare', '客户占比', 'Customer share', 'percent'),
            col('previous', `客户数 ${before.date}`, `Customers ${before.date}`, 'count'),
            col('change', '变化', 'Change', 'change'),
            col('revenue', '12个月销售额', '12-month revenue', 'money'),
            col('revenueShare', '销售额占比', 'Revenue share', 'percent'),
          ],
          rows,
        },
      ],
      charts: [
        {
          kind: 'pie',
          title: label('各级客户数', 'Customers by tier'),
          table: 'distribution',
          label: 'tier',
          values: ['customers'],
        },
      ],
    };
  },
};
