import { HistoryOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CustomerHistoryRow,
  customerTierHistory,
  customerTiersOn,
  type TierOnDate,
} from '../../../api/reviews';
import { errorMessage } from '../../../errors';
import { localized, todayIso } from '../../../format';

type SchemeRef = { name: { zh: string; en: string } } | null;

function schemeLabel(s: SchemeRef, lng: string, fallback: string): string {
  return s ? localized(s.name.zh, s.name.en, lng) : fallback;
}

/** The tier the customer held in each scheme on a chosen date. */
function TiersOnDate({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const [date, setDate] = useState(todayIso());
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const query = useQuery({
    queryKey: ['customer', customerId, 'tiers-on', date],
    queryFn: () => customerTiersOn(customerId, date),
    enabled: valid,
  });
  const items: TierOnDate[] = query.data ?? [];
  return (
    <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }} data-testid="tiers-on-date">
      <Typography.Text>{t('tierHistory.onDate')}</Typography.Text>
      <Input
        type="date"
        style={{ width: 160 }}
        value={date}
        aria-label={t('tierHistory.onDate')}
        onChange={(e) => setDate(e.target.value)}
      />
      {query.isError && (
        <Typography.Text type="danger">{errorMessage(t, query.error)}</Typography.Text>
      )}
      {query.data && items.length === 0 && (
        <Typography.Text type="secondary">{t('tierHistory.noTierOnDate')}</Typography.Text>
      )}
      {items.map((i) => (
        <Tag key={i.schemeId} color="blue">
          {schemeLabel(i.scheme, i18n.language, `#${i.schemeId}`)}: {i.tier}{' '}
          {t('tierHistory.since', { date: i.since })}
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * The customer's tier changes across all schemes, newest first (scheme, from → to, reason,
 * approver, effective date), and the tier they held on any date.
 */
export function TierHistoryCard({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const history = useQuery({
    queryKey: ['customer', customerId, 'tier-history'],
    queryFn: () => customerTierHistory(customerId),
  });
  const none = <Typography.Text type="secondary">{t('tiering.noTier')}</Typography.Text>;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="tier-history"
      title={
        <span>
          <HistoryOutlined /> {t('tierHistory.title')}
        </span>
      }
    >
      <TiersOnDate customerId={customerId} />
      {history.isError && <Alert type="error" showIcon title={errorMessage(t, history.error)} />}
      <Table<CustomerHistoryRow>
        rowKey="id"
        size="small"
        loading={history.isLoading}
        dataSource={history.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{
          emptyText: (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tierHistory.empty')} />
          ),
        }}
        columns={[
          {
            key: 'effective',
            dataIndex: 'effectiveFrom',
            title: t('tierHistory.effectiveFrom'),
            width: 120,
          },
          {
            key: 'scheme',
            title: t('tierHistory.scheme'),
            render: (_: unknown, r) => schemeLabel(r.scheme, i18n.language, `#${r.schemeId}`),
          },
          {
            key: 'change',
            title: t('tierHistory.change'),
            width: 160,
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
          {
            key: 'approver',
            title: t('tierHistory.approver'),
            width: 120,
            render: (_: unknown, r) => r.approverName ?? t('common.none'),
          },
        ]}
      />
    </Card>
  );
}
