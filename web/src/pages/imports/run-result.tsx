import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Statistic, Table, type TableProps, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportIssue, ImportResult } from '../../api/import-types';
import { importRunFileUrl } from '../../api/imports';

/** What a column of the report shows for a field: the file's header and the field's label. */
export type ColumnLabel = (field: string) => { column: string; field: string };

/** Links to a run's full error report and its rejected rows (the latter only when there are some). */
export function RunDownloads({
  runId,
  issues,
  rejected,
}: {
  runId: number;
  issues: number;
  rejected: number;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={8} wrap>
      {issues > 0 && (
        <Button icon={<DownloadOutlined />} href={importRunFileUrl(runId, 'errors')} download>
          {t('imports.result.errorReport')}
        </Button>
      )}
      {rejected > 0 && (
        <Button icon={<DownloadOutlined />} href={importRunFileUrl(runId, 'rejected')} download>
          {t('imports.result.rejectedRows')}
        </Button>
      )}
    </Flex>
  );
}

function valueText(v: unknown): string {
  if (v === undefined || v === null) return '';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Row, column, value, what was expected and why: one line an issue. */
export function IssuesTable({
  issues,
  label,
  testId,
}: {
  issues: readonly ImportIssue[];
  label: ColumnLabel;
  testId?: string;
}) {
  const { t } = useTranslation();
  const columns: TableProps<ImportIssue>['columns'] = [
    { key: 'row', dataIndex: 'row', title: t('imports.issues.row'), width: 70 },
    {
      key: 'column',
      title: t('imports.issues.column'),
      width: 200,
      render: (_, i) => {
        const l = label(i.field);
        return (
          <Flex vertical>
            <Typography.Text>{l.column}</Typography.Text>
            {l.field !== l.column && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {l.field}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'value',
      title: t('imports.issues.value'),
      width: 180,
      render: (_, i) => (
        <Typography.Text code={valueText(i.value) !== ''}>{valueText(i.value)}</Typography.Text>
      ),
    },
    { key: 'expected', dataIndex: 'expected', title: t('imports.issues.expected'), width: 200 },
    { key: 'message', dataIndex: 'message', title: t('imports.issues.message') },
  ];
  return (
    <Table<ImportIssue>
      size="small"
      rowKey={(i) => `${i.row ?? ''}:${i.field}:${i.message}:${valueText(i.value)}`}
      columns={columns}
      dataSource={[...issues]}
      pagination={issues.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      scroll={{ x: 800 }}
      data-testid={testId}
    />
  );
}

interface CountCard {
  key: 'rowsTotal' | 'created' | 'updated' | 'rejected' | 'customersCreated';
  value: number;
  color?: string | undefined;
}

/**
 * The counts of a dry run or a commit as cards, the issues found (the first ones; the report
 * holds them all), the possible duplicates, and the report downloads.
 */
export function RunResult({
  result,
  label,
  showCustomersCreated,
}: {
  result: ImportResult;
  label: ColumnLabel;
  showCustomersCreated: boolean;
}) {
  const { t } = useTranslation();
  const cards: CountCard[] = [
    { key: 'rowsTotal', value: result.rowsTotal },
    { key: 'created', value: result.created, color: '#389e0d' },
    { key: 'updated', value: result.updated, color: '#1668dc' },
    { key: 'rejected', value: result.rejected, color: result.rejected ? '#cf1322' : undefined },
    ...(showCustomersCreated || result.customersCreated
      ? [{ key: 'customersCreated' as const, value: result.customersCreated }]
      : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} wrap data-testid="import-counts">
        {cards.map((c) => (
          <Card key={c.key} size="small" style={{ flex: '1 1 150px' }}>
            <Statistic
              title={t(`imports.result.${c.key}`)}
              value={c.value}
              styles={c.color ? { content: { color: c.color } } : undefined}
              data-testid={`import-count-${c.key}`}
            />
          </Card>
        ))}
      </Flex>
      {result.issueCount > 0 && (
        <div>
          <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('imports.result.issuesTitle', { count: result.issueCount })}
            </Typography.Title>
            <RunDownloads
              runId={result.runId}
              issues={result.issueCount}
              rejected={result.rejected}
            />
          </Flex>
          {result.issueCount > result.issues.length && (
            <Typography.Paragraph type="secondary">
              {t('imports.result.issuesTruncated', {
                shown: result.issues.length,
                count: result.issueCount,
              })}
            </Typography.Paragraph>
          )}
          <IssuesTable issues={result.issues} label={label} testId="import-issues" />
        </div>
      )}
      {result.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.result.warningsTitle', { count: result.warnings.length })}
          description={
            <IssuesTable issues={result.warnings} label={label} testId="import-warnings" />
          }
        />
      )}
    </Flex>
  );
}
