import { Form, Input, InputNumber, Rate, Select, Switch } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { useOwners } from '../../../hooks/use-reference-data';
import { CustomerPicker } from './customer-ref';
import { type FactField, MONEY_PATTERN } from './fact-specs';

/**
 * The input for one field of a fact, by its type. Form.Item hands its child the value, the
 * change handler and the id its label points at; they are passed on to the real input.
 */
function Control({
  field,
  customerId,
  ...input
}: {
  field: FactField;
  customerId: number;
} & Record<string, unknown>) {
  const { t } = useTranslation();
  const owners = useOwners();
  switch (field.type) {
    case 'textarea':
      return <Input.TextArea {...input} rows={3} maxLength={field.max} />;
    case 'date':
      return <Input {...input} type="date" />;
    case 'money':
      return <Input {...input} inputMode="decimal" placeholder="0.00" />;
    case 'int':
      return <InputNumber {...input} min={field.min} precision={0} style={{ width: '100%' }} />;
    case 'bool':
      return <Switch {...input} />;
    case 'score':
      return <Rate {...input} count={5} />;
    case 'currency':
      return <Input {...input} maxLength={3} style={{ width: 96 }} />;
    case 'enum':
      return (
        <Select
          {...input}
          options={(field.options ?? []).map((v) => ({ value: v, label: t(`facts.values.${v}`) }))}
        />
      );
    case 'customer':
      return <CustomerPicker {...input} excludeId={customerId} />;
    case 'user':
      return (
        <Select
          {...input}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={owners.isLoading}
          placeholder={t('customers.form.select')}
          options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
        />
      );
    default:
      return <Input {...input} maxLength={field.max} />;
  }
}

/** A labelled, validated form item for one field of a fact. */
export function FactInput({ field, customerId }: { field: FactField; customerId: number }) {
  const { t } = useTranslation();
  const label = t(`facts.fields.${field.name}`);
  const rules: Rule[] = [];
  if (field.required) {
    rules.push({ required: true, message: t('customers.form.fieldRequired', { field: label }) });
  }
  if (field.type === 'money') {
    rules.push({
      pattern: MONEY_PATTERN,
      transform: (v: string | undefined) => v?.trim(),
      message: t('facts.moneyPattern'),
    });
  }
  if (field.type === 'currency') {
    rules.push({ pattern: /^[A-Z]{3}$/, message: t('facts.currencyPattern') });
  }
  return (
    <Form.Item
      name={field.name}
      label={label}
      rules={rules}
      valuePropName={field.type === 'bool' ? 'checked' : 'value'}
      normalize={field.type === 'currency' ? (v: string) => v?.toUpperCase() : undefined}
    >
      <Control field={field} customerId={customerId} />
    </Form.Item>
  );
}
