import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnalyticsFilters,
  type DrillRow,
  drillPage,
  FILTER_KEYS,
} from '../../../api/analytics';
import { LIFECYCLE_CUSTOMERS_PATH, type LifecycleStage } from '../../../api/analytics-behaviour';
import type { Query } from '../../../api/client';
import { errorMessage } from '../../../errors';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { CustomerCodeLink } from '../../customers/portrait/portrait-link';
import { STAGE_COLORS, stageReason } from './behaviour-drill';

/** The stages on the churn-risk list. */
export const RISK_STAGES: LifecycleStage[] = ['silent', 'at_risk'];

/**
 * The churn-risk list: silent and at-risk customers, largest revenue at stake first, each with
 * the reason of its stage; paged on the server.
 */
export function ChurnRiskTable({ query }: { query: Query }) {
  const filters = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (query[k] ? [[k, String(query[k])]] : [])),
  ) as AnalyticsFilters;
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const q = { ...query, stage: RISK_STAGES.join(','), ...page };
  const list = useQuery({
    queryKey: ['analytics', 'lifecycle', 'risk', q],
    queryFn: () => drillPage(LIFECYCLE_CUSTOMERS_PATH, q),
    placeholderData: keepPreviousData,
  });
  if (list.isError) return <Alert type="error" showIcon title={errorMessage(t, list.error)} />;
  return (
    <Table<DrillRow>
      rowKey="id"
      size="small"
      data-testid="lifecycle-churn-risk"
      loading={list.isFetching}
      dataSource={list.data?.rows ?? []}
      scroll={{ x: 'max-content' }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        onChange: (p, pageSize) => setPage({ page: p, pageSize }),
      }}
      columns={[
        {
          title: t('analytics.drill.code'),
          dataIndex: 'code',
          render: (code: string, r) => <CustomerCodeLink id={r.id} code={code} filters={filters} />,
        },
        { title: t('analytics.drill.name'), dataIndex: 'name', ellipsis: true },
        { title: t('analytics.drill.owner'), dataIndex: 'ownerName' },
        {
          title: t('analyticsBehaviour.lifecycle.stage'),
          key: 'stage',
          render: (_: unknown, r) => {
            const s = r.extra.stage as LifecycleStage;
            return (
              <Tag color={STAGE_COLORS[s]}>{t(`analyticsBehaviour.lifecycle.stages.${s}`)}</Tag>
            );
          },
        },
        {
          title: t('analyticsBehaviour.lifecycle.revenue'),
          dataIndex: 'revenueMinor',
          align: 'right',
          render: (v: number) => formatMoney(v, lng),
        },
        { title: t('analytics.drill.lastOrderOn'), dataIndex: 'lastOrderOn' },
        {
          title: t('analyticsBehaviour.lifecycle.reason'),
          key: 'reason',
          render: (_: unknown, r) => stageReason(t, lng, r),
        },
      ]}
    />
  );
}
