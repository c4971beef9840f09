import { useQuery } from '@tanstack/react-query';
import { Col, Form, Input, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { listOwners } from '../../api/customers';
import { CUSTOMER_SIZES, CUSTOMER_TYPES } from '../../api/types';

/** The same pattern the server enforces, checked here first for a message in the UI language. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;

/** The inputs of the customer form (inside an antd Form owned by the page). */
export function CustomerFormFields() {
  const { t } = useTranslation();
  const owners = useQuery({ queryKey: ['owners'], queryFn: listOwners, staleTime: 60_000 });
  const max = (n: number): Rule => ({ max: n, message: t('customers.form.tooLong', { max: n }) });
  const optionalText = (name: 'industry' | 'region' | 'province' | 'city', limit: number) => (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={t(`customers.fields.${name}`)} rules={[max(limit)]}>
        <Input />
      </Form.Item>
    </Col>
  );

  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item
          name="code"
          label={t('customers.fields.code')}
          rules={[
            { required: true, whitespace: true, message: t('customers.form.codeRequired') },
            { pattern: CODE_PATTERN, message: t('customers.form.codePattern') },
            max(64),
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="name"
          label={t('customers.fields.name')}
          rules={[
            { required: true, whitespace: true, message: t('customers.form.nameRequired') },
            max(200),
          ]}
        >
          <Input />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="type"
          label={t('customers.fields.type')}
          rules={[{ required: true, message: t('customers.form.typeRequired') }]}
        >
          <Select
            placeholder={t('customers.form.select')}
            options={CUSTOMER_TYPES.map((v) => ({ value: v, label: t(`customers.types.${v}`) }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="size" label={t('customers.fields.size')}>
          <Select
            allowClear
            placeholder={t('customers.form.select')}
            options={CUSTOMER_SIZES.map((v) => ({ value: v, label: t(`customers.sizes.${v}`) }))}
          />
        </Form.Item>
      </Col>
      {optionalText('industry', 100)}
      {optionalText('region', 100)}
      {optionalText('province', 50)}
      {optionalText('city', 50)}
      <Col xs={24} md={12}>
        <Form.Item name="ownerId" label={t('customers.fields.owner')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            loading={owners.isLoading}
            placeholder={t('customers.form.ownerSearch')}
            options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
