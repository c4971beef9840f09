import { CopyOutlined, DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Table, type TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  type CustomerFilters,
  type CustomerSortField,
  customerExportUrl,
  listCustomers,
} from '../../api/customers';
import { CUSTOMER_SIZES, CUSTOMER_TYPES, type Customer } from '../../api/types';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { currentLanguage } from '../../i18n';
import { PageHeader } from '../../layout/page-header';
import { customerColumns } from './customer-columns';
import { CustomerFilterBar } from './customer-filters';

const SORT_FIELDS: readonly CustomerSortField[] = [
  'code',
  'name',
  'type',
  'industry',
  'region',
  'size',
  'created_at',
  'updated_at',
];
const DEFAULT_PAGE_SIZE = 20;

function positiveInt(v: string | null, fallback: number): number {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function oneOf<T extends string>(list: readonly T[], v: string | null): T | undefined {
  return list.find((x) => x === v);
}

/** The filters in the URL; unknown values are ignored rather than sent. */
function filtersOf(params: URLSearchParams): CustomerFilters {
  const text = (k: string) => params.get(k)?.trim() || undefined;
  return {
    q: text('q'),
    type: oneOf(CUSTOMER_TYPES, params.get('type')),
    size: oneOf(CUSTOMER_SIZES, params.get('size')),
    industry: text('industry'),
    region: text('region'),
    province: text('province'),
    tag: text('tag'),
  };
}

/**
 * The customer list. Search, filters, page and sort live in the URL, so a link or the back
 * button returns to the same view; the export downloads exactly what the filters select.
 */
export function CustomerListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const filters = filtersOf(params);
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const sort = oneOf(SORT_FIELDS, params.get('sort'));
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';

  const query = useQuery({
    queryKey: ['customers', { ...filters, page, pageSize, sort, order }],
    queryFn: () => listCustomers({ ...filters, page, pageSize, ...(sort ? { sort, order } : {}) }),
    placeholderData: keepPreviousData,
  });

  const update = (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next);
  };

  const sortOrderOf = (field: CustomerSortField): SortOrder =>
    sort === field ? (order === 'desc' ? 'descend' : 'ascend') : null;
  const columns = customerColumns(t, i18n.language, sortOrderOf, (tag) =>
    update({ tag, page: undefined }),
  );

  const onChange: TableProps<Customer>['onChange'] = (pagination, _filters, sorter) => {
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<Customer> | undefined;
    const field = SORT_FIELDS.find((f) => f === s?.columnKey);
    const sorted = field && s?.order;
    update({
      page: pagination.current === 1 ? undefined : pagination.current,
      pageSize: pagination.pageSize === DEFAULT_PAGE_SIZE ? undefined : pagination.pageSize,
      sort: sorted ? field : undefined,
      order: sorted && s.order === 'descend' ? 'desc' : undefined,
    });
  };

  const lang = currentLanguage();
  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.listSubtitle')}
        extra={
          <Space wrap>
            <Link to="/customers/duplicates">
              <Button icon={<CopyOutlined />}>{t('duplicates.title')}</Button>
            </Link>
            {can('customers.import') && (
              <Link to="/customers/import">
                <Button icon={<UploadOutlined />}>{t('imports.title')}</Button>
              </Link>
            )}
            {can('customers.write') && (
              <Link to="/customers/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('customers.new')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <Card>
        <Flex justify="space-between" align="start" gap={8} wrap style={{ marginBottom: 16 }}>
          <CustomerFilterBar
            filters={filters}
            onChange={(c) => update({ ...c, page: undefined })}
          />
          {can('customers.export') && (
            <Space size={4}>
              <Button
                icon={<DownloadOutlined />}
                href={customerExportUrl('csv', lang, filters)}
                download
              >
                {t('export.csv')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                href={customerExportUrl('xlsx', lang, filters)}
                download
              >
                {t('export.xlsx')}
              </Button>
            </Space>
          )}
        </Flex>
        {query.isError && (
          <Alert
            type="error"
            showIcon
            title={errorMessage(t, query.error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Table<Customer>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={query.data?.items ?? []}
          loading={query.isFetching}
          onChange={onChange}
          onRow={(c) => ({
            onClick: () => navigate(`/customers/${c.id}`),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('customers.total', { count: total }),
          }}
          scroll={{ x: 1100 }}
        />
      </Card>
    </>
  );
}
