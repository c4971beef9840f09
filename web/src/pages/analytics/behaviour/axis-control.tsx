import { InputNumber, Segmented, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MONEY_METRICS, type NineGridMetric, RATE_METRICS } from '../../../api/analytics-behaviour';

/** One axis as edited on the page: thresholds in display units (yuan, %, plain). */
export interface AxisDraft {
  metric: NineGridMetric;
  thresholds: boolean;
  low: number | null;
  high: number | null;
}

/** The metric, the way it is split and, for thresholds, the two bars of one nine-grid axis. */
export function AxisControl({
  axis,
  draft,
  metrics,
  onChange,
}: {
  axis: 'x' | 'y';
  draft: AxisDraft;
  metrics: NineGridMetric[];
  onChange: (d: AxisDraft) => void;
}) {
  const { t } = useTranslation();
  const unit = MONEY_METRICS.has(draft.metric)
    ? t('analyticsBehaviour.ninegrid.unitMoney')
    : RATE_METRICS.has(draft.metric)
      ? t('analyticsBehaviour.ninegrid.unitPercent')
      : draft.metric === 'recencyDays'
        ? t('analyticsBehaviour.ninegrid.unitDays')
        : undefined;
  const bar = (key: 'low' | 'high') => (
    <InputNumber<number>
      style={{ width: 150 }}
      data-testid={`ninegrid-${axis}-${key}`}
      aria-label={`${axis} ${t(`analyticsBehaviour.ninegrid.${key}`)}`}
      placeholder={t(`analyticsBehaviour.ninegrid.${key}`)}
      value={draft[key]}
      suffix={unit}
      onChange={(v) => onChange({ ...draft, [key]: v ?? null })}
    />
  );
  return (
    <Space wrap size={6} data-testid={`ninegrid-axis-${axis}`}>
      <Typography.Text type="secondary">{t(`analyticsBehaviour.ninegrid.${axis}`)}</Typography.Text>
      <Select<NineGridMetric>
        style={{ width: 170 }}
        data-testid={`ninegrid-${axis}-metric`}
        aria-label={t(`analyticsBehaviour.ninegrid.${axis}`)}
        value={draft.metric}
        onChange={(metric) => onChange({ ...draft, metric, low: null, high: null })}
        options={metrics.map((m) => ({ value: m, label: t(`analyticsBehaviour.metric.${m}`) }))}
      />
      <Segmented<'tertiles' | 'thresholds'>
        data-testid={`ninegrid-${axis}-split`}
        value={draft.thresholds ? 'thresholds' : 'tertiles'}
        onChange={(v) => onChange({ ...draft, thresholds: v === 'thresholds' })}
        options={[
          { value: 'tertiles', label: t('analyticsBehaviour.ninegrid.tertiles') },
          { value: 'thresholds', label: t('analyticsBehaviour.ninegrid.thresholds') },
        ]}
      />
      {draft.thresholds && (
        <>
          {bar('low')}
          {bar('high')}
        </>
      )}
    </Space>
  );
}
