import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listRuns, type RunListItem } from '../../api/tiering';
import { formatDateTime } from '../../format';

/** One scheme's runs, newest first, each linked to its run page. */
export function SchemeRuns({ schemeId }: { schemeId: number }) {
  const { t, i18n } = useTranslation();
  const runs = useQuery({
    queryKey: ['tiering', 'runs', schemeId],
    queryFn: () => listRuns(schemeId),
  });
  return (
    <Table<RunListItem>
      rowKey="id"
      size="middle"
      loading={runs.isLoading}
      dataSource={runs.data ?? []}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('tiering.schemes.neverRun') }}
      columns={[
        {
          key: 'asOf',
          title: t('tiering.editor.asOf'),
          render: (_: unknown, r) => <Link to={`/tiering/runs/${r.id}`}>{r.asOf}</Link>,
        },
        {
          key: 'version',
          title: t('tiering.schemes.version'),
          render: (_: unknown, r) => t('tiering.versionN', { n: r.version }),
        },
        {
          key: 'status',
          title: t('tiering.runs.status'),
          render: (_: unknown, r) => (
            <Tag>
              {t(`tiering.status.${r.status}` as 'tiering.status.draft', {
                defaultValue: r.status,
              })}
            </Tag>
          ),
        },
        { key: 'customers', dataIndex: 'customers', title: t('tiering.runs.customers') },
        {
          key: 'createdAt',
          title: t('tiering.runs.createdAt'),
          render: (_: unknown, r) => formatDateTime(r.createdAt, i18n.language),
        },
      ]}
    />
  );
}
