import { Card, Descriptions, type DescriptionsProps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomFieldDef } from '../../../api/types';
import { formatDateTime, localized } from '../../../format';
import { CustomFieldDisplay } from './custom-field-display';

/** Every field of the customer file, custom fields last, labelled in the UI language. */
export function ProfileCard({
  customer: c,
  defs,
}: {
  customer: Customer;
  defs: readonly CustomFieldDef[];
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const none = t('common.none');
  const text = (v: string | null) => v ?? none;

  const items: DescriptionsProps['items'] = [
    { key: 'code', label: t('customers.fields.code'), children: c.code },
    { key: 'name', label: t('customers.fields.name'), children: c.name },
    { key: 'type', label: t('customers.fields.type'), children: t(`customers.types.${c.type}`) },
    {
      key: 'status',
      label: t('customers.fields.status'),
      children: (
        <Tag color={c.status === 'merged' ? 'warning' : 'success'}>
          {t(`customers.status.${c.status}`)}
        </Tag>
      ),
    },
    { key: 'creditCode', label: t('customers.fields.creditCode'), children: text(c.creditCode) },
    {
      key: 'size',
      label: t('customers.fields.size'),
      children: c.size ? t(`customers.sizes.${c.size}`) : none,
    },
    { key: 'industry', label: t('customers.fields.industry'), children: text(c.industry) },
    { key: 'source', label: t('customers.fields.source'), children: text(c.source) },
    { key: 'region', label: t('customers.fields.region'), children: text(c.region) },
    { key: 'province', label: t('customers.fields.province'), children: text(c.province) },
    { key: 'city', label: t('customers.fields.city'), children: text(c.city) },
    { key: 'district', label: t('customers.fields.district'), children: text(c.district) },
    { key: 'regionCode', label: t('customers.fields.regionCode'), children: text(c.regionCode) },
    { key: 'owner', label: t('customers.fields.owner'), children: text(c.ownerName) },
    {
      key: 'tags',
      label: t('customers.fields.tags'),
      span: 'filled',
      children: c.tags.length
        ? c.tags.map((tag) => (
            <Tag key={tag} color="geekblue">
              {tag}
            </Tag>
          ))
        : none,
    },
    ...defs.map((d) => ({
      key: `cf-${d.key}`,
      label: localized(d.labelZh, d.labelEn, lng),
      children: <CustomFieldDisplay def={d} value={c.customFields[d.key]} />,
    })),
    {
      key: 'createdAt',
      label: t('customers.fields.createdAt'),
      children: formatDateTime(c.createdAt, lng),
    },
    {
      key: 'updatedAt',
      label: t('customers.fields.updatedAt'),
      children: formatDateTime(c.updatedAt, lng),
    },
    { key: 'version', label: t('customers.fields.version'), children: c.version },
  ];

  return (
    <Card title={t('customers.detail.profile')} style={{ marginBottom: 16 }}>
      <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} items={items} />
    </Card>
  );
}
