import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LifecycleView } from '../../../api/analytics-behaviour';
import { currentLanguage } from '../../../i18n';
import { formatPercent } from './behaviour-format';

type CohortRow = LifecycleView['cohorts'][number];

/**
 * The cohort retention table as a heat map: one row per first-order month, the share of the
 * cohort ordering k months later in column +k (ragged: no column past the period's end). A cell
 * opens the cohort's customers who ordered that month; the month opens the whole cohort.
 */
export function CohortTable({
  cohorts,
  onCell,
}: {
  cohorts: CohortRow[];
  onCell: (cohort: string, offset: number | undefined) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const width = cohorts.reduce((w, c) => Math.max(w, c.share.length), 0);
  return (
    <Table<CohortRow>
      rowKey="month"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid="lifecycle-cohorts"
      dataSource={cohorts}
      columns={[
        {
          title: t('analyticsBehaviour.lifecycle.cohortMonth'),
          dataIndex: 'month',
          fixed: 'left',
          render: (m: string) => (
            <Typography.Link onClick={() => onCell(m, undefined)}>{m}</Typography.Link>
          ),
        },
        {
          title: t('analyticsBehaviour.lifecycle.customers'),
          dataIndex: 'customers',
          align: 'right',
        },
        ...Array.from({ length: width }, (_, k) => ({
          title: t('analyticsBehaviour.lifecycle.monthN', { n: k }),
          key: `m${k}`,
          align: 'right' as const,
          onCell: (r: CohortRow) => {
            const share = r.share[k];
            return {
              style:
                share === undefined
                  ? {}
                  : {
                      background: `rgba(82, 196, 26, ${0.08 + 0.6 * share})`,
                      cursor: (r.active[k] ?? 0) > 0 ? 'pointer' : 'default',
                    },
              onClick: () => (r.active[k] ?? 0) > 0 && onCell(r.month, k),
              'data-testid': `lifecycle-cohort-${r.month}-${k}`,
            };
          },
          render: (_: unknown, r: CohortRow) =>
            r.share[k] === undefined ? '' : formatPercent(r.share[k]!, lng),
        })),
      ]}
    />
  );
}
