import { Col, Divider, Form, Input, Row, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_SIZES, CUSTOMER_TYPES, type CustomFieldDef } from '../../api/types';
import { useOwners, useTags } from '../../hooks/use-reference-data';
import { CustomFieldInputs } from './custom-field-inputs';

/** The same pattern the server enforces, checked here first for a message in the UI language. */
const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.\-/]*$/;
/** 18 characters of the GB 32100 alphabet; the server checks the check digit. */
const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

type OptionalText = 'industry' | 'region' | 'province' | 'city' | 'district' | 'source';

/** The inputs of the customer form (inside an antd Form owned by the page). */
export function CustomerFormFields({ customFields }: { customFields: readonly CustomFieldDef[] }) {
  const { t } = useTranslation();
  const owners = useOwners();
  const tags = useTags();
  const max = (n: number): Rule => ({ max: n, message: t('customers.form.tooLong', { max: n }) });
  const optionalText = (name: OptionalText, limit: number) => (
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
        <Form.Item name="lifecycleStage" label={t('customers.fields.lifecycleStage')}>
          <Select
            allowClear
            placeholder={t('lifecycle.stages.active')}
            options={(['prospect', 'active'] as const).map((v) => ({
              value: v,
              label: t(`lifecycle.stages.${v}`),
            }))}
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
      <Col xs={24} md={12}>
        <Form.Item
          name="creditCode"
          label={t('customers.fields.creditCode')}
          normalize={(v: string | undefined) => v?.toUpperCase()}
          rules={[
            {
              pattern: CREDIT_CODE_PATTERN,
              transform: (v: string | undefined) => v?.trim(),
              message: t('customers.form.creditCodePattern'),
            },
          ]}
          extra={t('customers.form.creditCodeHint')}
        >
          <Input maxLength={18} />
        </Form.Item>
      </Col>
      {optionalText('industry', 100)}
      {optionalText('region', 100)}
      {optionalText('province', 50)}
      {optionalText('city', 50)}
      {optionalText('district', 50)}
      {optionalText('source', 100)}
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
      <Col xs={24}>
        <Form.Item
          name="tags"
          label={t('customers.fields.tags')}
          rules={[
            {
              validator: async (_, v: string[] | undefined) => {
                if ((v ?? []).some((tag) => tag.trim().length > 50))
                  throw new Error(t('customers.form.tagTooLong'));
              },
            },
          ]}
        >
          <Select
            mode="tags"
            allowClear
            loading={tags.isLoading}
            tokenSeparators={[',', '，']}
            placeholder={t('customers.form.tagsPlaceholder')}
            options={(tags.data ?? []).map((x) => ({ value: x.tag, label: x.tag }))}
          />
        </Form.Item>
      </Col>
      {customFields.length > 0 && (
        <>
          <Col xs={24}>
            <Divider titlePlacement="start" plain style={{ marginTop: 0 }}>
              {t('customers.form.customFields')}
            </Divider>
          </Col>
          <CustomFieldInputs defs={customFields} />
        </>
      )}
    </Row>
  );
}
