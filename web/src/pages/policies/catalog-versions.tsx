import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { type CatalogVersionSummary, listCatalogVersions } from '../../api/policies';
import { formatDateTime } from '../../format';

/** Saved versions of a catalog with who saved them when; any one opens read-only. */
export function CatalogVersions({
  schemeId,
  current,
  onView,
}: {
  schemeId: number;
  current: number | null;
  onView: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const versions = useQuery({
    queryKey: ['policies', schemeId, 'versions', current],
    queryFn: () => listCatalogVersions(schemeId),
  });
  return (
    <Card size="small" title={t('policy.catalog.history')} data-testid="catalog-versions">
      <Table<CatalogVersionSummary>
        size="small"
        rowKey="version"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        loading={versions.isLoading}
        dataSource={versions.data ?? []}
        locale={{ emptyText: t('policy.catalog.noVersions') }}
        columns={[
          {
            title: t('policy.catalog.versionCol'),
            dataIndex: 'version',
            render: (v: number) => t('policy.catalog.version', { version: v }),
          },
          {
            title: t('policy.catalog.note'),
            dataIndex: 'note',
            render: (v: string | null) => v || t('policy.catalog.noNote'),
          },
          {
            title: t('policy.catalog.savedByCol'),
            render: (_, r) => r.savedBy?.name ?? '—',
          },
          {
            title: t('policy.catalog.savedAtCol'),
            dataIndex: 'savedAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => onView(r.version)}>
                {t('policy.catalog.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
