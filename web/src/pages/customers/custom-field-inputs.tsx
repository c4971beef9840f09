import { Col, Form, Input, InputNumber, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../api/types';
import { localized } from '../../format';
import { optionLabel } from './custom-field-values';

/**
 * One input for a custom field, chosen by its type. Form.Item hands its child the value, the
 * change handler and the id its label points at; they are passed on to the real input.
 */
function CustomFieldControl({ def, ...input }: { def: CustomFieldDef } & Record<string, unknown>) {
  const { t, i18n } = useTranslation();
  const options = (def.options ?? []).map((o) => ({
    value: o.value,
    label: optionLabel(def, o.value, i18n.language),
  }));
  switch (def.type) {
    case 'number':
      return <InputNumber {...input} style={{ width: '100%' }} />;
    case 'date':
      // The browser's own date input yields YYYY-MM-DD, exactly what the API takes.
      return <Input {...input} type="date" />;
    case 'boolean':
      return (
        <Select
          {...input}
          allowClear
          placeholder={t('customers.form.select')}
          options={[
            { value: 'true', label: t('common.yes') },
            { value: 'false', label: t('common.no') },
          ]}
        />
      );
    case 'select':
      return (
        <Select {...input} allowClear placeholder={t('customers.form.select')} options={options} />
      );
    case 'multiselect':
      return (
        <Select
          {...input}
          mode="multiple"
          allowClear
          placeholder={t('customers.form.select')}
          options={options}
        />
      );
    default:
      return <Input {...input} />;
  }
}

/**
 * Inputs for the admin-defined custom fields, labelled in the UI language. Each sits at
 * ['customFields', key], so a server issue 'customFields.key' lands on it.
 */
export function CustomFieldInputs({ defs }: { defs: readonly CustomFieldDef[] }) {
  const { t, i18n } = useTranslation();
  return defs.map((def) => {
    const label = localized(def.labelZh, def.labelEn, i18n.language);
    const rules: Rule[] = def.required
      ? [{ required: true, message: t('customers.form.fieldRequired', { field: label }) }]
      : [];
    return (
      <Col key={def.id} xs={24} md={12}>
        <Form.Item name={['customFields', def.key]} label={label} rules={rules}>
          <CustomFieldControl def={def} />
        </Form.Item>
      </Col>
    );
  });
}
