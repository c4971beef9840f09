import { IdcardOutlined } from '@ant-design/icons';
import { Card, Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Portrait } from '../../../api/portrait';
import { formatDate } from '../../../format';
import { currentLanguage } from '../../../i18n';

/** Who the customer is: the file's essentials, tags and first contacts (masked by permission). */
export function ProfileSection({ p }: { p: Portrait }) {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const c = p.profile;
  const none = t('portrait.none');
  const text = (v: string | null) => v ?? none;
  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('customers.fields.code'), children: c.code },
    { key: 'type', label: t('customers.fields.type'), children: t(`customers.types.${c.type}`) },
    { key: 'industry', label: t('customers.fields.industry'), children: text(c.industry) },
    {
      key: 'region',
      label: t('customers.fields.region'),
      children: [c.region, c.province, c.city].filter(Boolean).join(' · ') || none,
    },
    {
      key: 'size',
      label: t('customers.fields.size'),
      children: c.size ? t(`customers.sizes.${c.size}`) : none,
    },
    { key: 'source', label: t('customers.fields.source'), children: text(c.source) },
    {
      key: 'created',
      label: t('portrait.profile.created'),
      children: formatDate(c.createdAt, lng),
    },
    {
      key: 'stage',
      label: t('customers.fields.lifecycleStage'),
      children:
        c.status === 'merged' ? t('customers.status.merged') : t(`lifecycle.stages.${c.fileStage}`),
    },
    {
      key: 'tags',
      label: t('customers.fields.tags'),
      span: 'filled',
      children: p.tags.length
        ? p.tags.map((tag) => (
            <Tag key={tag} color="geekblue">
              {tag}
            </Tag>
          ))
        : t('portrait.profile.noTags'),
    },
  ];
  return (
    <Card
      size="small"
      data-testid="portrait-profile"
      title={
        <span>
          <IdcardOutlined /> {t('portrait.profile.title')}
        </span>
      }
      style={{ height: '100%' }}
    >
      <Descriptions size="small" column={2} items={items} />
      <Typography.Text strong>{t('portrait.profile.contacts')}</Typography.Text>
      {p.contacts.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('portrait.profile.noContacts')}
        </Typography.Paragraph>
      )}
      <Flex vertical gap={2} data-testid="portrait-contacts">
        {p.contacts.map((k) => (
          <Typography.Text key={k.id}>
            {k.name}
            {k.title && ` · ${k.title}`}
            {k.role && ` · ${t(`contacts.roles.${k.role as 'other'}`)}`}
            {k.isPrimary && (
              <Tag style={{ marginInlineStart: 6 }}>{t('portrait.profile.primary')}</Tag>
            )}
            {k.phone && <span> {k.phone}</span>}
            {k.email && <span> {k.email}</span>}
          </Typography.Text>
        ))}
      </Flex>
      {p.contactsMasked && p.contacts.length > 0 && (
        <Typography.Text type="secondary" data-testid="portrait-contacts-masked">
          {t('portrait.profile.masked')}
        </Typography.Text>
      )}
    </Card>
  );
}
