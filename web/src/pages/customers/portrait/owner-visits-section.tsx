import { CarOutlined } from '@ant-design/icons';
import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Portrait } from '../../../api/portrait';

/** The account owner, the newest visits and the visit plan with the next visit due. */
export function OwnerVisitsSection({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const v = p.visits;
  return (
    <Card
      size="small"
      data-testid="portrait-visits"
      title={
        <span>
          <CarOutlined /> {t('portrait.owner.title')}
        </span>
      }
      style={{ height: '100%' }}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'owner',
            label: t('customers.fields.owner'),
            children: p.owner?.name ?? t('portrait.owner.noOwner'),
          },
          {
            key: 'next',
            label: t('portrait.owner.next'),
            children: v.next
              ? t('portrait.owner.nextValue', { month: v.next.month, remaining: v.next.remaining })
              : t('portrait.owner.noPlan'),
          },
          {
            key: 'window',
            label: t('portrait.owner.inWindow'),
            children: v.inWindow,
          },
        ]}
      />
      {v.plans.length > 0 && (
        <Flex vertical gap={2} style={{ marginBottom: 8 }}>
          <Typography.Text strong>{t('portrait.owner.plan')}</Typography.Text>
          {v.plans.map((l) => (
            <Typography.Text key={l.month}>
              {t('portrait.owner.planLine', { month: l.month, planned: l.planned, made: l.made })}
            </Typography.Text>
          ))}
        </Flex>
      )}
      <Typography.Text strong>{t('portrait.owner.recent')}</Typography.Text>
      {v.recent.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('portrait.owner.noVisits')}
        </Typography.Paragraph>
      ) : (
        <Flex vertical gap={2}>
          {v.recent.map((r) => (
            <Typography.Text key={r.id}>
              {r.visitedOn}
              {r.userName && ` · ${r.userName}`}
              {r.purpose && ` · ${r.purpose}`}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}
