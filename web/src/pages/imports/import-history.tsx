import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../api/import-types';
import { importRunFileUrl, listImportRuns } from '../../api/imports';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { IMPORT_RUNS_KEY } from './use-import-job';

const STATUS_COLORS: Record<string, string> = {
  running: 'processing',
  dry_run: 'default',
  committed: 'success',
  rejected: 'warning',
  failed: 'error',
  interrupted: 'error',
};

/** The most recent imports, dry runs included, with their counts and report files. */
export function ImportHistory() {
  const { t, i18n } = useTranslation();
  const runs = useQuery({ queryKey: IMPORT_RUNS_KEY, queryFn: listImportRuns });
  const num = (n: number | null) => (n ?? 0).toLocaleString(i18n.language);
  const label = (group: string, v: string) =>
    t(`imports.${group}.${v}` as ParseKeys, { defaultValue: v });

  const columns: TableProps<ImportRun>['columns'] = [
    {
      key: 'startedAt',
      title: t('imports.history.startedAt'),
      width: 140,
      render: (_, r) => formatDateTime(r.startedAt, i18n.language),
    },
    {
      key: 'fileName',
      title: t('imports.history.file'),
      ellipsis: { showTitle: true },
      render: (_, r) => (
        <Flex vertical>
          <Typography.Text ellipsis={{ tooltip: r.fileName }}>{r.fileName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {label('targets', r.target)} · {label('modes', r.mode)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('imports.history.status'),
      width: 100,
      render: (_, r) => {
        const tag = <Tag color={STATUS_COLORS[r.status]}>{label('runStatus', r.status)}</Tag>;
        return r.message ? <Tooltip title={r.message}>{tag}</Tooltip> : tag;
      },
    },
    {
      key: 'rows',
      dataIndex: 'rowsTotal',
      title: t('imports.history.rows'),
      width: 80,
      render: num,
    },
    {
      key: 'created',
      dataIndex: 'rowsCreated',
      title: t('imports.history.created'),
      width: 80,
      render: num,
    },
    {
      key: 'updated',
      dataIndex: 'rowsUpdated',
      title: t('imports.history.updated'),
      width: 80,
      render: num,
    },
    {
      key: 'rejected',
      dataIndex: 'rowsRejected',
      title: t('imports.history.rejectedCount'),
      width: 80,
      render: (n: number) => (n ? <Typography.Text type="danger">{num(n)}</Typography.Text> : 0),
    },
    {
      key: 'customers',
      title: t('imports.history.customersCreated'),
      width: 110,
      render: (_, r) => num(r.customersCreated),
    },
    {
      key: 'files',
      title: t('imports.history.files'),
      width: 190,
      render: (_, r) =>
        // Only rejected rows produce issues, so a run without them has nothing to report.
        r.hasErrorReport && r.rowsRejected > 0 ? (
          <Space size={12}>
            <a href={importRunFileUrl(r.id, 'errors')} download>
              <DownloadOutlined /> {t('imports.history.errors')}
            </a>
            {r.hasRejectedFile && (
              <a href={importRunFileUrl(r.id, 'rejected')} download>
                <DownloadOutlined /> {t('imports.history.rejected')}
              </a>
            )}
          </Space>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <Card title={t('imports.history.title')} size="small" data-testid="import-history">
      {runs.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(t, runs.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<ImportRun>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={runs.data ?? []}
        loading={runs.isFetching}
        locale={{ emptyText: t('imports.history.empty') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 960 }}
      />
    </Card>
  );
}
