import type { TableProps } from 'antd';
import { Rate, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { Fact, FactKind } from '../../../api/facts';
import type { Owner } from '../../../api/types';
import { formatMoney } from '../../../format';
import { CustomerRef } from './customer-ref';
import { dataKey, FACT_SPECS, type FactField, type FactValue } from './fact-specs';

type Column = NonNullable<TableProps<Fact>['columns']>[number];

/** A listed value of a field, by the field's type. */
function cell(f: FactField, v: unknown, row: Fact, t: TFunction, lng: string, owners: Owner[]) {
  if (v === null || v === undefined || v === '') return t('common.none');
  switch (f.type) {
    case 'money':
      return formatMoney(Number(v), lng, typeof row.currency === 'string' ? row.currency : 'CNY');
    case 'bool':
      return v ? <Tag color="red">{t('common.yes')}</Tag> : t('common.no');
    case 'enum':
      return t(`facts.values.${v as FactValue}`, { defaultValue: String(v) });
    case 'score':
      return <Rate disabled count={5} value={Number(v)} style={{ fontSize: 14 }} />;
    case 'customer':
      return <CustomerRef id={Number(v)} />;
    case 'user':
      return owners.find((o) => o.id === v)?.displayName ?? `#${v}`;
    case 'int':
      return new Intl.NumberFormat(lng).format(Number(v));
    case 'textarea':
      return (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: String(v) }} style={{ margin: 0 }}>
          {String(v)}
        </Typography.Paragraph>
      );
    default:
      return String(v);
  }
}

/** The list columns of one kind of fact, plus what the server derives (days late). */
export function factColumns(kind: FactKind, t: TFunction, lng: string, owners: Owner[]): Column[] {
  const columns: Column[] = FACT_SPECS[kind].fields
    .filter((f) => f.column !== false)
    .map((f) => ({
      key: f.name,
      dataIndex: dataKey(f),
      title: t(`facts.fields.${f.name}`),
      align: f.type === 'money' || f.type === 'int' ? ('right' as const) : undefined,
      width: f.type === 'textarea' ? 240 : undefined,
      render: (v: unknown, row: Fact) => cell(f, v, row, t, lng, owners),
    }));
  if (kind === 'payments') {
    columns.push({
      key: 'daysLate',
      dataIndex: 'daysLate',
      title: t('facts.fields.daysLate'),
      align: 'right',
      render: (v: number | null) =>
        v === null ? t('common.none') : v > 0 ? <Tag color="orange">{v}</Tag> : v,
    });
  }
  return columns;
}
