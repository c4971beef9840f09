import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Drawer, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import {
  type ChangeDirection,
  type HistoryRow,
  type Publication,
  publicationChanges,
} from '../../api/reviews';
import { errorMessage } from '../../errors';

const DIRECTIONS: ChangeDirection[] = ['up', 'down', 'entered', 'left'];

/** The customers one publication moved up, down, in or out, a page at a time. */
export function PublicationChanges({
  publication,
  onClose,
}: {
  publication: Publication;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [direction, setDirection] = useState<ChangeDirection>('up');
  const [page, setPage] = useState(1);
  const changes = useQuery({
    queryKey: ['tiering', 'publication', publication.id, direction, page],
    queryFn: () => publicationChanges(publication.id, direction, page, 20),
    placeholderData: keepPreviousData,
  });
  const none = <Typography.Text type="secondary">{t('tiering.noTier')}</Typography.Text>;
  return (
    <Drawer
      open
      size={720}
      title={t('publications.changesTitle', { date: publication.effectiveFrom })}
      onClose={onClose}
    >
      <Segmented<ChangeDirection>
        style={{ marginBottom: 12 }}
        value={direction}
        onChange={(d) => {
          setDirection(d);
          setPage(1);
        }}
        options={DIRECTIONS.map((d) => ({ value: d, label: t(`publications.directions.${d}`) }))}
      />
      {changes.isError && <Alert type="error" showIcon title={errorMessage(t, changes.error)} />}
      <Table<HistoryRow>
        rowKey="id"
        size="small"
        loading={changes.isFetching}
        dataSource={changes.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: 20,
          total: changes.data?.total ?? 0,
          hideOnSinglePage: true,
          onChange: setPage,
        }}
        columns={[
          {
            key: 'code',
            title: t('reviews.form.code'),
            width: 120,
            render: (_: unknown, r) => <Link to={`/customers/${r.customerId}`}>{r.code}</Link>,
          },
          { key: 'name', dataIndex: 'name', title: t('reviews.form.name'), ellipsis: true },
          {
            key: 'change',
            title: t('tierHistory.change'),
            width: 150,
            render: (_: unknown, r) => (
              <span>
                {r.fromTier ? <Tag>{r.fromTier}</Tag> : none} →{' '}
                {r.toTier ? <Tag color="blue">{r.toTier}</Tag> : none}
              </span>
            ),
          },
          {
            key: 'reason',
            title: t('tierHistory.reason'),
            render: (_: unknown, r) => r.reason ?? t('common.none'),
          },
        ]}
      />
    </Drawer>
  );
}
