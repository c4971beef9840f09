import { Card, Col, Empty, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClvDistribution } from '../../../api/clv';
import { formatMoney } from '../../../format';
import { ClvChart } from './clv-chart';
import { money, percent } from './clv-format';

/** Short money labels for histogram buckets: ¥0–2,000 … (whole yuan). */
function bucketLabels(widthMinor: number, buckets: number, lng: string): string[] {
  const yuan = (minor: number) => formatMoney(minor, lng).replace(/\.00$/, '');
  const labels: string[] = [];
  for (let k = 0; k < buckets - 1; k++)
    labels.push(`${yuan(k * widthMinor)}–${yuan((k + 1) * widthMinor)}`);
  labels.push(`≥ ${yuan((buckets - 1) * widthMinor)}`);
  return labels;
}

/**
 * The model's predictions at a glance: total and median CLV, the share the top fifth holds,
 * mean P(alive); the CLV histogram (the long tail in its last bar) and P(alive) by tenths.
 */
export function DistributionCharts({
  distribution: d,
  horizonMonths,
}: {
  distribution: ClvDistribution | null;
  horizonMonths: number;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  if (!d) return null;
  const clv = d.clv;
  const alive = {
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 16, top: 24, bottom: 48 },
    xAxis: {
      type: 'category',
      data: d.pAliveCounts.map((_, k) => `${k * 10}–${k * 10 + 10}%`),
      name: t('clv.distribution.pAlive'),
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', name: t('clv.evaluation.customers') },
    series: [{ type: 'bar', name: t('clv.evaluation.customers'), data: d.pAliveCounts }],
  };
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('clv.distribution.total', { months: horizonMonths })}
            value={clv ? money(clv.totalMinor, lng) : '—'}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('clv.distribution.median')}
            value={clv ? money(clv.quantilesMinor.p50, lng) : '—'}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('clv.distribution.top20')}
            value={clv ? percent(clv.top20Share, lng) : '—'}
          />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('clv.distribution.aliveMean')} value={percent(d.pAliveMean, lng)} />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('clv.distribution.clvTitle')}>
          {clv ? (
            <ClvChart
              testId="clv-distribution-chart"
              option={{
                tooltip: { trigger: 'axis' },
                grid: { left: 56, right: 16, top: 24, bottom: 72 },
                xAxis: {
                  type: 'category',
                  data: bucketLabels(clv.widthMinor, clv.counts.length, lng),
                  axisLabel: { rotate: 40 },
                },
                yAxis: { type: 'value', name: t('clv.evaluation.customers') },
                series: [{ type: 'bar', name: t('clv.evaluation.customers'), data: clv.counts }],
              }}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clv.model.noSpendModel')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('clv.distribution.aliveTitle')}>
          <ClvChart testId="clv-alive-chart" option={alive} />
        </Card>
      </Col>
    </Row>
  );
}
