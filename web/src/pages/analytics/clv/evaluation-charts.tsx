import { Card, Col, Empty, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClvEvaluation } from '../../../api/clv';
import { ClvChart } from './clv-chart';
import { decimal } from './clv-format';

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

function barOption(
  categories: string[],
  series: { name: string; data: number[] }[],
  axis: { x: string; y: string },
) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 16, top: 40, bottom: 48 },
    xAxis: {
      type: 'category',
      data: categories,
      name: axis.x,
      nameLocation: 'middle',
      nameGap: 28,
    },
    yAxis: { type: 'value', name: axis.y },
    series: series.map((s) => ({ ...s, type: 'bar' })),
  };
}

/**
 * How well the model fits: the calibration period's repeat-frequency histogram against the
 * model's, and (with a holdout) each frequency group's actual holdout purchases per customer
 * against the model's conditional expectation, as in Fader, Hardie & Lee's figures.
 */
export function EvaluationCharts({ evaluation }: { evaluation: ClvEvaluation | null }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const cal = evaluation?.calibration ?? null;
  const hold = evaluation?.holdout ?? null;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('clv.evaluation.calibrationTitle')} style={{ height: '100%' }}>
          {cal ? (
            <>
              <ClvChart
                testId="clv-calibration-chart"
                option={barOption(
                  cal.bins.map((b) => b.frequency),
                  [
                    { name: t('clv.evaluation.actual'), data: cal.bins.map((b) => b.actual) },
                    {
                      name: t('clv.evaluation.model'),
                      data: cal.bins.map((b) => round(b.expected, 1)),
                    },
                  ],
                  { x: t('clv.evaluation.repeatDays'), y: t('clv.evaluation.customers') },
                )}
              />
              <Typography.Text type="secondary">
                {t('clv.evaluation.calibrationTotals', {
                  actual: cal.actualRepeat.toLocaleString(lng),
                  expected: decimal(cal.expectedRepeat, lng, 1),
                })}
              </Typography.Text>
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('clv.evaluation.none')} />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={t('clv.evaluation.holdoutTitle')} style={{ height: '100%' }}>
          {hold ? (
            <>
              <ClvChart
                testId="clv-holdout-chart"
                option={barOption(
                  hold.bins.map((b) => b.frequency),
                  [
                    {
                      name: t('clv.evaluation.actual'),
                      data: hold.bins.map((b) => (b.customers ? round(b.actual / b.customers) : 0)),
                    },
                    {
                      name: t('clv.evaluation.predicted'),
                      data: hold.bins.map((b) =>
                        b.customers ? round(b.predicted / b.customers) : 0,
                      ),
                    },
                  ],
                  { x: t('clv.evaluation.repeatDays'), y: t('clv.evaluation.perCustomer') },
                )}
              />
              <Typography.Text type="secondary" data-testid="clv-holdout-totals">
                {t('clv.evaluation.holdoutTotals', {
                  from: hold.from,
                  to: hold.to,
                  actual: hold.actual.toLocaleString(lng),
                  predicted: decimal(hold.predicted, lng, 1),
                })}
              </Typography.Text>
            </>
          ) : (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={t('clv.evaluation.noHoldout')}
            />
          )}
        </Card>
      </Col>
    </Row>
  );
}
