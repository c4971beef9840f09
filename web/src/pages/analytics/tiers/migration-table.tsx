import { Button, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { TierMigration } from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import type { MigrationSelector } from './tier-drill';
import { tierName } from './tier-format';

interface MatrixRow {
  key: string;
  index: number;
}

/**
 * The matrix in numbers: a row a tier before, a column a tier after; each cell the customers
 * (a link to them), their revenue in the later period and its change. Row and column totals.
 */
export function MigrationTable({
  data,
  onDrill,
}: {
  data: TierMigration;
  onDrill: (s: MigrationSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const k = data.labels.length - 1;
  const name = (id: string, side: 'before' | 'after') =>
    id === 'none'
      ? t(side === 'before' ? 'analyticsTiers.noneBefore' : 'analyticsTiers.noneAfter')
      : tierName(t, data.tiers, id, lng);
  const cell = (r: number, c: number) => {
    const n = data.counts[r]![c]!;
    if (r === k && c === k) return null;
    const after = data.revenueMinor[r]![c]!;
    const change = after - data.revenueBeforeMinor[r]![c]!;
    return (
      <div>
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          disabled={n === 0}
          data-testid={`tier-cell-${data.labels[r]}-${data.labels[c]}`}
          onClick={() => onDrill({ fromTier: data.labels[r], toTier: data.labels[c] })}
        >
          {n}
        </Button>
        {n > 0 && (
          <>
            <br />
            <Typography.Text type="secondary">{formatMoney(after, lng)}</Typography.Text>
            <br />
            <Typography.Text type={change < 0 ? 'danger' : 'secondary'}>
              {`${change > 0 ? '+' : ''}${formatMoney(change, lng)}`}
            </Typography.Text>
          </>
        )}
      </div>
    );
  };
  const rowTotal = (r: number) => data.counts[r]!.reduce((a, b) => a + b, 0);
  const columns: ColumnsType<MatrixRow> = [
    {
      title: `${t('analyticsTiers.migration.before')} \\ ${t('analyticsTiers.migration.after')}`,
      key: 'from',
      fixed: 'left',
      render: (_, row) => name(data.labels[row.index]!, 'before'),
    },
    ...data.labels.map((id, c) => ({
      title: name(id, 'after'),
      key: `to-${id}`,
      align: 'right' as const,
      render: (_: unknown, row: MatrixRow) => cell(row.index, c),
    })),
    {
      title: t('analyticsTiers.migration.total'),
      key: 'total',
      align: 'right',
      render: (_, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          disabled={rowTotal(row.index) === 0}
          onClick={() => onDrill({ fromTier: data.labels[row.index] })}
        >
          {rowTotal(row.index)}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Table<MatrixRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={data.labels.map((id, index) => ({ key: id, index }))}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="tier-migration-table"
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('analyticsTiers.migration.tableNote')}
      </Typography.Paragraph>
    </>
  );
}
