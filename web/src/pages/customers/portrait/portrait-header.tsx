import { ArrowLeftOutlined, CrownOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space, Statistic, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Portrait } from '../../../api/portrait';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import { TYPE_COLORS } from '../labels';
import styles from './portrait.module.css';
import { percent, textOf } from './portrait-format';

/** The customer's published tier in each scheme, the service tier first and crowned. */
function TierBadges({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const placed = p.tiers.filter((x) => x.published);
  if (placed.length === 0) return <Tag>{t('portrait.header.noTier')}</Tag>;
  return (
    <>
      {placed.map((x) => (
        <Tag
          key={x.schemeId}
          color={x.serviceTier ? 'gold' : 'blue'}
          icon={x.serviceTier ? <CrownOutlined /> : undefined}
          data-testid={`portrait-tier-badge-${x.schemeKey}`}
        >
          {textOf(x.schemeName, lng)}: {textOf(x.published!.tierName, lng)}
        </Tag>
      ))}
    </>
  );
}

/** Headline figures: sales of the last twelve months and, with analytics, CLV and standing. */
function Headline({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const a = p.analytics;
  const prediction = a?.clv?.prediction ?? null;
  const small = { fontSize: 18 };
  return (
    <Flex gap={28} wrap data-testid="portrait-headline">
      <Statistic
        title={t('portrait.value.last12')}
        value={formatMoney(p.revenue.last12.revenueMinor, lng)}
        styles={{ content: small }}
      />
      {a && (
        <Statistic
          title={t('portrait.header.clv')}
          value={
            prediction?.clvMinor != null
              ? formatMoney(prediction.clvMinor, lng)
              : t('portrait.none')
          }
          styles={{ content: small }}
          data-testid="portrait-clv"
        />
      )}
      {a && (
        <Statistic
          title={t('portrait.header.pAlive')}
          value={prediction ? percent(prediction.pAlive, lng) : t('portrait.none')}
          styles={{ content: small }}
        />
      )}
      {a?.rfm && (
        <Statistic
          title={t('portrait.header.rfm')}
          value={textOf(a.rfm.segment, lng)}
          styles={{ content: small }}
        />
      )}
      {a?.lifecycle && (
        <Statistic
          title={t('portrait.header.stage')}
          value={t(`portrait.standing.stages.${a.lifecycle.stage.key}`)}
          styles={{ content: small }}
        />
      )}
    </Flex>
  );
}

/** Name, code, tier badges, headline figures, and the way back and to paper. */
export function PortraitHeader({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const c = p.profile;
  return (
    <Card size="small" data-testid="portrait-header">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <Flex vertical gap={6}>
          <Space wrap>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {c.name}
            </Typography.Title>
            <Tag color={TYPE_COLORS[c.type]}>{t(`customers.types.${c.type}`)}</Tag>
            {c.status === 'merged' && <Tag color="warning">{t('customers.status.merged')}</Tag>}
          </Space>
          <Typography.Text type="secondary">
            {t('portrait.subtitle', {
              code: c.code,
              today: p.today,
              from: p.period.from,
              to: p.period.to,
            })}
          </Typography.Text>
          <Space wrap size={4}>
            <TierBadges p={p} />
          </Space>
        </Flex>
        <Space className={styles.noPrint}>
          <Link to={`/customers/${c.id}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('portrait.backToCustomer')}</Button>
          </Link>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            data-testid="portrait-print"
          >
            {t('portrait.print')}
          </Button>
        </Space>
      </Flex>
      <div style={{ marginTop: 12 }}>
        <Headline p={p} />
      </div>
    </Card>
  );
}
