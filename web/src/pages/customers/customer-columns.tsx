import type { TableProps } from 'antd';
import { Tag } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { CustomerSortField } from '../../api/customers';
import type { Customer } from '../../api/types';
import { formatDate, formatDateTime } from '../../format';
import { TYPE_COLORS } from './labels';

type Column = NonNullable<TableProps<Customer>['columns']>[number];

/**
 * Columns of the customer list. Sortable columns are keyed by the server's sort field, so the
 * table's sort event maps straight onto the query.
 */
export function customerColumns(
  t: TFunction,
  lng: string,
  sortOrderOf: (field: CustomerSortField) => SortOrder,
  onTag: (tag: string) => void,
): Column[] {
  const none = t('common.none');
  const orNone = (v: string | null) => v ?? none;
  const sortable = (key: CustomerSortField, rest: Column): Column => ({
    key,
    sorter: true,
    sortOrder: sortOrderOf(key),
    ...rest,
  });
  const date = (v: string) => (
    // The day is enough in the list; the exact time is one hover away.
    <span title={formatDateTime(v, lng)}>{formatDate(v, lng)}</span>
  );

  return [
    sortable('code', { dataIndex: 'code', title: t('customers.fields.code'), width: 100 }),
    sortable('name', {
      dataIndex: 'name',
      title: t('customers.fields.name'),
      ellipsis: true,
      render: (name: string, c: Customer) => (
        // A real link keeps open-in-new-tab and keyboard navigation working.
        <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    }),
    sortable('type', {
      dataIndex: 'type',
      title: t('customers.fields.type'),
      width: 100,
      render: (type: Customer['type']) => (
        <Tag color={TYPE_COLORS[type]}>{t(`customers.types.${type}`)}</Tag>
      ),
    }),
    sortable('industry', {
      dataIndex: 'industry',
      title: t('customers.fields.industry'),
      width: 100,
      ellipsis: true,
      render: orNone,
    }),
    sortable('region', {
      dataIndex: 'region',
      title: t('customers.fields.region'),
      width: 84,
      render: orNone,
    }),
    sortable('size', {
      dataIndex: 'size',
      title: t('customers.fields.size'),
      width: 80,
      render: (v: Customer['size']) => (v ? t(`customers.sizes.${v}`) : none),
    }),
    {
      key: 'tags',
      dataIndex: 'tags',
      title: t('customers.fields.tags'),
      width: 160,
      render: (tags: string[]) =>
        tags.length
          ? tags.map((tag) => (
              <Tag
                key={tag}
                color="geekblue"
                style={{ cursor: 'pointer', marginBottom: 2 }}
                onClick={(e) => {
                  // Filters by the tag instead of opening the customer.
                  e.stopPropagation();
                  onTag(tag);
                }}
              >
                {tag}
              </Tag>
            ))
          : none,
    },
    {
      key: 'owner',
      dataIndex: 'ownerName',
      title: t('customers.fields.owner'),
      width: 90,
      ellipsis: true,
      render: orNone,
    },
    sortable('created_at', {
      dataIndex: 'createdAt',
      title: t('customers.fields.createdAt'),
      width: 110,
      render: date,
    }),
    sortable('updated_at', {
      dataIndex: 'updatedAt',
      title: t('customers.fields.updatedAt'),
      width: 110,
      render: date,
    }),
  ];
}
