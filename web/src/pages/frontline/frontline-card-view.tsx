import { Card, Col, Flex, List, Row, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntitlementBalance } from '../../api/entitlements';
import type { FrontlineCard } from '../../api/frontline';
import { formatDateTime, localized } from '../../format';
import { CardEntitlements } from './card-entitlements';
import { CardPolicy } from './card-policy';
import { TierBadge } from './card-tier-badge';
import { UseEntitlementModal } from './use-entitlement-modal';

const TAG_COLOURS: Record<string, string> = {
  blacklist: 'red',
  complaint_history: 'orange',
  high_end: 'gold',
  key_person: 'purple',
  value_added_potential: 'green',
  e_channel_potential: 'blue',
};

export function FrontlineCardView({
  card,
  compact = false,
}: {
  card: FrontlineCard;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [using, setUsing] = useState<EntitlementBalance | null>(null);
  const c = card.customer;
  const span = compact ? 24 : 12;
  return (
    <div data-testid="frontline-card">
      <Card size={compact ? 'small' : 'default'} style={{ marginBottom: 12 }}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <div>
            <Typography.Title
              level={compact ? 5 : 4}
              style={{ margin: 0 }}
              data-testid="frontline-customer"
            >
              {c.name} <Typography.Text type="secondary">{c.code}</Typography.Text>
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('frontline.customer.owner')}: {c.owner?.name ?? t('frontline.customer.noOwner')}
              {c.region && ` · ${t('frontline.customer.region')}: ${c.region}`}
              {` · ${t('frontline.customer.stage')}: ${t(`lifecycle.stages.${c.lifecycleStage as 'active'}`, { defaultValue: c.lifecycleStage })}`}
            </Typography.Text>
            {card.otherMatches.length > 0 && (
              <div>
                <Typography.Text type="warning">
                  {t('frontline.customer.otherMatches', {
                    list: card.otherMatches.map((m) => `${m.code} ${m.name}`).join('; '),
                  })}
                </Typography.Text>
              </div>
            )}
          </div>
          <TierBadge card={card} compact={compact} />
        </Flex>
      </Card>
      <Card size="small" title={t('frontline.tags.title')} style={{ marginBottom: 12 }}>
        {card.tags.length === 0 ? (
          <Typography.Text type="secondary">{t('frontline.tags.none')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={card.tags}
            renderItem={(tag) => (
              <List.Item data-testid={`frontline-tag-${tag.key}`}>
                <Space align="start" wrap>
                  <Tag color={TAG_COLOURS[tag.key] ?? 'default'}>
                    {tag.name ? localized(tag.name.zh, tag.name.en, i18n.language) : tag.key}
                  </Tag>
                  {tag.action && (
                    <Typography.Text>
                      {localized(tag.action.zh, tag.action.en, i18n.language)}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(
                      tag.source === 'derived' ? 'frontline.tags.derived' : 'frontline.tags.stored',
                    )}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      <Row gutter={12}>
        <Col span={span}>
          <Card size="small" title={t('frontline.entitlements.title')} style={{ marginBottom: 12 }}>
            <CardEntitlements card={card} onUse={setUsing} />
          </Card>
          <Card size="small" title={t('frontline.tickets.title')} style={{ marginBottom: 12 }}>
            <List
              size="small"
              data-testid="frontline-tickets"
              locale={{ emptyText: t('frontline.tickets.none') }}
              dataSource={card.openTickets}
              renderItem={(tk) => (
                <List.Item>
                  <Space wrap>
                    <Tag>{t('frontline.tickets.level', { level: tk.level })}</Tag>
                    <Typography.Text>{tk.subject}</Typography.Text>
                    <Typography.Text type="secondary">
                      {tk.category} · {tk.status} ·{' '}
                      {t('frontline.tickets.openedAt', {
                        date: formatDateTime(tk.openedAt, i18n.language),
                      })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={span}>
          <Card size="small" title={t('frontline.policy.title')} style={{ marginBottom: 12 }}>
            <CardPolicy card={card} />
          </Card>
          <Card
            size="small"
            title={t('frontline.contacts.title')}
            extra={
              card.contactsMasked ? (
                <Typography.Text type="secondary">{t('frontline.contacts.masked')}</Typography.Text>
              ) : null
            }
            style={{ marginBottom: 12 }}
          >
            <List
              size="small"
              locale={{ emptyText: t('frontline.contacts.none') }}
              dataSource={card.contacts}
              renderItem={(ct) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text strong>{ct.name}</Typography.Text>
                    {ct.isPrimary && <Tag color="blue">{t('frontline.contacts.primary')}</Tag>}
                    {ct.title && <Typography.Text type="secondary">{ct.title}</Typography.Text>}
                    {ct.phone && (
                      <Typography.Text copyable={!card.contactsMasked}>{ct.phone}</Typography.Text>
                    )}
                  </Space>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
      {using && (
        <UseEntitlementModal customerId={c.id} entitlement={using} onClose={() => setUsing(null)} />
      )}
    </div>
  );
}
