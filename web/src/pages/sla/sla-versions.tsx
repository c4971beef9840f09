import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { listSlaVersions, type SlaVersionSummary } from '../../api/sla';
import { formatDateTime } from '../../format';

/** Saved versions with who saved them when and why; any one opens read-only. */
export function SlaVersions({
  current,
  onView,
}: {
  current: number | null;
  onView: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({
    queryKey: ['sla', 'versions', current],
    queryFn: listSlaVersions,
  });
  return (
    <Card
      size="small"
      title={t('sla.history')}
      data-testid="sla-versions"
      style={{ marginTop: 16 }}
    >
      <Table<SlaVersionSummary>
        size="small"
        rowKey="version"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        locale={{ emptyText: t('sla.noVersions') }}
        columns={[
          {
            title: t('sla.versionCol'),
            dataIndex: 'version',
            render: (v: number) => t('sla.version', { version: v }),
          },
          {
            title: t('sla.note'),
            dataIndex: 'note',
            render: (v: string | null) => v || t('sla.noNote'),
          },
          { title: t('sla.savedByCol'), render: (_, r) => r.savedBy?.name ?? '—' },
          {
            title: t('sla.savedAtCol'),
            dataIndex: 'savedAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => onView(r.version)}>
                {t('sla.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
