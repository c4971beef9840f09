import { CrownOutlined } from '@ant-design/icons';
import { Card, Empty, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Portrait, PortraitTier } from '../../../api/portrait';
import { currentLanguage } from '../../../i18n';
import styles from './portrait.module.css';
import { decimal, textOf } from './portrait-format';

const FLAGS = ['provisional', 'override', 'held', 'gated'] as const;

/** Why the run placed the customer: points per criterion, the rule, adjustments. */
function Explanation({ e }: { e: NonNullable<PortraitTier['explanation']> }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary">
        {e.source === 'published'
          ? t('portrait.tiers.run', { asOf: e.asOf })
          : t('portrait.tiers.latestRun', { asOf: e.asOf, tier: textOf(e.tierName, lng) })}
        {e.score !== null && ` · ${t('portrait.tiers.score', { score: decimal(e.score, lng) })}`}
        {e.rank !== null &&
          ` · ${t('portrait.tiers.rank', { rank: e.rank, total: e.runCustomers })}`}
      </Typography.Text>
      {e.criteria.map((c) => (
        <div key={c.id} className={styles.scoreRow}>
          <Typography.Text ellipsis>{textOf(c.label, lng)}</Typography.Text>
          <Progress
            size="small"
            showInfo={false}
            percent={
              c.points !== null && c.maxPoints ? Math.min(100, (100 * c.points) / c.maxPoints) : 0
            }
          />
          <Typography.Text>
            {c.points === null
              ? t('portrait.tiers.noValue')
              : `${decimal(c.points, lng)} / ${decimal(c.maxPoints ?? 0, lng)}`}
          </Typography.Text>
        </div>
      ))}
      {e.rule && (
        <Typography.Text>
          {t('portrait.tiers.rule', {
            rule: e.rule.label ? textOf(e.rule.label, lng) : (e.rule.id ?? ''),
          })}
        </Typography.Text>
      )}
      <Flex gap={4} wrap>
        {FLAGS.filter((f) => e.flags[f]).map((f) => (
          <Tag key={f} color="orange">
            {t(`portrait.tiers.flags.${f}`)}
          </Tag>
        ))}
      </Flex>
      {e.override && (
        <Typography.Text>
          {t('portrait.tiers.override', { tier: e.override.tier, reason: e.override.reason })}
          {e.override.expiresOn && ` ${t('portrait.tiers.until', { date: e.override.expiresOn })}`}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** One scheme: the tier in force, since when, what comes next, and the run's explanation. */
function SchemeTier({ x }: { x: PortraitTier }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  return (
    <Flex vertical gap={4} data-testid={`portrait-tier-${x.schemeKey}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{textOf(x.schemeName, lng)}</Typography.Text>
        {x.serviceTier && (
          <Tag icon={<CrownOutlined />} color="gold">
            {t('portrait.tiers.serviceTier')}
          </Tag>
        )}
        {x.published ? (
          <>
            <Tag color="blue">{textOf(x.published.tierName, lng)}</Tag>
            <Typography.Text type="secondary">
              {t('portrait.tiers.since', { date: x.published.since })}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('portrait.tiers.notPublished')}</Typography.Text>
        )}
        {x.upcoming && (
          <Tag color="purple">
            {t('portrait.tiers.upcoming', {
              date: x.upcoming.from,
              tier: textOf(x.upcoming.tierName, lng),
            })}
          </Tag>
        )}
      </Flex>
      {x.explanation ? (
        <Explanation e={x.explanation} />
      ) : (
        <Typography.Text type="secondary">{t('portrait.tiers.noExplanation')}</Typography.Text>
      )}
    </Flex>
  );
}

/** The customer's tier in every scheme that placed it, each with its explanation. */
export function TiersSection({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="portrait-tiers"
      title={
        <span>
          <CrownOutlined /> {t('portrait.tiers.title')}
        </span>
      }
      style={{ height: '100%' }}
    >
      {p.tiers.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portrait.tiers.none')} />
      ) : (
        <Flex vertical gap={14}>
          {p.tiers.map((x) => (
            <SchemeTier key={x.schemeId} x={x} />
          ))}
        </Flex>
      )}
    </Card>
  );
}
