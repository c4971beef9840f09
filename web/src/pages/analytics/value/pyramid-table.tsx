import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ValueLevel, ValueView } from '../../../api/analytics-value';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { LEVEL_COLORS, type ValueSelector } from './value-drill';
import { cutsLabel, formatShare } from './value-format';

/** The pyramid levels as a table; a row opens the level's customers. */
export function PyramidTable({
  view,
  onDrill,
}: {
  view: ValueView;
  onDrill: (s: ValueSelector) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <>
      <Table<ValueLevel>
        rowKey="key"
        size="small"
        pagination={false}
        data-testid="value-pyramid-table"
        dataSource={view.pyramid}
        onRow={(l) => ({
          onClick: () => l.customers > 0 && onDrill({ level: l.key }),
          style: { cursor: l.customers > 0 ? 'pointer' : 'default' },
          'data-testid': `value-level-${l.key}`,
        })}
        columns={[
          {
            title: t('analyticsValue.pyramid.level'),
            dataIndex: 'key',
            render: (k: ValueLevel['key']) => (
              <Tag color={LEVEL_COLORS[k]}>{t(`analyticsValue.levels.${k}`)}</Tag>
            ),
          },
          { title: t('analyticsValue.pyramid.customers'), dataIndex: 'customers', align: 'right' },
          {
            title: t('analyticsValue.pyramid.customerShare'),
            dataIndex: 'customerShare',
            align: 'right',
            render: (v: number) => formatShare(v, lng),
          },
          {
            title: t(`analyticsValue.metric.${view.metric}`),
            dataIndex: 'valueMinor',
            align: 'right',
            render: (v: number) => formatMoney(v, lng),
          },
          {
            title: t('analyticsValue.pyramid.valueShare'),
            dataIndex: 'valueShare',
            align: 'right',
            render: (v: number) => formatShare(v, lng),
          },
          {
            title: t('analyticsValue.pyramid.minValue'),
            dataIndex: 'minValueMinor',
            align: 'right',
            render: (v: number, l) => (l.customers ? formatMoney(v, lng) : '–'),
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, fontSize: 12 }}>
        {t('analyticsValue.pyramid.rule', { cuts: cutsLabel(view.cuts.join(',')) })}
      </Typography.Paragraph>
    </>
  );
}
