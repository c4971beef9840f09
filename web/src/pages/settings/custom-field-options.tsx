import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Form, Input, Row } from 'antd';
import type { Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';

/**
 * The options of a select or multi-select field: a value (what is stored) and its Chinese and
 * English labels, one row each. Sits at 'options' in the field form, so server issues such as
 * 'options.0.value' land on the right input.
 */
export function CustomFieldOptions({ required }: { required: (label: string) => Rule }) {
  const { t } = useTranslation();
  return (
    <Form.List
      name="options"
      rules={[
        {
          validator: async (_, opts: unknown[] | undefined) => {
            if (!opts?.length) throw new Error(t('customFields.optionsRequired'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <div style={{ marginBottom: 8, fontWeight: 500 }}>{t('customFields.options')}</div>
          {fields.map(({ key, name }) => (
            <Row key={key} gutter={8} align="top">
              <Col span={7}>
                <Form.Item name={[name, 'value']} rules={[required(t('customFields.optionValue'))]}>
                  <Input
                    placeholder={t('customFields.optionValue')}
                    aria-label={t('customFields.optionValue')}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[name, 'labelZh']} rules={[required(t('customFields.labelZh'))]}>
                  <Input
                    placeholder={t('customFields.labelZh')}
                    aria-label={t('customFields.optionLabelZh')}
                  />
                </Form.Item>
              </Col>
              <Col span={7}>
                <Form.Item name={[name, 'labelEn']} rules={[required(t('customFields.labelEn'))]}>
                  <Input
                    placeholder={t('customFields.labelEn')}
                    aria-label={t('customFields.optionLabelEn')}
                  />
                </Form.Item>
              </Col>
              <Col span={3}>
                <Button
                  type="text"
                  danger
                  icon={<MinusCircleOutlined />}
                  aria-label={t('customFields.removeOption')}
                  onClick={() => remove(name)}
                />
              </Col>
            </Row>
          ))}
          <Form.Item>
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} block>
              {t('customFields.addOption')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Form.Item>
        </>
      )}
    </Form.List>
  );
}
