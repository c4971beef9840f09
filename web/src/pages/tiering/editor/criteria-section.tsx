import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  Flex,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { CriterionScoring } from './criterion-scoring';
import type { FormDoc } from './form-doc';
import { useSchemeOptions } from './use-scheme-options';

const KINDS = ['bands', 'linear', 'percentile', 'category', 'quantile'] as const;
const POLICIES = ['zero', 'exclude', 'value'] as const;

/** The criteria: each turns one metric into points, weighted. */
export function CriteriaSection({ form }: { form: FormInstance<FormDoc> }) {
  const { t } = useTranslation();
  const { metricOptions } = useSchemeOptions(form);
  const required = [{ required: true, message: t('tiering.editor.required') }];
  return (
    <Card size="small" title={t('tiering.editor.criteria')} id="editor-criteria">
      <Form.List name="criteria">
        {(fields, { add, remove }) => (
          <Flex vertical gap={12}>
            {fields.map((f, i) => (
              <Card
                key={f.key}
                size="small"
                type="inner"
                title={
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      `${i + 1}. ${getFieldValue(['criteria', f.name, 'id']) ?? ''}`
                    }
                  </Form.Item>
                }
                extra={
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('tiering.editor.remove')}
                    onClick={() => remove(f.name)}
                  />
                }
              >
                <Space wrap align="start">
                  <Form.Item name={[f.name, 'id']} label={t('tiering.editor.id')} rules={required}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'label', 'zh']}
                    label={t('tiering.editor.nameZh')}
                    rules={required}
                  >
                    <Input style={{ width: 180 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'label', 'en']}
                    label={t('tiering.editor.nameEn')}
                    rules={required}
                  >
                    <Input style={{ width: 180 }} />
                  </Form.Item>
                </Space>
                <Space wrap align="start">
                  <Form.Item
                    name={[f.name, 'metric']}
                    label={t('tiering.editor.metric')}
                    rules={required}
                  >
                    <Select showSearch style={{ width: 200 }} options={metricOptions} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'weight']}
                    label={t('tiering.editor.weight')}
                    rules={required}
                  >
                    <InputNumber
                      min={0}
                      style={{ width: 100 }}
                      aria-label={t('tiering.editor.weightOf', { n: i + 1 })}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'kind']}
                    label={t('tiering.editor.kind')}
                    rules={required}
                  >
                    <Select
                      style={{ width: 160 }}
                      options={KINDS.map((k) => ({
                        value: k,
                        label: t(`tiering.criterionKinds.${k}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'missing', 'policy']}
                    label={t('tiering.editor.missing')}
                    tooltip={t('tiering.editor.missingHint')}
                  >
                    <Select
                      allowClear
                      style={{ width: 160 }}
                      placeholder={t('tiering.missingPolicies.zero')}
                      options={POLICIES.map((p) => ({
                        value: p,
                        label: t(`tiering.missingPolicies.${p}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue(['criteria', f.name, 'missing', 'policy']) === 'value' && (
                        <Form.Item
                          name={[f.name, 'missing', 'value']}
                          label={t('tiering.editor.missingValue')}
                          rules={required}
                        >
                          <InputNumber style={{ width: 120 }} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                </Space>
                <Form.Item noStyle shouldUpdate>
                  {({ getFieldValue }) => (
                    <CriterionScoring
                      name={f.name}
                      kind={getFieldValue(['criteria', f.name, 'kind'])}
                    />
                  )}
                </Form.Item>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              style={{ alignSelf: 'start' }}
              onClick={() =>
                add({
                  id: '',
                  label: { zh: '', en: '' },
                  metric: metricOptions[0]?.value,
                  weight: 1,
                  kind: 'percentile',
                  maxPoints: 100,
                })
              }
            >
              {t('tiering.editor.addCriterion')}
            </Button>
            {fields.length === 0 && (
              <Typography.Text type="secondary">{t('tiering.editor.noCriteria')}</Typography.Text>
            )}
          </Flex>
        )}
      </Form.List>
    </Card>
  );
}
