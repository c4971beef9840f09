import { Card, Col, Form, type FormInstance, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConditionInput } from './condition-input';
import type { FormDoc } from './form-doc';
import { useSchemeOptions } from './use-scheme-options';

const required = (message: string) => [{ required: true, message }];

/** Names, description, score scale and the segment the scheme applies to. */
export function BasicsSection({ form }: { form: FormInstance<FormDoc> }) {
  const { t } = useTranslation();
  const { metricKeys } = useSchemeOptions(form);
  const segment = Form.useWatch('_segment', form);
  return (
    <Card size="small" title={t('tiering.editor.basics')} id="editor-basics">
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="id"
            label={t('tiering.editor.key')}
            tooltip={t('tiering.editor.keyHint')}
          >
            <Input disabled />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['name', 'zh']}
            label={t('tiering.editor.nameZh')}
            rules={required(t('tiering.editor.required'))}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name={['name', 'en']}
            label={t('tiering.editor.nameEn')}
            rules={required(t('tiering.editor.required'))}
          >
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['description', 'zh']} label={t('tiering.editor.descriptionZh')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name={['description', 'en']} label={t('tiering.editor.descriptionEn')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name={['score', 'scale']} label={t('tiering.editor.scale')}>
            <InputNumber min={0} max={1000} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name={['score', 'weightsMustSumTo']}
            label={t('tiering.editor.weightsMustSumTo')}
            tooltip={t('tiering.editor.weightsMustSumToHint')}
          >
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="_segment"
        label={t('tiering.editor.segment')}
        valuePropName="checked"
        tooltip={t('tiering.editor.segmentHint')}
      >
        <Switch />
      </Form.Item>
      {segment && (
        <Form.Item name="appliesTo" label={t('tiering.editor.appliesTo')}>
          <ConditionInput metricKeys={metricKeys} />
        </Form.Item>
      )}
    </Card>
  );
}

/** Provisional months for young customers and hysteresis against flapping between tiers. */
export function StabilitySection({ form }: { form: FormInstance<FormDoc> }) {
  const { t } = useTranslation();
  const { tierOptions } = useSchemeOptions(form);
  const provisional = Form.useWatch('_provisional', form);
  const hysteresis = Form.useWatch('_hysteresis', form);
  return (
    <Card size="small" title={t('tiering.editor.stability')} id="editor-stability">
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="_provisional"
            label={t('tiering.editor.provisional')}
            valuePropName="checked"
            tooltip={t('tiering.editor.provisionalHint')}
          >
            <Switch />
          </Form.Item>
          {provisional && (
            <>
              <Form.Item
                name={['provisional', 'minTenureMonths']}
                label={t('tiering.editor.minTenureMonths')}
              >
                <InputNumber min={1} max={120} precision={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item name={['provisional', 'tier']} label={t('tiering.editor.provisionalTier')}>
                <Select allowClear options={tierOptions} style={{ width: 240 }} />
              </Form.Item>
            </>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="_hysteresis"
            label={t('tiering.editor.hysteresis')}
            valuePropName="checked"
            tooltip={t('tiering.editor.hysteresisHint')}
          >
            <Switch />
          </Form.Item>
          {hysteresis && (
            <>
              <Form.Item name={['hysteresis', 'margin']} label={t('tiering.editor.margin')}>
                <InputNumber min={0} style={{ width: 160 }} />
              </Form.Item>
              <Form.Item
                name={['hysteresis', 'consecutiveRuns']}
                label={t('tiering.editor.consecutiveRuns')}
              >
                <InputNumber min={2} max={20} precision={0} style={{ width: 160 }} />
              </Form.Item>
            </>
          )}
        </Col>
      </Row>
    </Card>
  );
}
