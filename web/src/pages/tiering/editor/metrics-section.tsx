import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AutoComplete,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { CATALOG_METRICS, metricName } from '../metric-catalog';

const WINDOW_KINDS = ['last_n_months', 'calendar_year', 'fiscal_year', 'year_to_date', 'all_time'];
const DERIVE_OPS = ['ratio', 'percent_of', 'difference', 'sum', 'product', 'quantile'];

/** One metric's time window: its kind and the numbers that kind takes. */
function WindowFields({ name }: { name: number }) {
  const { t } = useTranslation();
  return (
    <Form.Item noStyle shouldUpdate>
      {({ getFieldValue }) => {
        const kind = getFieldValue(['metrics', name, 'window', 'kind']) as string | undefined;
        return (
          <Space wrap>
            <Form.Item name={[name, 'window', 'kind']} label={t('tiering.editor.window')}>
              <Select
                allowClear
                style={{ width: 180 }}
                placeholder={t('tiering.editor.noWindow')}
                options={WINDOW_KINDS.map((k) => ({
                  value: k,
                  label: t(`tiering.windows.${k}` as 'tiering.windows.all_time'),
                }))}
              />
            </Form.Item>
            {kind === 'last_n_months' && (
              <Form.Item name={[name, 'window', 'months']} label={t('tiering.editor.months')}>
                <InputNumber min={1} max={120} precision={0} />
              </Form.Item>
            )}
            {kind === 'fiscal_year' && (
              <Form.Item
                name={[name, 'window', 'startMonth']}
                label={t('tiering.editor.startMonth')}
              >
                <InputNumber min={1} max={12} precision={0} />
              </Form.Item>
            )}
            {(kind === 'calendar_year' || kind === 'fiscal_year') && (
              <Form.Item
                name={[name, 'window', 'offset']}
                label={t('tiering.editor.offset')}
                tooltip={t('tiering.editor.offsetHint')}
              >
                <InputNumber min={-10} max={0} precision={0} />
              </Form.Item>
            )}
          </Space>
        );
      }}
    </Form.Item>
  );
}

/** The metrics the scheme reads: catalog metrics with windows, custom fields, tags, derived. */
export function MetricsSection() {
  const { t } = useTranslation();
  const catalog = CATALOG_METRICS.map((m) => ({
    value: m.id,
    label: `${metricName(t, m.id)} (${m.id})`,
  }));
  return (
    <Card size="small" title={t('tiering.editor.metrics')} id="editor-metrics">
      <Typography.Paragraph type="secondary">
        {t('tiering.editor.metricsHint')}
      </Typography.Paragraph>
      <Form.List name="metrics">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Form.Item key={f.key} noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const derived = getFieldValue(['metrics', f.name, 'derive']) !== undefined;
                  return (
                    <Flex
                      gap={8}
                      wrap
                      align="start"
                      style={{ borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}
                    >
                      <Form.Item
                        name={[f.name, 'key']}
                        label={t('tiering.editor.metricKey')}
                        tooltip={t('tiering.editor.metricKeyHint')}
                      >
                        <Input style={{ width: 150 }} />
                      </Form.Item>
                      {derived ? (
                        <>
                          <Form.Item
                            name={[f.name, 'derive', 'op']}
                            label={t('tiering.editor.derive')}
                          >
                            <Select
                              style={{ width: 140 }}
                              options={DERIVE_OPS.map((o) => ({
                                value: o,
                                label: t(`tiering.deriveOps.${o}` as 'tiering.deriveOps.ratio'),
                              }))}
                            />
                          </Form.Item>
                          <Form.Item
                            name={[f.name, 'derive', 'of', 0]}
                            label={t('tiering.editor.operandA')}
                          >
                            <Input style={{ width: 140 }} />
                          </Form.Item>
                          {getFieldValue(['metrics', f.name, 'derive', 'op']) === 'quantile' ? (
                            <Form.Item
                              name={[f.name, 'derive', 'buckets']}
                              label={t('tiering.editor.buckets')}
                            >
                              <InputNumber min={2} max={100} precision={0} style={{ width: 100 }} />
                            </Form.Item>
                          ) : (
                            <Form.Item
                              name={[f.name, 'derive', 'of', 1]}
                              label={t('tiering.editor.operandB')}
                              tooltip={t('tiering.editor.operandHint')}
                            >
                              <Input style={{ width: 140 }} />
                            </Form.Item>
                          )}
                        </>
                      ) : (
                        <>
                          <Form.Item
                            name={[f.name, 'id']}
                            label={t('tiering.editor.metricId')}
                            tooltip={t('tiering.editor.metricIdHint')}
                          >
                            <AutoComplete style={{ width: 260 }} options={catalog} filterOption />
                          </Form.Item>
                          <WindowFields name={f.name} />
                        </>
                      )}
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('tiering.editor.remove')}
                        onClick={() => remove(f.name)}
                      />
                    </Flex>
                  );
                }}
              </Form.Item>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() =>
                  add({ id: 'revenue', window: { kind: 'last_n_months', months: 12 } })
                }
              >
                {t('tiering.editor.addMetric')}
              </Button>
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ key: '', derive: { op: 'ratio', of: ['', ''] } })}
              >
                {t('tiering.editor.addDerived')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Card>
  );
}
