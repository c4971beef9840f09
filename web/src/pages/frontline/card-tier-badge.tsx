import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrontlineCard } from '../../api/frontline';
import { formatDate, localized } from '../../format';

const TIER_COLOURS = ['#d4380d', '#d48806', '#389e0d', '#1677ff', '#8c8c8c'];

/** The tier as a large badge; the colour follows the tier's place (best first). */
export function TierBadge({ card, compact }: { card: FrontlineCard; compact: boolean }) {
  const { t, i18n } = useTranslation();
  const tier = card.tier;
  const size = compact ? 40 : 64;
  return (
    <Flex align="center" gap={12} data-testid="frontline-tier">
      <div
        style={{
          width: size,
          height: size,
          borderRadius: 8,
          background: tier
            ? (TIER_COLOURS[Math.min(tier.tier.charCodeAt(0) - 65, 4)] ?? '#8c8c8c')
            : '#bfbfbf',
          color: '#fff',
          fontSize: size * 0.55,
          fontWeight: 700,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
        }}
      >
        {tier ? tier.tier : '–'}
      </div>
      <div>
        <Typography.Text strong>
          {tier ? localized(tier.name.zh, tier.name.en, i18n.language) : t('frontline.tier.none')}
        </Typography.Text>
        {tier?.since && (
          <div>
            <Typography.Text type="secondary">
              {t('frontline.tier.since', { date: formatDate(tier.since, i18n.language) })}
              {tier.score !== null &&
                ` · ${t('frontline.tier.score', { score: Math.round(tier.score * 10) / 10 })}`}
            </Typography.Text>
          </div>
        )}
      </div>
    </Flex>
  );
}
