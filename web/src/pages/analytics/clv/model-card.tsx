import { Alert, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClvModel } from '../../../api/clv';
import { formatDateTime } from '../../../format';
import { decimal, parameter, percent } from './clv-format';
import { warningText } from './warning-text';

const STATUS_COLORS = { finished: 'green', running: 'blue', failed: 'red' } as const;

/**
 * The model: what it was fitted on and with which settings, both sets of parameters with their
 * log-likelihood and iterations, and its warnings (why spend or CLV may be empty).
 */
export function ModelCard({ model: m }: { model: ClvModel }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const bg = m.bgnbd;
  const gg = m.gammaGamma;
  return (
    <Card
      size="small"
      title={t('clv.model.title', { id: m.id })}
      extra={<Tag color={STATUS_COLORS[m.status]}>{t(`clv.model.status.${m.status}`)}</Tag>}
      data-testid="clv-model-card"
    >
      <Flex vertical gap={12}>
        {m.error && <Alert type="error" showIcon title={m.error} />}
        {m.warnings.map((w) => {
          const text = warningText(t, w);
          return (
            <Alert
              key={w.code}
              type="warning"
              showIcon
              title={text.title}
              description={text.text}
              data-testid={`clv-warning-${w.code}`}
            />
          );
        })}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
          <Descriptions.Item label={t('clv.model.asOf')}>
            <span data-testid="clv-model-as-of">{m.asOf}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('clv.model.calibration')}>
            {m.holdoutWeeks > 0
              ? t('clv.model.calibrationHoldout', { end: m.calibrationEnd, weeks: m.holdoutWeeks })
              : t('clv.model.calibrationAll', { end: m.calibrationEnd })}
          </Descriptions.Item>
          <Descriptions.Item label={t('clv.model.fittedAt')}>
            {formatDateTime(m.finishedAt ?? m.createdAt, lng)}
          </Descriptions.Item>
          <Descriptions.Item label={t('clv.model.horizon')}>
            {t('clv.model.horizonValue', {
              months: m.horizonMonths,
              rate: percent(m.discountRate, lng),
            })}
          </Descriptions.Item>
          <Descriptions.Item label={t('clv.model.margin')}>
            {m.margin === null ? t('clv.model.revenue') : percent(m.margin, lng)}
          </Descriptions.Item>
          <Descriptions.Item label={t('clv.model.unit')}>
            {t(`clv.units.${m.unit}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('clv.model.customers')}>
            {t('clv.model.customersValue', {
              customers: m.customers.toLocaleString(lng),
              repeat: m.repeatCustomers.toLocaleString(lng),
              scored: m.scoredCustomers.toLocaleString(lng),
            })}
          </Descriptions.Item>
        </Descriptions>
        {bg && (
          <Descriptions
            size="small"
            title={t('clv.model.bgnbd')}
            column={{ xs: 2, sm: 3, lg: 6 }}
            data-testid="clv-model-bgnbd"
          >
            <Descriptions.Item label="r">{parameter(bg.r, lng)}</Descriptions.Item>
            <Descriptions.Item label="α">{parameter(bg.alpha, lng)}</Descriptions.Item>
            <Descriptions.Item label="a">{parameter(bg.a, lng)}</Descriptions.Item>
            <Descriptions.Item label="b">{parameter(bg.b, lng)}</Descriptions.Item>
            <Descriptions.Item label={t('clv.model.logLikelihood')}>
              {decimal(bg.logLikelihood, lng, 3)}
            </Descriptions.Item>
            <Descriptions.Item label={t('clv.model.iterations')}>{bg.iterations}</Descriptions.Item>
          </Descriptions>
        )}
        {gg ? (
          <Descriptions
            size="small"
            title={t('clv.model.gammaGamma')}
            column={{ xs: 2, sm: 3, lg: 6 }}
            data-testid="clv-model-gamma-gamma"
          >
            <Descriptions.Item label="p">{parameter(gg.p, lng)}</Descriptions.Item>
            <Descriptions.Item label="q">{parameter(gg.q, lng)}</Descriptions.Item>
            <Descriptions.Item label="γ">{parameter(gg.gamma, lng)}</Descriptions.Item>
            <Descriptions.Item label={t('clv.model.logLikelihood')}>
              {decimal(gg.logLikelihood, lng, 3)}
            </Descriptions.Item>
            <Descriptions.Item label={t('clv.model.iterations')}>{gg.iterations}</Descriptions.Item>
            <Descriptions.Item label={t('clv.model.spendCustomers')}>
              {gg.customers.toLocaleString(lng)}
            </Descriptions.Item>
          </Descriptions>
        ) : (
          m.status === 'finished' && (
            <Typography.Text type="secondary">{t('clv.model.noSpendModel')}</Typography.Text>
          )
        )}
      </Flex>
    </Card>
  );
}
