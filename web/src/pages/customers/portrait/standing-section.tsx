import { AimOutlined } from '@ant-design/icons';
import { Alert, Card, Divider, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PortraitAnalytics, PortraitLifecycle, PortraitRfm } from '../../../api/portrait';
import { formatMoney } from '../../../format';
import { currentLanguage } from '../../../i18n';
import styles from './portrait.module.css';
import { decimal, percent, textOf } from './portrait-format';

const STAGE_COLORS: Record<PortraitLifecycle['stage']['key'], string> = {
  new: 'cyan',
  active: 'green',
  silent: 'gold',
  at_risk: 'orange',
  churned: 'red',
};

/** One RFM score as a bar of five, with the customer's value and the population's median. */
function ScoreBar({ label, score, value }: { label: string; score: number; value: string }) {
  return (
    <div className={styles.scoreRow}>
      <Typography.Text>{label}</Typography.Text>
      <Progress steps={5} percent={score * 20} showInfo={false} size={[18, 10]} />
      <Typography.Text>
        <Typography.Text strong>{score}</Typography.Text> · {value}
      </Typography.Text>
    </div>
  );
}

function Rfm({ r }: { r: PortraitRfm }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const m = r.medians;
  return (
    <Flex vertical gap={6} data-testid="portrait-rfm">
      <Typography.Text type="secondary">
        {t('portrait.standing.population', { count: r.population, date: r.asOf })}
      </Typography.Text>
      <ScoreBar
        label={t('portrait.standing.recency')}
        score={r.r}
        value={t('portrait.standing.recencyValue', { days: r.recencyDays, median: m.recencyDays })}
      />
      <ScoreBar
        label={t('portrait.standing.frequency')}
        score={r.f}
        value={t('portrait.standing.frequencyValue', {
          count: r.frequency,
          median: decimal(m.frequency, lng),
        })}
      />
      <ScoreBar
        label={t('portrait.standing.monetary')}
        score={r.m}
        value={t('portrait.standing.monetaryValue', {
          amount: formatMoney(r.monetaryMinor, lng),
          median: formatMoney(Math.round(m.monetaryMinor), lng),
        })}
      />
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('portrait.standing.segment')}</Typography.Text>
        <Tag color="blue" data-testid="portrait-rfm-segment">
          {textOf(r.segment, lng)}
        </Tag>
        <Typography.Text type="secondary">
          {t('portrait.standing.segmentShare', { share: percent(r.segment.share, lng) })}
        </Typography.Text>
      </Flex>
      <Typography.Text>
        {t('portrait.standing.action')}: {textOf(r.segment.action, lng)}
      </Typography.Text>
    </Flex>
  );
}

/** The stage and, in words, the rule that decided it. */
function Lifecycle({ l }: { l: PortraitLifecycle }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const p = l.parameters;
  const k = { churned_multiple: p.k3, at_risk_multiple: p.k2, silent_multiple: p.k1 };
  const reason = t(`portrait.standing.rules.${l.rule}`, {
    days: l.daysSinceLast,
    first: l.firstOrderOn,
    newDays: p.newDays,
    maxDays: p.maxDays,
    interval: decimal(l.intervalDays, lng),
    multiple: decimal(l.multiple, lng),
    k: l.rule === 'within_rhythm' ? p.k1 : (k[l.rule as keyof typeof k] ?? p.k1),
    whose: t(
      l.ownInterval ? 'portrait.standing.ownInterval' : 'portrait.standing.fallbackInterval',
    ),
  });
  return (
    <Flex vertical gap={6} data-testid="portrait-lifecycle">
      <Flex gap={8} align="center" wrap>
        <Typography.Text>{t('portrait.standing.lifecycle')}</Typography.Text>
        <Tag color={STAGE_COLORS[l.stage.key]} data-testid="portrait-stage">
          {t(`portrait.standing.stages.${l.stage.key}`)}
        </Tag>
        <Typography.Text type="secondary">
          {t('portrait.standing.stageShare', {
            share: percent(l.stage.share, lng),
            count: l.population,
            date: l.asOf,
          })}
        </Typography.Text>
      </Flex>
      <Typography.Text data-testid="portrait-stage-reason">{reason}</Typography.Text>
      <Typography.Text type="secondary">
        {t('portrait.standing.orders', {
          count: l.orders,
          first: l.firstOrderOn,
          last: l.lastOrderOn,
        })}
      </Typography.Text>
    </Flex>
  );
}

/** RFM scores and segment, and the lifecycle stage, against the customers compared with. */
export function StandingSection({ a }: { a: PortraitAnalytics }) {
  const { t } = useTranslation();
  const excluded = a.standing.excluded;
  return (
    <Card
      size="small"
      data-testid="portrait-standing"
      title={
        <span>
          <AimOutlined /> {t('portrait.standing.title')}
        </span>
      }
      style={{ height: '100%' }}
    >
      {excluded && (
        <Alert type="info" showIcon title={t(`portrait.standing.excluded.${excluded}`)} />
      )}
      {a.rfm && <Rfm r={a.rfm} />}
      {a.rfm && a.lifecycle && <Divider style={{ margin: '10px 0' }} />}
      {a.lifecycle && <Lifecycle l={a.lifecycle} />}
    </Card>
  );
}
