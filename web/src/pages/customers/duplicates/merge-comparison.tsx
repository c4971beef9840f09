import { Radio, Table, type TableProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomFieldDef } from '../../../api/types';
import { localized } from '../../../format';
import { CustomFieldDisplay } from '../detail/custom-field-display';
import styles from './merge-comparison.module.css';

interface Row {
  key: string;
  label: string;
  a: ReactNode;
  b: ReactNode;
  after: ReactNode;
  differs: boolean;
}

type Fillable =
  | 'creditCode'
  | 'industry'
  | 'size'
  | 'source'
  | 'region'
  | 'province'
  | 'city'
  | 'district'
  | 'regionCode'
  | 'ownerName';

const FILLABLE: readonly Fillable[] = [
  'creditCode',
  'industry',
  'size',
  'source',
  'region',
  'province',
  'city',
  'district',
  'regionCode',
  'ownerName',
];

/**
 * The two customers side by side, with a column showing what the survivor will hold: its own
 * values, the other's where it has none, the union of tags. Rows that differ are highlighted.
 */
export function MergeComparison({
  a,
  b,
  survivorId,
  onSurvivor,
  defs,
}: {
  a: Customer;
  b: Customer;
  survivorId: number;
  onSurvivor: (id: number) => void;
  defs: readonly CustomFieldDef[];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const none = t('common.none');
  const [survivor, other] = survivorId === a.id ? [a, b] : [b, a];

  const shown = (c: Customer, k: Fillable): string => {
    if (k === 'size') return c.size ? t(`customers.sizes.${c.size}`) : none;
    return c[k] ?? none;
  };
  const rows: Row[] = [
    {
      key: 'code',
      label: t('customers.fields.code'),
      a: a.code,
      b: b.code,
      after: survivor.code,
      differs: true,
    },
    {
      key: 'name',
      label: t('customers.fields.name'),
      a: a.name,
      b: b.name,
      after: survivor.name,
      differs: a.name !== b.name,
    },
    {
      key: 'type',
      label: t('customers.fields.type'),
      a: t(`customers.types.${a.type}`),
      b: t(`customers.types.${b.type}`),
      after: t(`customers.types.${survivor.type}`),
      differs: a.type !== b.type,
    },
    ...FILLABLE.map((k) => ({
      key: k,
      label: t(`customers.fields.${k === 'ownerName' ? 'owner' : k}`),
      a: shown(a, k),
      b: shown(b, k),
      after: survivor[k] !== null ? shown(survivor, k) : shown(other, k),
      differs: a[k] !== b[k],
    })),
    {
      key: 'tags',
      label: t('customers.fields.tags'),
      a: a.tags.map((x) => <Tag key={x}>{x}</Tag>),
      b: b.tags.map((x) => <Tag key={x}>{x}</Tag>),
      after: [...new Set([...survivor.tags, ...other.tags])].map((x) => <Tag key={x}>{x}</Tag>),
      differs: [...a.tags].sort().join() !== [...b.tags].sort().join(),
    },
    ...defs.map((d) => {
      const merged = { ...other.customFields, ...survivor.customFields };
      return {
        key: `cf-${d.key}`,
        label: localized(d.labelZh, d.labelEn, lng),
        a: <CustomFieldDisplay def={d} value={a.customFields[d.key]} />,
        b: <CustomFieldDisplay def={d} value={b.customFields[d.key]} />,
        after: <CustomFieldDisplay def={d} value={merged[d.key]} />,
        differs: JSON.stringify(a.customFields[d.key]) !== JSON.stringify(b.customFields[d.key]),
      };
    }),
  ];

  const head = (c: Customer) => (
    <Radio checked={survivorId === c.id} onChange={() => onSurvivor(c.id)}>
      {c.code}{' '}
      <Tag color={survivorId === c.id ? 'green' : 'orange'}>
        {survivorId === c.id ? t('duplicates.keep') : t('duplicates.mergeAway')}
      </Tag>
    </Radio>
  );
  const columns: TableProps<Row>['columns'] = [
    { key: 'label', dataIndex: 'label', title: t('duplicates.field'), width: 130 },
    { key: 'a', dataIndex: 'a', title: head(a) },
    { key: 'b', dataIndex: 'b', title: head(b) },
    { key: 'after', dataIndex: 'after', title: t('duplicates.afterMerge') },
  ];

  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={rows}
      rowClassName={(r) => (r.differs ? (styles.differs ?? '') : '')}
      scroll={{ x: 640, y: 420 }}
    />
  );
}
