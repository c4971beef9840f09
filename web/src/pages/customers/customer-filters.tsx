import { ClearOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerFilters } from '../../api/customers';
import { CUSTOMER_SIZES, CUSTOMER_TYPES } from '../../api/types';
import { useTags } from '../../hooks/use-reference-data';

/** Filters the URL may carry, besides the search text. */
export const FILTER_KEYS = ['type', 'size', 'industry', 'region', 'province', 'tag'] as const;
type TextFilter = 'industry' | 'region' | 'province';

/**
 * The filter bar of the customer list. Choices apply at once; typed filters apply on Enter or
 * when the input is left, so typing does not refetch on every keystroke.
 */
export function CustomerFilterBar({
  filters,
  onChange,
}: {
  filters: CustomerFilters;
  onChange: (changes: Partial<Record<keyof CustomerFilters, string | undefined>>) => void;
}) {
  const { t } = useTranslation();
  const tags = useTags();
  const active = FILTER_KEYS.some((k) => filters[k]) || !!filters.q;

  const text = (name: TextFilter) => {
    const apply = (v: string) => {
      if (v.trim() !== (filters[name] ?? '')) onChange({ [name]: v.trim() || undefined });
    };
    return (
      <Input
        key={`${name}:${filters[name] ?? ''}`}
        defaultValue={filters[name]}
        allowClear
        placeholder={t(`customers.fields.${name}`)}
        aria-label={t(`customers.fields.${name}`)}
        style={{ width: 130 }}
        onPressEnter={(e) => apply(e.currentTarget.value)}
        onBlur={(e) => apply(e.currentTarget.value)}
        onClear={() => onChange({ [name]: undefined })}
      />
    );
  };

  return (
    <Flex gap={8} wrap align="center">
      <Input.Search
        key={filters.q ?? ''}
        defaultValue={filters.q}
        placeholder={t('customers.search')}
        aria-label={t('customers.search')}
        allowClear
        enterButton
        style={{ width: 300 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select
        allowClear
        placeholder={t('customers.fields.type')}
        aria-label={t('customers.fields.type')}
        style={{ width: 120 }}
        value={filters.type}
        onChange={(v) => onChange({ type: v })}
        options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`customers.types.${v}`) }))}
      />
      <Select
        allowClear
        placeholder={t('customers.fields.size')}
        aria-label={t('customers.fields.size')}
        style={{ width: 110 }}
        value={filters.size}
        onChange={(v) => onChange({ size: v })}
        options={CUSTOMER_SIZES.map((v) => ({ value: v, label: t(`customers.sizes.${v}`) }))}
      />
      {text('industry')}
      {text('region')}
      {text('province')}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'value' }}
        placeholder={t('customers.fields.tag')}
        aria-label={t('customers.fields.tag')}
        style={{ width: 150 }}
        loading={tags.isLoading}
        value={filters.tag}
        onChange={(v) => onChange({ tag: v })}
        options={(tags.data ?? []).map((x) => ({
          value: x.tag,
          label: `${x.tag} (${x.count})`,
        }))}
      />
      {active && (
        <Button
          icon={<ClearOutlined />}
          onClick={() =>
            onChange(Object.fromEntries(['q', ...FILTER_KEYS].map((k) => [k, undefined])))
          }
        >
          {t('customers.clearFilters')}
        </Button>
      )}
    </Flex>
  );
}
