import { Card, Flex, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { NineGridCell, Ninegrid, NinegridAxis } from '../../../api/analytics-behaviour';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { formatMetric, formatPercent } from './behaviour-format';

const X_LEVELS = ['C', 'B', 'A'] as const;
const Y_LEVELS = ['1', '2', '3'] as const;

/** The bar text of each level of an axis, high first. */
function levelLabels(
  axis: NinegridAxis,
  fmt: (v: number | null) => string,
  t: TFunction,
): [string, string, string] {
  const empty = t('analyticsBehaviour.ninegrid.levelEmpty');
  const { low, high } = axis;
  return [
    high === null ? empty : t('analyticsBehaviour.ninegrid.levelHigh', { value: fmt(high) }),
    low === null || (high !== null && low === high)
      ? empty
      : t('analyticsBehaviour.ninegrid.levelMiddle', { low: fmt(low), high: fmt(high) }),
    low === null ? '' : t('analyticsBehaviour.ninegrid.levelLow', { value: fmt(low) }),
  ];
}

/**
 * The 3 × 3 grid: x grows to the right (C, B, A), y upwards (3, 2, 1), so A1 is top right. Each
 * cell shows its customers, their share and revenue, shaded by its share; a click opens them.
 */
export function NinegridBoard({
  grid,
  onCell,
}: {
  grid: Ninegrid;
  onCell: (cell: NineGridCell) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const byName = new Map(grid.cells.map((c) => [c.cell, c]));
  const xLabels = levelLabels(grid.x, (v) => formatMetric(grid.x.metric, v, lng), t);
  const yLabels = levelLabels(grid.y, (v) => formatMetric(grid.y.metric, v, lng), t);
  const levelIndex = { A: 0, B: 1, C: 2 } as const;
  return (
    <div
      data-testid="ninegrid-board"
      style={{
        display: 'grid',
        gridTemplateColumns: '96px repeat(3, minmax(0, 1fr))',
        gap: 8,
      }}
    >
      {Y_LEVELS.map((digit, yi) => (
        <FragmentRow key={digit}>
          <Flex vertical justify="center" style={{ textAlign: 'right', paddingRight: 8 }}>
            <Typography.Text strong>{digit}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {yLabels[yi]}
            </Typography.Text>
          </Flex>
          {X_LEVELS.map((letter) => {
            const name = `${letter}${digit}` as NineGridCell;
            const c = byName.get(name);
            const customers = c?.customers ?? 0;
            const share = grid.customers ? customers / grid.customers : 0;
            return (
              <Card
                key={name}
                size="small"
                hoverable={customers > 0}
                data-testid={`ninegrid-cell-${name}`}
                onClick={() => customers > 0 && onCell(name)}
                style={{
                  cursor: customers > 0 ? 'pointer' : 'default',
                  background: `rgba(22, 119, 255, ${0.06 + 0.5 * share})`,
                }}
              >
                <Flex justify="space-between" align="center">
                  <Tag>{name}</Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('analyticsBehaviour.ninegrid.share', { share: formatPercent(share, lng) })}
                  </Typography.Text>
                </Flex>
                <Typography.Title level={4} style={{ margin: '6px 0 0' }}>
                  {t('analyticsBehaviour.ninegrid.customers', { count: customers })}
                </Typography.Title>
                <Typography.Text>{formatMoney(c?.revenueMinor ?? 0, lng)}</Typography.Text>
              </Card>
            );
          })}
        </FragmentRow>
      ))}
      <div />
      {X_LEVELS.map((letter) => (
        <Flex key={letter} vertical align="center">
          <Typography.Text strong>{letter}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {xLabels[levelIndex[letter]]}
          </Typography.Text>
        </Flex>
      ))}
    </div>
  );
}

/** Children placed straight into the surrounding CSS grid. */
function FragmentRow({ children }: { children: ReactNode }) {
  return <div style={{ display: 'contents' }}>{children}</div>;
}
