import { Select, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UploadPreview } from '../../api/import-types';
import type { TargetField } from './import-fields';
import { type ColumnChoice, columnCount, sampleValues } from './mapping-state';

interface Row {
  index: number;
  header: string;
  samples: string[];
  choice: ColumnChoice;
}

/** How sure the suggestion was, as a coloured tag; a hand-picked field says so. */
function Confidence({ choice }: { choice: ColumnChoice }) {
  const { t } = useTranslation();
  if (!choice.field) return null;
  if (choice.confidence === null) return <Tag>{t('imports.mapping.manual')}</Tag>;
  const pct = Math.round(choice.confidence * 100);
  const color = pct >= 90 ? 'success' : pct >= 60 ? 'warning' : 'default';
  return (
    <Tooltip title={t('imports.mapping.confidenceHint')}>
      <Tag color={color}>{t('imports.mapping.confidenceValue', { pct })}</Tag>
    </Tooltip>
  );
}

/**
 * Step 2, which column feeds which field: one row a file column, with its header, the first
 * values under it, and a choice of field. A field already taken by another column cannot be
 * chosen twice.
 */
export function MappingTable({
  preview,
  hasHeader,
  fields,
  columns,
  onChange,
}: {
  preview: UploadPreview;
  hasHeader: boolean;
  fields: readonly TargetField[];
  columns: readonly ColumnChoice[];
  onChange: (index: number, field: string | null) => void;
}) {
  const { t } = useTranslation();
  const taken = new Set(columns.map((c) => c.field).filter(Boolean));
  const rows: Row[] = Array.from({ length: columnCount(preview) }, (_, index) => ({
    index,
    header: hasHeader
      ? preview.headers[index] || t('imports.mapping.columnN', { n: index + 1 })
      : t('imports.mapping.columnN', { n: index + 1 }),
    samples: sampleValues(preview, hasHeader, index),
    choice: columns[index] ?? { field: null, confidence: null },
  }));

  const tableColumns: TableProps<Row>['columns'] = [
    {
      key: 'header',
      title: t('imports.mapping.fileColumn'),
      width: 200,
      render: (_, r) => <Typography.Text strong>{r.header}</Typography.Text>,
    },
    {
      key: 'samples',
      title: t('imports.mapping.samples'),
      render: (_, r) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
          {r.samples.filter((v) => v !== '').join(' · ') || t('imports.mapping.noSamples')}
        </Typography.Text>
      ),
    },
    {
      key: 'field',
      title: t('imports.mapping.field'),
      width: 260,
      render: (_, r) => (
        <Select<string>
          value={r.choice.field ?? undefined}
          onChange={(v) => onChange(r.index, v ?? null)}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('imports.mapping.skip')}
          aria-label={t('imports.mapping.fieldFor', { column: r.header })}
          style={{ width: '100%' }}
          options={fields.map((f) => ({
            value: f.field,
            label: f.required ? `${f.label} *` : f.label,
            disabled: taken.has(f.field) && r.choice.field !== f.field,
          }))}
        />
      ),
    },
    {
      key: 'confidence',
      title: t('imports.mapping.confidence'),
      width: 120,
      render: (_, r) => <Confidence choice={r.choice} />,
    },
  ];
  return (
    <Table<Row>
      rowKey="index"
      size="small"
      columns={tableColumns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 800 }}
      data-testid="import-mapping"
    />
  );
}
