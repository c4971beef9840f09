import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useTranslation } from 'react-i18next';

/** Lower-is-better or higher-is-better; left empty, the metric's catalog direction applies. */
function DirectionField({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={[name, 'higherIsBetter']} label={t('tiering.editor.direction')}>
      <Select
        allowClear
        style={{ width: 180 }}
        placeholder={t('tiering.editor.directionDefault')}
        options={[
          { value: true, label: t('tiering.editor.higherIsBetter') },
          { value: false, label: t('tiering.editor.lowerIsBetter') },
        ]}
      />
    </Form.Item>
  );
}

function MaxPoints({ name, required }: { name: number; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name={[name, 'maxPoints']}
      label={t('tiering.editor.maxPoints')}
      rules={required ? [{ required: true, message: t('tiering.editor.required') }] : []}
    >
      <InputNumber min={0} style={{ width: 120 }} />
    </Form.Item>
  );
}

/** Bands: values from min (inclusive) to max (exclusive) earn the band's points. */
function BandsFields({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.List name={[name, 'bands']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'min']} label={t('tiering.editor.bandMin')}>
                  <InputNumber style={{ width: 140 }} placeholder="−∞" />
                </Form.Item>
                <Form.Item name={[f.name, 'max']} label={t('tiering.editor.bandMax')}>
                  <InputNumber style={{ width: 140 }} placeholder="+∞" />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'points']}
                  label={t('tiering.editor.points')}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <InputNumber min={0} style={{ width: 100 }} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('tiering.editor.remove')}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'start', marginBottom: 12 }}
              onClick={() => add({ points: 0 })}
            >
              {t('tiering.editor.addBand')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Space wrap>
        <Form.Item
          name={[name, 'cover']}
          label={t('tiering.editor.cover')}
          valuePropName="checked"
          tooltip={t('tiering.editor.coverHint')}
        >
          <Switch />
        </Form.Item>
        <MaxPoints name={name} />
      </Space>
    </>
  );
}

/** Category mapping: points per listed value, `otherwise` for the rest. */
function CategoryFields({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.List name={[name, 'map']}>
        {(fields, { add, remove }) => (
          <Flex vertical gap={0}>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item
                  name={[f.name, 'value']}
                  label={t('tiering.editor.categoryValue')}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'points']}
                  label={t('tiering.editor.points')}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <InputNumber min={0} style={{ width: 100 }} />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('tiering.editor.remove')}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            <Button
              size="small"
              icon={<PlusOutlined />}
              style={{ alignSelf: 'start', marginBottom: 12 }}
              onClick={() => add({ value: '', points: 0 })}
            >
              {t('tiering.editor.addCategory')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Space wrap>
        <Form.Item name={[name, 'otherwise']} label={t('tiering.editor.otherwise')}>
          <InputNumber min={0} style={{ width: 120 }} />
        </Form.Item>
        <MaxPoints name={name} />
      </Space>
    </>
  );
}

/** The fields of a criterion's scoring kind (bands, linear, percentile or category). */
export function CriterionScoring({ name, kind }: { name: number; kind: string | undefined }) {
  const { t } = useTranslation();
  if (kind === 'bands') return <BandsFields name={name} />;
  if (kind === 'category') return <CategoryFields name={name} />;
  if (kind === 'linear')
    return (
      <Space wrap>
        <Form.Item
          name={[name, 'min']}
          label={t('tiering.editor.linearMin')}
          tooltip={t('tiering.editor.linearHint')}
          rules={[{ required: true, message: t('tiering.editor.required') }]}
        >
          <InputNumber style={{ width: 140 }} />
        </Form.Item>
        <Form.Item
          name={[name, 'max']}
          label={t('tiering.editor.linearMax')}
          rules={[{ required: true, message: t('tiering.editor.required') }]}
        >
          <InputNumber style={{ width: 140 }} />
        </Form.Item>
        <MaxPoints name={name} required />
        <DirectionField name={name} />
      </Space>
    );
  if (kind === 'percentile')
    return (
      <Space wrap>
        <Form.Item name={[name, 'method']} label={t('tiering.editor.percentileMethod')}>
          <Select
            allowClear
            style={{ width: 200 }}
            options={[
              { value: 'cume_dist', label: t('tiering.editor.cumeDist') },
              { value: 'percent_rank', label: t('tiering.editor.percentRank') },
            ]}
          />
        </Form.Item>
        <MaxPoints name={name} required />
        <DirectionField name={name} />
      </Space>
    );
  if (kind === 'quantile')
    return (
      <Space wrap>
        <Form.Item
          name={[name, 'buckets']}
          label={t('tiering.editor.buckets')}
          tooltip={t('tiering.editor.bucketsHint')}
          rules={[{ required: true, message: t('tiering.editor.required') }]}
        >
          <InputNumber min={2} max={100} precision={0} style={{ width: 120 }} />
        </Form.Item>
        <MaxPoints name={name} required />
        <DirectionField name={name} />
      </Space>
    );
  return null;
}
