import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Flex, Table, Typography } from 'antd';
import type { ColumnsType, SorterResult } from 'antd/es/table/interface';
import { type ReactNode, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AnalyticsFilters,
  type DrillRow,
  type DrillSort,
  drillPage,
  FILTER_KEYS,
} from '../../../api/analytics';
import type { Query } from '../../../api/client';
import { errorMessage } from '../../../errors';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { CustomerCodeLink } from '../../customers/portrait/portrait-link';
import { ExportButtons } from './export-buttons';

/** A column a view adds to its customer lists, read from `extra[key]`. */
export interface DrillExtraColumn {
  key: string;
  title: ReactNode;
  render?: (value: string | number | null, row: DrillRow) => ReactNode;
}

/** What a click on a figure opens: the list route of the view and the figure's selector. */
export interface DrillTarget {
  title: ReactNode;
  /** The view's list route, e.g. /api/analytics/value/customers; exports use `${path}/export`. */
  path: string;
  /** The figure's selector and the page's filters. */
  query: Query;
  extraColumns?: DrillExtraColumn[];
}

const SORTABLE: Record<string, DrillSort> = {
  code: 'code',
  revenueMinor: 'revenue',
  profitMinor: 'profit',
  orders: 'orders',
  lastOrderOn: 'lastOrderOn',
};

/** The customers behind a figure, paged and sortable on the server, with CSV/XLSX export. */
export function DrillDrawer({
  target,
  onClose,
}: {
  target: DrillTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [sort, setSort] = useState<{ sort: DrillSort; order: 'asc' | 'desc' }>({
    sort: 'revenue',
    order: 'desc',
  });
  const query = target ? { ...target.query, ...page, ...sort } : {};
  const list = useQuery({
    queryKey: ['analytics', 'drill', target?.path, query],
    queryFn: () => drillPage(target!.path, query),
    enabled: target !== null,
    placeholderData: keepPreviousData,
  });
  // The portrait opened from a list compares the customer with the list's own customers.
  const filters = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (target?.query[k] ? [[k, String(target.query[k])]] : [])),
  ) as AnalyticsFilters;
  const columns: ColumnsType<DrillRow> = [
    {
      title: t('analytics.drill.code'),
      dataIndex: 'code',
      sorter: true,
      render: (code: string, r) => <CustomerCodeLink id={r.id} code={code} filters={filters} />,
    },
    { title: t('analytics.drill.name'), dataIndex: 'name', ellipsis: true },
    { title: t('analytics.drill.region'), dataIndex: 'region' },
    { title: t('analytics.drill.owner'), dataIndex: 'ownerName' },
    {
      title: t('analytics.drill.revenue'),
      dataIndex: 'revenueMinor',
      align: 'right',
      sorter: true,
      render: (v: number) => formatMoney(v, lng),
    },
    {
      title: t('analytics.drill.profit'),
      dataIndex: 'profitMinor',
      align: 'right',
      sorter: true,
      render: (v: number) => formatMoney(v, lng),
    },
    { title: t('analytics.drill.orders'), dataIndex: 'orders', align: 'right', sorter: true },
    { title: t('analytics.drill.lastOrderOn'), dataIndex: 'lastOrderOn', sorter: true },
    ...(target?.extraColumns ?? []).map((c) => ({
      title: c.title,
      key: `extra.${c.key}`,
      render: (_: unknown, r: DrillRow) => {
        const v = r.extra[c.key] ?? null;
        return c.render ? c.render(v, r) : v;
      },
    })),
  ];
  return (
    <Drawer
      open={target !== null}
      onClose={() => {
        setPage({ page: 1, pageSize: 20 });
        onClose();
      }}
      size={960}
      title={target?.title}
      destroyOnHidden
      data-testid="analytics-drill"
      extra={
        target && (
          <ExportButtons
            path={`${target.path}/export`}
            query={{ ...target.query, ...sort }}
            testId="analytics-drill-export"
          />
        )
      }
    >
      {list.error ? (
        <Alert type="error" showIcon title={errorMessage(t, list.error)} />
      ) : (
        <>
          <Flex justify="space-between" style={{ marginBottom: 8 }}>
            <Typography.Text type="secondary" data-testid="analytics-drill-total">
              {t('analytics.drill.total', { count: list.data?.total ?? 0 })}
            </Typography.Text>
          </Flex>
          <Table<DrillRow>
            rowKey="id"
            size="small"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.rows ?? []}
            scroll={{ x: 'max-content' }}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: list.data?.total ?? 0,
              showSizeChanger: true,
            }}
            onChange={(p, _f, sorter) => {
              const s = (Array.isArray(sorter) ? sorter[0] : sorter) as
                | SorterResult<DrillRow>
                | undefined;
              const field = String(s?.field ?? '');
              if (s?.order && SORTABLE[field]) {
                setSort({ sort: SORTABLE[field]!, order: s.order === 'ascend' ? 'asc' : 'desc' });
              } else {
                setSort({ sort: 'revenue', order: 'desc' });
              }
              setPage({ page: p.current ?? 1, pageSize: p.pageSize ?? 20 });
            }}
          />
        </>
      )}
    </Drawer>
  );
}

/** Drawer state for a page: `open(target)` from a chart or table click, `drawer` to render. */
export function useDrill() {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const close = useCallback(() => setTarget(null), []);
  return {
    target,
    open: setTarget,
    close,
    drawer: <DrillDrawer target={target} onClose={close} />,
  };
}
