import { ClearOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Space, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { filterOptions } from '../../../api/analytics';
import {
  type ClvModel,
  type ClvPrediction,
  type ClvSort,
  clvCustomersFileUrl,
  listClvCustomers,
} from '../../../api/clv';
import { useAuth } from '../../../auth/auth-provider';
import { errorMessage } from '../../../errors';
import { useOwners } from '../../../hooks/use-reference-data';
import { currentLanguage } from '../../../i18n';
import { CustomerCodeLink } from '../../customers/portrait/portrait-link';
import { decimal, money, percent } from './clv-format';

interface Filters {
  region?: string | undefined;
  industry?: string | undefined;
  ownerId?: number | undefined;
}

const SORT_COLUMNS: Record<string, ClvSort> = {
  clv: 'clv',
  pAlive: 'p_alive',
  expectedPurchases: 'expected_purchases',
};

/**
 * The model's customers, best first by CLV (or P(alive), expected purchases), filtered by
 * region, industry and owner, paged on the server; each code links to the customer page, the
 * icon beside it to the customer's portrait. Holders of customers.export download the same list
 * as CSV or XLSX.
 */
export function ClvCustomersTable({ model }: { model: ClvModel }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { can } = useAuth();
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<ClvSort>(model.gammaGamma ? 'clv' : 'expected_purchases');
  const [order, setOrder] = useState<'asc' | 'desc'>('desc');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const options = useQuery({ queryKey: ['analytics', 'filter-options'], queryFn: filterOptions });
  const owners = useOwners();
  const query = { modelId: model.id, sort, order, ...filters };
  const list = useQuery({
    queryKey: ['clv', 'customers', query, page, pageSize],
    queryFn: () => listClvCustomers({ ...query, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const change = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };
  const sortOrder = (key: ClvSort) =>
    list.data?.sort === key ? (order === 'asc' ? 'ascend' : 'descend') : null;
  const lang = currentLanguage();
  const active = Object.values(filters).some((v) => v !== undefined);
  const ownerName = new Map((owners.data ?? []).map((o) => [o.id, o.displayName]));

  return (
    <Card size="small" title={t('clv.customers.title')} data-testid="clv-customers">
      <Flex justify="space-between" gap={8} wrap style={{ marginBottom: 12 }}>
        <Space wrap>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 150 }}
            placeholder={t('clv.customers.region')}
            aria-label={t('clv.customers.region')}
            data-testid="clv-filter-region"
            value={filters.region}
            options={(options.data?.regions ?? []).map((v) => ({ value: v, label: v }))}
            onChange={(region?: string) => change({ region })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 150 }}
            placeholder={t('clv.customers.industry')}
            aria-label={t('clv.customers.industry')}
            value={filters.industry}
            options={(options.data?.industries ?? []).map((v) => ({ value: v, label: v }))}
            onChange={(industry?: string) => change({ industry })}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 150 }}
            placeholder={t('clv.customers.owner')}
            aria-label={t('clv.customers.owner')}
            value={filters.ownerId}
            options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
            onChange={(ownerId?: number) => change({ ownerId })}
          />
          {active && (
            <Button
              icon={<ClearOutlined />}
              onClick={() => change({ region: undefined, industry: undefined, ownerId: undefined })}
            >
              {t('clv.customers.clear')}
            </Button>
          )}
        </Space>
        {can('customers.export') && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              href={clvCustomersFileUrl(query, 'csv', lang)}
              download
              data-testid="clv-export-csv"
            >
              {t('clv.customers.csv')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={clvCustomersFileUrl(query, 'xlsx', lang)}
              download
              data-testid="clv-export-xlsx"
            >
              {t('clv.customers.xlsx')}
            </Button>
          </Space>
        )}
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<ClvPrediction>
        rowKey="customerId"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 960 }}
        onChange={(_p, _f, s) => {
          const sorter = (Array.isArray(s) ? s[0] : s) as SorterResult<ClvPrediction> | undefined;
          const key = sorter?.columnKey ? SORT_COLUMNS[String(sorter.columnKey)] : undefined;
          if (key) {
            setSort(key);
            setOrder(sorter?.order === 'ascend' ? 'asc' : 'desc');
            setPage(1);
          }
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100],
          showTotal: (total) => t('clv.customers.total', { count: total }),
          onChange: (p, size) => {
            setPage(size === pageSize ? p : 1);
            setPageSize(size);
          },
        }}
        columns={[
          {
            key: 'code',
            title: t('clv.customers.customer'),
            render: (_: unknown, r) => (
              <Space size={8} data-testid={`clv-customer-${r.code}`}>
                <CustomerCodeLink id={r.customerId} code={r.code} />
                <Typography.Text>{r.name}</Typography.Text>
              </Space>
            ),
          },
          {
            key: 'region',
            title: t('clv.customers.region'),
            render: (_: unknown, r) => r.region ?? '—',
          },
          {
            key: 'owner',
            title: t('clv.customers.owner'),
            render: (_: unknown, r) =>
              r.ownerId === null ? '—' : (ownerName.get(r.ownerId) ?? r.ownerId),
          },
          {
            key: 'x',
            title: t('clv.customers.repeat'),
            align: 'right',
            render: (_: unknown, r) => r.x,
          },
          {
            key: 'pAlive',
            title: t('clv.customers.pAlive'),
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('p_alive'),
            sortDirections: ['descend', 'ascend'],
            render: (_: unknown, r) => percent(r.pAlive, lng),
          },
          {
            key: 'expectedPurchases',
            title: t('clv.customers.expectedPurchases', { months: model.horizonMonths }),
            align: 'right',
            sorter: true,
            sortOrder: sortOrder('expected_purchases'),
            sortDirections: ['descend', 'ascend'],
            render: (_: unknown, r) => decimal(r.expectedPurchases, lng, 2),
          },
          {
            key: 'expectedSpend',
            title: t('clv.customers.expectedSpend'),
            align: 'right',
            render: (_: unknown, r) => money(r.expectedSpendMinor, lng),
          },
          {
            key: 'clv',
            title: t('clv.customers.clv'),
            align: 'right',
            sorter: model.gammaGamma !== null,
            sortOrder: sortOrder('clv'),
            sortDirections: ['descend', 'ascend'],
            render: (_: unknown, r) => (
              <Typography.Text strong>{money(r.clvMinor, lng)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
