import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { MOVES, type Move, type TierMigration } from '../../../api/analytics-tiers';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';

const COLORS: Record<Move, string> = {
  up: '#389e0d',
  down: '#cf1322',
  stayed: '#595959',
  new: '#1677ff',
  gone: '#d46b08',
};

/**
 * Upgrades, downgrades, stayed, new and gone: customers, their revenue in the later period and
 * its change against the earlier one (the revenue moved). A click opens the customers.
 */
export function MoveTotals({
  data,
  onDrill,
}: {
  data: TierMigration;
  onDrill: (move: Move) => void;
}) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
      {MOVES.map((move) => {
        const m = data.totals[move];
        const change = m.revenueMinor - m.revenueBeforeMinor;
        return (
          <Col key={move} xs={12} md={8} xl={4}>
            <Card
              size="small"
              hoverable={m.customers > 0}
              data-testid={`tier-move-${move}`}
              onClick={() => m.customers > 0 && onDrill(move)}
            >
              <Statistic
                title={t(`analyticsTiers.moves.${move}`)}
                value={m.customers}
                styles={{ content: { color: COLORS[move] } }}
              />
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {t('analyticsTiers.migration.revenueNow', {
                  value: formatMoney(m.revenueMinor, lng),
                })}
              </Typography.Text>
              <Typography.Text type={change < 0 ? 'danger' : 'secondary'}>
                {t('analyticsTiers.migration.revenueChange', {
                  value: `${change > 0 ? '+' : ''}${formatMoney(change, lng)}`,
                })}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
      <Col xs={12} md={8} xl={4}>
        <Card size="small" data-testid="tier-move-all">
          <Statistic title={t('analyticsTiers.migration.all')} value={data.all.customers} />
          <Typography.Text type="secondary" style={{ display: 'block' }}>
            {t('analyticsTiers.migration.revenueNow', {
              value: formatMoney(data.all.revenueMinor, lng),
            })}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('analyticsTiers.migration.revenueBefore', {
              value: formatMoney(data.all.revenueBeforeMinor, lng),
            })}
          </Typography.Text>
        </Card>
      </Col>
    </Row>
  );
}
