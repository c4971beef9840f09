import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Table, type TableProps } from 'antd';
import type { SorterResult, SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { type CustomerSortField, listCustomers } from '../../api/customers';
import type { Customer } from '../../api/types';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { PageHeader } from '../../layout/page-header';
import { customerColumns } from './customer-columns';

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

/**
 * The customer list. Search, page and sort live in the URL, so a link or the back button
 * returns to the same view.
 */
export function CustomerListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();

  const q = params.get('q') ?? '';
  const page = positiveInt(params.get('page'), 1);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE);
  const sortParam = params.get('sort');
  const sort = SORT_FIELDS.find((f) => f === sortParam);
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';

  const query = useQuery({
    queryKey: ['customers', { q, page, pageSize, sort, order }],
    queryFn: () => listCustomers({ q, page, pageSize, ...(sort ? { sort, order } : {}) }),
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
  const columns = customerColumns(t, i18n.language, sortOrderOf);

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

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        subtitle={t('customers.listSubtitle')}
        extra={
          can('customers.write') && (
            <Link to="/customers/new">
              <Button type="primary" icon={<PlusOutlined />}>
                {t('customers.new')}
              </Button>
            </Link>
          )
        }
      />
      <Card>
        <Input.Search
          key={q}
          defaultValue={q}
          placeholder={t('customers.search')}
          aria-label={t('customers.search')}
          allowClear
          enterButton
          style={{ maxWidth: 420, marginBottom: 16 }}
          onSearch={(value) => update({ q: value.trim(), page: undefined })}
        />
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
          scroll={{ x: 960 }}
        />
      </Card>
    </>
  );
}
