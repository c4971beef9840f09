import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Empty,
  Select,
  Skeleton,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customerTimeline, FACT_KINDS } from '../../../api/facts';
import type { TimelineItem } from '../../../api/types';
import { errorMessage } from '../../../errors';
import { formatMoney } from '../../../format';
import { lookOf } from './fact-look';

const PAGE = 100;
const MAX = 500;

/** One entry: kind, title and amount; a complaint is marked as such. */
function Entry({ item }: { item: TimelineItem }) {
  const { t, i18n } = useTranslation();
  const look = lookOf(item.kind);
  const currency = typeof item.data.currency === 'string' ? item.data.currency : 'CNY';
  const complaint = item.kind === 'feedback' && item.data.kind === 'complaint';
  return (
    <Space size={6} wrap>
      <Tag color={look.color} style={{ marginInlineEnd: 0 }}>
        {t(`facts.kinds.${item.kind}` as ParseKeys, { defaultValue: item.kind })}
      </Tag>
      {complaint && <Tag color="red">{t('facts.values.complaint')}</Tag>}
      <Typography.Text>{item.title || t('common.none')}</Typography.Text>
      {item.amountMinor !== null && (
        <Typography.Text strong data-testid="timeline-amount">
          {formatMoney(item.amountMinor, i18n.language, currency)}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Every fact of the customer on one timeline, newest first, filterable by kind. */
export function TimelineCard({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const [kinds, setKinds] = useState<string[]>([]);
  const [limit, setLimit] = useState(PAGE);
  const query = useQuery({
    queryKey: ['timeline', customerId, limit],
    queryFn: () => customerTimeline(customerId, limit),
    placeholderData: keepPreviousData,
  });
  const all = query.data ?? [];
  const shown = kinds.length ? all.filter((i) => kinds.includes(i.kind)) : all;

  return (
    <Card
      title={t('timeline.title')}
      style={{ height: '100%' }}
      extra={
        <Select
          mode="multiple"
          allowClear
          size="small"
          maxTagCount="responsive"
          style={{ minWidth: 180 }}
          aria-label={t('timeline.filter')}
          placeholder={t('timeline.allKinds')}
          value={kinds}
          onChange={setKinds}
          options={FACT_KINDS.map((k) => ({ value: k, label: t(`facts.kinds.${k}`) }))}
        />
      }
    >
      {query.isError && <Alert type="error" showIcon title={errorMessage(t, query.error)} />}
      {query.isLoading ? (
        <Skeleton active />
      ) : shown.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={kinds.length ? t('timeline.noneOfKind') : t('timeline.empty')}
        />
      ) : (
        <Timeline
          data-testid="customer-timeline"
          items={shown.map((item) => {
            const look = lookOf(item.kind);
            return {
              key: `${item.kind}-${item.id}`,
              color: look.color,
              icon: <span style={{ color: look.color }}>{look.icon}</span>,
              title: <Typography.Text type="secondary">{item.date}</Typography.Text>,
              content: <Entry item={item} />,
            };
          })}
        />
      )}
      {all.length >= limit && limit < MAX && (
        <Button
          block
          onClick={() => setLimit(Math.min(limit + PAGE, MAX))}
          loading={query.isFetching}
        >
          {t('timeline.more')}
        </Button>
      )}
    </Card>
  );
}
