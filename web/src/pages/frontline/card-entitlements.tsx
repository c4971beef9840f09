import { Button, Empty, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntitlementBalance } from '../../api/entitlements';
import type { FrontlineCard } from '../../api/frontline';
import { useAuth } from '../../auth/auth-provider';
import { localized } from '../../format';

/** The tier's entitlements with this period's balance, and a Use button for entitlements.use holders. */
export function CardEntitlements({
  card,
  onUse,
}: {
  card: FrontlineCard;
  onUse: (e: EntitlementBalance) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  if (card.entitlements.length === 0)
    return <Empty description={t('frontline.entitlements.none')} />;
  return (
    <List
      size="small"
      dataSource={card.entitlements}
      renderItem={(e) => (
        <List.Item
          data-testid={`entitlement-${e.key}`}
          actions={
            can('entitlements.use')
              ? [
                  <Button
                    key="use"
                    size="small"
                    data-testid={`entitlement-use-${e.key}`}
                    onClick={() => onUse(e)}
                  >
                    {t('frontline.entitlements.use')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={localized(e.name.zh, e.name.en, i18n.language)}
            description={
              <Space size={4} wrap>
                <Typography.Text
                  data-testid={`entitlement-remaining-${e.key}`}
                  type={e.remaining === 0 ? 'danger' : undefined}
                >
                  {e.remaining === null
                    ? t('frontline.entitlements.unlimited')
                    : t('frontline.entitlements.remaining', {
                        remaining: e.remaining,
                        quota: e.quantity,
                      })}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('frontline.entitlements.period', { period: e.periodKey })}
                </Typography.Text>
                {e.minBatch !== null && (
                  <Typography.Text type="secondary">
                    {t('frontline.entitlements.minBatch', { count: e.minBatch })}
                  </Typography.Text>
                )}
                {e.received.length > 0 && (
                  <Typography.Text type="secondary">
                    {t('frontline.entitlements.received', {
                      list: e.received
                        .map((k) => {
                          const c = e.choices.find((x) => x.key === k);
                          return c ? localized(c.name.zh, c.name.en, i18n.language) : k;
                        })
                        .join(', '),
                    })}
                  </Typography.Text>
                )}
              </Space>
            }
          />
        </List.Item>
      )}
    />
  );
}
