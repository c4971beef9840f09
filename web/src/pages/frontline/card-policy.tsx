import { Descriptions, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrontlineCard } from '../../api/frontline';
import { localized } from '../../format';

/** The policy highlights of the customer's tier. */
export function CardPolicy({ card }: { card: FrontlineCard }) {
  const { t, i18n } = useTranslation();
  const p = card.policy;
  if (!p) return <Typography.Text type="secondary">{t('frontline.policy.none')}</Typography.Text>;
  return (
    <Descriptions size="small" column={1} data-testid="frontline-policy">
      <Descriptions.Item label={t('frontline.policy.paymentTerm')}>
        {p.paymentTerm
          ? localized(p.paymentTerm.name.zh, p.paymentTerm.name.en, i18n.language)
          : '–'}
        {p.paymentTermAdjusted && (
          <Tag color="orange" style={{ marginLeft: 8 }}>
            {t('frontline.policy.adjusted')}
          </Tag>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('frontline.policy.leadTime')}>
        {p.leadTimeDays === null
          ? t('frontline.policy.noRule')
          : t('frontline.policy.leadTimeDays', { days: p.leadTimeDays })}
      </Descriptions.Item>
      <Descriptions.Item label={t('frontline.policy.replyHours')}>
        {t('frontline.policy.replyHoursValue', { hours: p.inquiryReplyHours })}
      </Descriptions.Item>
      <Descriptions.Item label={t('frontline.policy.accountModel')}>
        {t(`frontline.policy.accountModels.${p.accountModel}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('frontline.policy.rush')}>
        {t(`frontline.policy.rushModes.${p.rush}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('frontline.policy.review')}>
        {t(`frontline.policy.reviewModes.${p.orderReview}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('frontline.policy.sponsor')}>
        {p.executiveSponsor ? t('frontline.policy.yes') : t('frontline.policy.no')}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * The front-line card, shared by the service page and the embeddable page: tier badge, tags
 * with their suggested actions, policy highlights, entitlements with a Use button, open tickets
 * and contacts. `compact` tightens it for a frame in a counter or hotline screen.
 */
