import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listPublications, type Publication, publicationCounts } from '../../api/reviews';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { PublicationChanges } from './publications-changes';

/**
 * One scheme's publications, newest first: when each took effect, the distribution it left,
 * and how many customers moved; each opens the list of customers it moved.
 */
export function SchemePublications({ schemeId }: { schemeId: number }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState<Publication>();
  const pubs = useQuery({
    queryKey: ['tiering', 'publications', schemeId],
    queryFn: () => listPublications(schemeId),
  });
  // The server lists oldest first (distribution over time); the latest matters most here.
  const rows = [...(pubs.data ?? [])].reverse();
  return (
    <>
      {pubs.isError && <Alert type="error" showIcon title={errorMessage(t, pubs.error)} />}
      <Table<Publication>
        rowKey="id"
        size="middle"
        data-testid="scheme-publications"
        loading={pubs.isLoading}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('publications.empty') }}
        columns={[
          {
            key: 'effective',
            dataIndex: 'effectiveFrom',
            title: t('publications.effectiveFrom'),
            width: 130,
          },
          {
            key: 'distribution',
            title: t('publications.distribution'),
            render: (_: unknown, p) => (
              <Space size={4} wrap>
                {publicationCounts(p.summary).distribution.map((d) => (
                  <Tag key={d.tier}>
                    {d.tier}: {d.count}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            key: 'moves',
            title: t('publications.moves'),
            width: 200,
            render: (_: unknown, p) => {
              const c = publicationCounts(p.summary);
              return (
                <Space size={4}>
                  <Tag color="green">↑ {c.upgrades ?? '—'}</Tag>
                  <Tag color="red">↓ {c.downgrades ?? '—'}</Tag>
                </Space>
              );
            },
          },
          {
            key: 'source',
            title: t('publications.source'),
            width: 160,
            render: (_: unknown, p) =>
              p.cycleId ? (
                <Link to={`/reviews/${p.cycleId}`}>
                  {t('publications.cycle', { id: p.cycleId })}
                </Link>
              ) : (
                <Link to={`/tiering/runs/${p.runId}`}>
                  {t('publications.run', { id: p.runId })}
                </Link>
              ),
          },
          {
            key: 'publishedAt',
            title: t('publications.publishedAt'),
            width: 170,
            render: (_: unknown, p) => formatDateTime(p.publishedAt, i18n.language),
          },
          {
            key: 'actions',
            title: t('common.actions'),
            width: 110,
            render: (_: unknown, p) => (
              <Button size="small" type="link" onClick={() => setOpen(p)}>
                {t('publications.changes')}
              </Button>
            ),
          },
        ]}
      />
      {open && <PublicationChanges publication={open} onClose={() => setOpen(undefined)} />}
    </>
  );
}
