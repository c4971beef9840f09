import { Button, Space, type TableProps, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Proposal } from '../../api/reviews';
import type { SchemeDocument } from '../../api/tiering';
import { formatMoney } from '../../format';
import { formatScore, tierLabel } from '../tiering/labels';

/** A tier with its reason underneath (proposed or revised), or a dash when not set. */
function TierWithReason({ tier, reason }: { tier: string | null; reason: string | null }) {
  if (!tier) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space orientation="vertical" size={0}>
      <Tag>{tier}</Tag>
      {reason && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {reason}
        </Typography.Text>
      )}
    </Space>
  );
}

/** The evaluation form's columns; `onEdit` adds the edit button when the user may edit. */
export function proposalColumns(
  t: TFunction,
  lng: string,
  doc: SchemeDocument,
  onEdit?: (p: Proposal) => void,
): NonNullable<TableProps<Proposal>['columns']> {
  const name = (id: string | null) => (id ? tierLabel(t, doc, id, lng) : null);
  const columns: NonNullable<TableProps<Proposal>['columns']> = [
    {
      key: 'code',
      title: t('reviews.form.code'),
      width: 120,
      fixed: 'left',
      render: (_: unknown, p) => <Link to={`/customers/${p.customerId}`}>{p.code}</Link>,
    },
    { key: 'name', dataIndex: 'name', title: t('reviews.form.name'), width: 200, ellipsis: true },
    { key: 'region', dataIndex: 'region', title: t('reviews.form.region'), width: 90 },
    {
      key: 'score',
      title: t('reviews.form.score'),
      width: 80,
      render: (_: unknown, p) => formatScore(p.score),
    },
    {
      key: 'revenue',
      title: t('reviews.form.revenue'),
      width: 140,
      align: 'right',
      render: (_: unknown, p) => formatMoney(p.revenueMinor, lng),
    },
    {
      key: 'computed',
      title: t('reviews.form.computed'),
      width: 110,
      render: (_: unknown, p) => <Tag color="blue">{name(p.computedTier)}</Tag>,
    },
    {
      key: 'previous',
      title: t('reviews.form.previous'),
      width: 110,
      render: (_: unknown, p) => name(p.previousTier) ?? t('tiering.noTier'),
    },
    {
      key: 'proposed',
      title: t('reviews.form.proposed'),
      width: 170,
      render: (_: unknown, p) => (
        <TierWithReason tier={name(p.proposedTier)} reason={p.proposalReason} />
      ),
    },
    {
      key: 'credit',
      title: t('reviews.form.credit'),
      width: 130,
      render: (_: unknown, p) =>
        p.creditGrade ? (
          <Space size={4}>
            <Tag>{p.creditGrade}</Tag>
            {p.receivablesConfirmed ? (
              <Tag color="green">{t('reviews.form.confirmed')}</Tag>
            ) : (
              <Tag color="orange">{t('reviews.form.unconfirmed')}</Tag>
            )}
          </Space>
        ) : (
          '—'
        ),
    },
    {
      key: 'revised',
      title: t('reviews.form.revised'),
      width: 170,
      render: (_: unknown, p) => (
        <TierWithReason tier={name(p.revisedTier)} reason={p.revisionReason} />
      ),
    },
    {
      key: 'final',
      title: t('reviews.form.final'),
      width: 110,
      render: (_: unknown, p) => (
        <Tag color="gold" data-testid={`final-${p.code}`}>
          {name(p.finalTier)}
        </Tag>
      ),
    },
  ];
  if (onEdit)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      fixed: 'right',
      render: (_: unknown, p) => (
        <Button size="small" type="link" onClick={() => onEdit(p)}>
          {t('common.edit')}
        </Button>
      ),
    });
  return columns;
}
