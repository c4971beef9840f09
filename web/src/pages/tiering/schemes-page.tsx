import { CrownOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listRuns, listSchemes, type RunListItem, type SchemeSummary } from '../../api/tiering';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { schemeName } from './labels';
import { TemplateGallery } from './template-gallery';

/** The tiering schemes with their latest version and last run, and the template gallery. */
export function SchemesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const schemes = useQuery({ queryKey: ['tiering', 'schemes'], queryFn: listSchemes });
  const runs = useQuery({ queryKey: ['tiering', 'runs'], queryFn: () => listRuns() });

  // Runs come newest first, so the first one seen per scheme is its last run.
  const lastRun = new Map<number, RunListItem>();
  for (const r of runs.data ?? []) if (!lastRun.has(r.schemeId)) lastRun.set(r.schemeId, r);

  const columns: TableProps<SchemeSummary>['columns'] = [
    {
      key: 'name',
      title: t('tiering.schemes.name'),
      render: (_: unknown, s) => (
        <Space>
          <Link to={`/tiering/schemes/${s.id}`}>{schemeName(s, i18n.language)}</Link>
          {s.serviceTier && (
            <Tag icon={<CrownOutlined />} color="gold">
              {t('tiering.schemes.serviceTier')}
            </Tag>
          )}
        </Space>
      ),
    },
    { key: 'key', dataIndex: 'key', title: t('tiering.schemes.key'), width: 160 },
    {
      key: 'version',
      title: t('tiering.schemes.version'),
      width: 140,
      render: (_: unknown, s) =>
        s.latest ? (
          <Space>
            {t('tiering.versionN', { n: s.latest.version })}
            {s.latest.locked ? (
              <Tag color="blue">{t('tiering.locked')}</Tag>
            ) : (
              <Tag>{t('tiering.draft')}</Tag>
            )}
          </Space>
        ) : (
          t('common.none')
        ),
    },
    {
      key: 'lastRun',
      title: t('tiering.schemes.lastRun'),
      width: 260,
      render: (_: unknown, s) => {
        const r = lastRun.get(s.id);
        if (!r)
          return (
            <Typography.Text type="secondary">{t('tiering.schemes.neverRun')}</Typography.Text>
          );
        return (
          <Link to={`/tiering/runs/${r.id}`}>
            {t('tiering.schemes.runAt', {
              asOf: r.asOf,
              version: r.version,
              when: formatDateTime(r.createdAt, i18n.language),
            })}
          </Link>
        );
      },
    },
  ];

  return (
    <>
      <PageHeader title={t('tiering.schemes.title')} subtitle={t('tiering.schemes.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        {schemes.isError && (
          <Typography.Text type="danger">{errorMessage(t, schemes.error)}</Typography.Text>
        )}
        <Table<SchemeSummary>
          rowKey="id"
          columns={columns}
          dataSource={schemes.data ?? []}
          loading={schemes.isLoading}
          pagination={false}
          locale={{ emptyText: t('tiering.schemes.empty') }}
          scroll={{ x: 800 }}
        />
      </Card>
      {can('tiering.manage') && can('tiering.run') && <TemplateGallery />}
    </>
  );
}
