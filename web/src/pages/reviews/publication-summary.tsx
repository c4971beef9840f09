import { Descriptions, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SchemeDocument } from '../../api/tiering';
import { tierLabel } from '../tiering/labels';

/** The counts a publication reports (a publish answer or a stored summary). */
export interface SummaryCounts {
  effectiveFrom?: string | undefined;
  customers?: number | null | undefined;
  distribution: { tier: string; count: number }[];
  upgrades: number | null;
  downgrades: number | null;
  entered: number | null;
  left: number | null;
  notified?: number | null | undefined;
}

/** What a publication did: the new distribution and who moved, entered, left, was told. */
export function PublicationSummary({
  counts,
  doc,
}: {
  counts: SummaryCounts;
  doc?: SchemeDocument | undefined;
}) {
  const { t, i18n } = useTranslation();
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v);
  return (
    <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered data-testid="publication-summary">
      {counts.effectiveFrom && (
        <Descriptions.Item label={t('reviews.fields.effectiveFrom')}>
          {counts.effectiveFrom}
        </Descriptions.Item>
      )}
      {counts.customers !== undefined && (
        <Descriptions.Item label={t('reviews.publish.customers')}>
          {n(counts.customers)}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('reviews.publish.distribution')} span={3}>
        <Space wrap>
          {counts.distribution.map((d) => (
            <Tag key={d.tier} color="blue">
              {tierLabel(t, doc, d.tier, i18n.language)}: {d.count}
            </Tag>
          ))}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('reviews.publish.upgrades')}>
        {n(counts.upgrades)}
      </Descriptions.Item>
      <Descriptions.Item label={t('reviews.publish.downgrades')}>
        {n(counts.downgrades)}
      </Descriptions.Item>
      <Descriptions.Item label={t('reviews.publish.entered')}>
        {n(counts.entered)}
      </Descriptions.Item>
      <Descriptions.Item label={t('reviews.publish.left')}>{n(counts.left)}</Descriptions.Item>
      {counts.notified !== undefined && (
        <Descriptions.Item label={t('reviews.publish.notified')}>
          {n(counts.notified)}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
