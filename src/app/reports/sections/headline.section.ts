import { DAY_MS, dateToDay, fromWall } from '../../../domain/calendar/time-zone';
import {
  customersInScope,
  type SalesFigures,
  salesBetween,
  ticketsBetween,
} from '../../../store/analytics/report-headline.repository';
import {
  change,
  col,
  type Label,
  label,
  type ReportDays,
  type ReportFigure,
  type ReportTable,
} from '../report-content';
import type { ReportSection, SectionInput } from '../report-section';

type Figures = SalesFigures & { tickets: number; complaints: number };

const METRICS: { key: keyof Figures; label: Label; kind: 'count' | 'money' }[] = [
  { key: 'revenueMinor', label: label('销售额', 'Revenue'), kind: 'money' },
  { key: 'profitMinor', label: label('毛利', 'Profit'), kind: 'money' },
  { key: 'orders', label: label('订单数', 'Orders'), kind: 'count' },
  { key: 'buyers', label: label('下单客户', 'Buying customers'), kind: 'count' },
  { key: 'newBuyers', label: label('首次下单客户', 'First-time buyers'), kind: 'count' },
  { key: 'tickets', label: label('新工单', 'New tickets'), kind: 'count' },
  { key: 'complaints', label: label('投诉工单', 'Complaints'), kind: 'count' },
];

/** Sales and tickets of the customers in scope over a run of days (business dates). */
async function figuresOf(input: SectionInput, from: string, to: string): Promise<Figures> {
  const { deps, columnScope } = input;
  const tz = deps.config.timeZone;
  const start = new Date(fromWall(tz, dateToDay(from) * DAY_MS)).toISOString();
  const end = new Date(fromWall(tz, (dateToDay(to) + 1) * DAY_MS)).toISOString();
  const [sales, tickets] = await Promise.all([
    salesBetween(deps.store.db, columnScope, from, to),
    ticketsBetween(deps.store.db, columnScope, start, end),
  ]);
  return { ...sales, ...tickets };
}

/** The comparison table of two runs of days. */
async function comparison(
  input: SectionInput,
  key: string,
  title: Label,
  days: ReportDays,
): Promise<{ table: ReportTable; now: Figures; before: Figures }> {
  const [now, before] = await Promise.all([
    figuresOf(input, days.from, days.to),
    figuresOf(input, days.previousFrom, days.previousTo),
  ]);
  const table: ReportTable = {
    key,
    title,
    columns: [
      col('metric', '指标', 'Figure', 'text'),
      col('current', `${days.from} 至 ${days.to}`, `${days.from} – ${days.to}`, 'auto'),
      col(
        'previous',
        `${days.previousFrom} 至 ${days.previousTo}`,
        `${days.previousFrom} – ${days.previousTo}`,
        'auto',
      ),
      col('change', '变化', 'Change', 'change'),
    ],
    rows: METRICS.map((m) => ({
      metric: m.label,
      kind: m.kind,
      current: now[m.key],
      previous: before[m.key],
      change: change(now[m.key], before[m.key]),
    })),
  };
  return { table, now, before };
}

/**
 * The headline: revenue, profit, orders, buyers (first-time ones too) and new tickets of the
 * period against the one before, counted from the orders and tickets themselves (exact for a
 * week or part of a month, which the monthly rollups cannot be); weekly reports add the month so
 * far against the same days a month before; and the customers in scope today.
 */
export const headlineSection: ReportSection = {
  key: 'headline',
  title: label('概览', 'Headline'),
  async build(input) {
    const { period } = input;
    const main = await comparison(
      input,
      'period',
      label('本期与上期', 'This period and the one before'),
      period.days,
    );
    const tables = [main.table];
    if (period.monthToDate) {
      const mtd = await comparison(
        input,
        'month_to_date',
        label('本月至今与上月同期', 'Month to date and the same days a month before'),
        period.monthToDate,
      );
      tables.push(mtd.table);
    }
    const customers = await customersInScope(input.deps.store.db, input.columnScope);
    const figure = (key: keyof Figures): ReportFigure => {
      const m = METRICS.find((x) => x.key === key)!;
      return {
        key,
        label: m.label,
        kind: m.kind,
        value: main.now[key],
        previous: main.before[key],
        change: change(main.now[key], main.before[key]),
      };
    };
    return {
      figures: [
        {
          key: 'customers',
          label: label('在册客户', 'Customers'),
          kind: 'count',
          value: customers,
        },
        figure('revenueMinor'),
        figure('profitMinor'),
        figure('orders'),
        figure('buyers'),
        figure('tickets'),
      ],
      tables,
      charts: [],
    };
  },
};
