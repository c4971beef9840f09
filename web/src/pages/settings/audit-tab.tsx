import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AuditEntry,
  type AuditFilters,
  auditExportUrl,
  listAudit,
  verifyAudit,
} from '../../api/audit';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';

const PAGE_SIZE = 50;

/** A value as one line of text for the diff table. */
function show(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Before and after side by side, field by field, changed fields marked. */
function EntryDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const before = isRecord(entry.before) ? entry.before : { '': entry.before };
  const after = isRecord(entry.after) ? entry.after : { '': entry.after };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const rows = keys
    .map((k) => ({ key: k, before: show(before[k]), after: show(after[k]) }))
    .filter((r) => r.before !== '' || r.after !== '');
  if (rows.length === 0)
    return <Typography.Text type="secondary">{t('audit.noDetail')}</Typography.Text>;
  return (
    <Table
      size="small"
      pagination={false}
      rowKey="key"
      dataSource={rows}
      data-testid="audit-diff"
      columns={[
        { key: 'field', dataIndex: 'key', title: t('audit.field'), width: 180 },
        {
          key: 'before',
          dataIndex: 'before',
          title: t('audit.before'),
          render: (v: string, r) => (
            <Typography.Text
              delete={v !== r.after && v !== ''}
              type={v !== r.after ? 'danger' : undefined}
            >
              {v}
            </Typography.Text>
          ),
        },
        {
          key: 'after',
          dataIndex: 'after',
          title: t('audit.after'),
          render: (v: string, r) => (
            <Typography.Text type={v !== r.before ? 'success' : undefined}>{v}</Typography.Text>
          ),
        },
      ]}
    />
  );
}

/**
 * The audit trail for auditors: filters, the entries newest first with before and after in an
 * expandable row, CSV/XLSX export of what the filters select, and a check of the hash chain.
 */
export function AuditTab() {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<AuditFilters>();
  const [filters, setFilters] = useState<AuditFilters>({});
  const [page, setPage] = useState(1);
  const entries = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => listAudit(filters, page, PAGE_SIZE),
  });
  const verify = useMutation({ mutationFn: verifyAudit });

  const apply = (values: AuditFilters) => {
    const clean = Object.fromEntries(
      Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
    ) as AuditFilters;
    setFilters(clean);
    setPage(1);
  };

  const columns: TableProps<AuditEntry>['columns'] = [
    {
      key: 'at',
      dataIndex: 'at',
      title: t('audit.at'),
      width: 180,
      render: (v: string) => formatDateTime(v, i18n.language),
    },
    { key: 'actor', dataIndex: 'actorName', title: t('audit.actor'), width: 140 },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.action'),
      width: 220,
      render: (v: string) => <Tag>{v}</Tag>,
    },
    { key: 'entity', dataIndex: 'entity', title: t('audit.entity'), width: 140 },
    { key: 'entityId', dataIndex: 'entityId', title: t('audit.entityId'), width: 120 },
    { key: 'seq', dataIndex: 'seq', title: t('audit.seq'), width: 90 },
    { key: 'requestId', dataIndex: 'requestId', title: t('audit.requestId'), ellipsis: true },
  ];

  const report = verify.data;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Form form={form} layout="inline" onFinish={apply} data-testid="audit-filters">
        <Form.Item name="from" label={t('audit.from')}>
          <Input type="date" data-testid="audit-from" />
        </Form.Item>
        <Form.Item name="to" label={t('audit.to')}>
          <Input type="date" data-testid="audit-to" />
        </Form.Item>
        <Form.Item name="actor">
          <Input placeholder={t('audit.actor')} allowClear style={{ width: 130 }} />
        </Form.Item>
        <Form.Item name="action">
          <Input
            placeholder={t('audit.actionPrefix')}
            allowClear
            style={{ width: 170 }}
            data-testid="audit-action"
          />
        </Form.Item>
        <Form.Item name="entity">
          <Input placeholder={t('audit.entity')} allowClear style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="entityId">
          <Input placeholder={t('audit.entityId')} allowClear style={{ width: 110 }} />
        </Form.Item>
        <Form.Item name="q">
          <Input placeholder={t('audit.search')} allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            data-testid="audit-apply"
          >
            {t('audit.apply')}
          </Button>
        </Form.Item>
      </Form>

      <Space wrap>
        <Button href={auditExportUrl(filters, 'csv', i18n.language)} icon={<DownloadOutlined />}>
          {t('audit.exportCsv')}
        </Button>
        <Button href={auditExportUrl(filters, 'xlsx', i18n.language)} icon={<DownloadOutlined />}>
          {t('audit.exportXlsx')}
        </Button>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </Space>

      {verify.isError && <Alert type="error" showIcon title={errorMessage(t, verify.error)} />}
      {report && (
        <Alert
          data-testid="audit-verify-result"
          type={report.ok ? 'success' : 'error'}
          showIcon
          title={
            report.ok
              ? t('audit.chainOk', { count: report.entries })
              : t('audit.chainBroken', {
                  id: report.problem?.id ?? '-',
                  seq: report.problem?.seq ?? '-',
                  kind: t(`audit.problem.${report.problem?.kind ?? 'gap'}` as 'audit.problem.gap'),
                })
          }
          description={
            report.ok ? (
              <Typography.Text
                code
                copyable
              >{`${report.headSeq ?? 0}:${report.headHash ?? ''}`}</Typography.Text>
            ) : (
              report.problem?.message
            )
          }
        />
      )}

      {entries.isError && <Alert type="error" showIcon title={errorMessage(t, entries.error)} />}
      <Table<AuditEntry>
        rowKey="id"
        size="middle"
        data-testid="audit-table"
        columns={columns}
        dataSource={entries.data?.items ?? []}
        loading={entries.isLoading}
        expandable={{ expandedRowRender: (e) => <EntryDiff entry={e} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: entries.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('audit.total', { count: n }),
          onChange: setPage,
        }}
        scroll={{ x: 1000 }}
      />
    </Space>
  );
}
