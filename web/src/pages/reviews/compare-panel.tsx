import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CycleDetail, listProposals, type Proposal } from '../../api/reviews';
import type { SchemeDocument } from '../../api/tiering';
import { formatMoney } from '../../format';
import { tierLabel } from '../tiering/labels';
import { reviewError } from './review-errors';

type Direction = 'up' | 'down';

/** The most the server lists in one page; the revenue sums cover at most this many movers. */
const MAX_ROWS = 500;

/** Why a customer moves: the meeting's reason, else the rating's, else the formula. */
function reasonOf(p: Proposal, formula: string): string {
  return p.revisionReason ?? p.proposalReason ?? formula;
}

function sum(rows: Proposal[]): number {
  return rows.reduce((s, p) => s + p.revenueMinor, 0);
}

/** Every mover in one direction (up to MAX_ROWS), for the list and the revenue at stake. */
function useMovers(cycleId: number, moved: Direction) {
  return useQuery({
    queryKey: ['reviews', 'proposals', cycleId, 'movers', moved],
    queryFn: () => listProposals(cycleId, { moved }, 1, MAX_ROWS),
  });
}

/**
 * The draft against the published tiers: who moves up, who moves down, why, and the 12-month
 * revenue of the customers moving.
 */
export function ComparePanel({ cycle, doc }: { cycle: CycleDetail; doc: SchemeDocument }) {
  const { t, i18n } = useTranslation();
  const [direction, setDirection] = useState<Direction>('up');
  const up = useMovers(cycle.id, 'up');
  const down = useMovers(cycle.id, 'down');
  const shown = direction === 'up' ? up : down;
  const name = (id: string | null) => tierLabel(t, doc, id, i18n.language);
  const money = (minor: number) => formatMoney(minor, i18n.language);
  const partial = (up.data?.total ?? 0) > MAX_ROWS || (down.data?.total ?? 0) > MAX_ROWS;

  return (
    <Card size="small">
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reviews.compare.up')}
            value={up.data?.total ?? 0}
            prefix={<ArrowUpOutlined />}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reviews.compare.upRevenue')}
            value={money(sum(up.data?.items ?? []))}
            data-testid="revenue-up"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reviews.compare.down')}
            value={down.data?.total ?? 0}
            prefix={<ArrowDownOutlined />}
            styles={{ content: { color: '#cf1322' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('reviews.compare.downRevenue')}
            value={money(sum(down.data?.items ?? []))}
            data-testid="revenue-down"
          />
        </Col>
      </Row>
      {partial && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reviews.compare.partial', { n: MAX_ROWS })}
        />
      )}
      <Segmented<Direction>
        style={{ marginBottom: 12 }}
        value={direction}
        onChange={setDirection}
        options={[
          { value: 'up', label: t('reviews.compare.up') },
          { value: 'down', label: t('reviews.compare.down') },
        ]}
      />
      {shown.isError && <Alert type="error" showIcon title={reviewError(t, shown.error)} />}
      <Table<Proposal>
        rowKey="customerId"
        size="small"
        data-testid="compare-table"
        loading={shown.isLoading}
        dataSource={shown.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('reviews.compare.none') }}
        columns={[
          { key: 'code', dataIndex: 'code', title: t('reviews.form.code'), width: 120 },
          { key: 'name', dataIndex: 'name', title: t('reviews.form.name'), ellipsis: true },
          {
            key: 'move',
            title: t('reviews.compare.move'),
            width: 220,
            render: (_: unknown, p) => (
              <span>
                <Tag>{name(p.previousTier)}</Tag>→{' '}
                <Tag color={direction === 'up' ? 'green' : 'red'}>{name(p.finalTier)}</Tag>
              </span>
            ),
          },
          {
            key: 'reason',
            title: t('reviews.compare.reason'),
            render: (_: unknown, p) => (
              <Typography.Text>{reasonOf(p, t('reviews.compare.byFormula'))}</Typography.Text>
            ),
          },
          {
            key: 'revenue',
            title: t('reviews.form.revenue'),
            width: 150,
            align: 'right',
            render: (_: unknown, p) => formatMoney(p.revenueMinor, i18n.language),
          },
        ]}
      />
    </Card>
  );
}
