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
import { ConditionInput } from './condition-input';
import type { FormDoc } from './form-doc';
import { useSchemeOptions } from './use-scheme-options';

type Options = { value: string; label: string }[];

/** Thresholds: the best tier whose minimum score the customer reaches. */
function ThresholdsList({ tierOptions }: { tierOptions: Options }) {
  const { t } = useTranslation();
  return (
    <Form.List name={['assignment', 'ranking', 'thresholds']}>
      {(fields, { add, remove }) => (
        <Flex vertical>
          {fields.map((f, i) => (
            <Space key={f.key} wrap align="start">
              <Form.Item name={[f.name, 'tier']} label={t('tiering.editor.tier')}>
                <Select style={{ width: 200 }} options={tierOptions} />
              </Form.Item>
              <Form.Item name={[f.name, 'minScore']} label={t('tiering.editor.minScore')}>
                <InputNumber
                  style={{ width: 120 }}
                  aria-label={t('tiering.editor.minScoreOf', { n: i + 1 })}
                />
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
            style={{ alignSelf: 'start' }}
            onClick={() => add({ minScore: 0 })}
          >
            {t('tiering.editor.addThreshold')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** Quotas: shares of the ranked list per tier, with rounding and tie-break metrics. */
function QuotasList({
  tierOptions,
  metricOptions,
}: {
  tierOptions: Options;
  metricOptions: Options;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.List name={['assignment', 'ranking', 'quotas']}>
        {(fields, { add, remove }) => (
          <Flex vertical>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'tier']} label={t('tiering.editor.tier')}>
                  <Select style={{ width: 200 }} options={tierOptions} />
                </Form.Item>
                <Form.Item name={[f.name, 'percent']} label={t('tiering.editor.percent')}>
                  <InputNumber
                    min={0}
                    max={100}
                    precision={2}
                    suffix="%"
                    style={{ width: 130 }}
                    aria-label={t('tiering.editor.percentOf', { n: i + 1 })}
                  />
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
              onClick={() => add({ percent: 0 })}
            >
              {t('tiering.editor.addQuota')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Form.Item
        name={['assignment', 'ranking', 'rounding']}
        label={t('tiering.editor.rounding')}
        tooltip={t('tiering.editor.roundingHint')}
      >
        <Select
          allowClear
          style={{ width: 240 }}
          options={[
            { value: 'largest_remainder', label: t('tiering.editor.largestRemainder') },
            { value: 'cumulative', label: t('tiering.editor.cumulative') },
          ]}
        />
      </Form.Item>
      <TieBreakList metricOptions={metricOptions} />
    </>
  );
}

/** Metrics that order equal ranking keys before the customer code does (at most three). */
function TieBreakList({ metricOptions }: { metricOptions: Options }) {
  const { t } = useTranslation();
  return (
    <>
      <Typography.Text>{t('tiering.editor.tieBreak')}</Typography.Text>
      <Form.List name={['assignment', 'ranking', 'tieBreak']}>
        {(fields, { add, remove }) => (
          <Flex vertical>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'metric']} label={t('tiering.editor.metric')}>
                  <Select style={{ width: 200 }} options={metricOptions} />
                </Form.Item>
                <Form.Item name={[f.name, 'order']} label={t('tiering.editor.order')}>
                  <Select
                    style={{ width: 140 }}
                    options={[
                      { value: 'desc', label: t('tiering.editor.desc') },
                      { value: 'asc', label: t('tiering.editor.asc') },
                    ]}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('tiering.editor.remove')}
                  onClick={() => remove(f.name)}
                />
              </Space>
            ))}
            {fields.length < 3 && (
              <Button
                size="small"
                icon={<PlusOutlined />}
                style={{ alignSelf: 'start' }}
                onClick={() => add({ metric: metricOptions[0]?.value, order: 'desc' })}
              >
                {t('tiering.editor.addTieBreak')}
              </Button>
            )}
          </Flex>
        )}
      </Form.List>
    </>
  );
}

/** Cumulative share: the list ranked by a metric, cut where its running total crosses each line. */
function SharesList({
  tierOptions,
  metricOptions,
}: {
  tierOptions: Options;
  metricOptions: Options;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={['assignment', 'ranking', 'metric']}
        label={t('tiering.editor.shareMetric')}
        rules={[{ required: true, message: t('tiering.editor.required') }]}
      >
        <Select style={{ width: 200 }} options={metricOptions} />
      </Form.Item>
      <Form.List name={['assignment', 'ranking', 'shares']}>
        {(fields, { add, remove }) => (
          <Flex vertical>
            {fields.map((f) => (
              <Space key={f.key} wrap align="start">
                <Form.Item name={[f.name, 'tier']} label={t('tiering.editor.tier')}>
                  <Select style={{ width: 200 }} options={tierOptions} />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'upTo']}
                  label={t('tiering.editor.upTo')}
                  tooltip={t('tiering.editor.upToHint')}
                >
                  <InputNumber min={0} max={100} precision={2} suffix="%" style={{ width: 130 }} />
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
              onClick={() => add({ upTo: 100 })}
            >
              {t('tiering.editor.addShare')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <TieBreakList metricOptions={metricOptions} />
    </>
  );
}

/** Rules (tried in order, first match wins) or gates (further requirements of a tier). */
function ConditionList({
  name,
  kind,
  tierOptions,
  metricKeys,
}: {
  name: 'rules' | 'gates';
  kind: 'rule' | 'gate';
  tierOptions: Options;
  metricKeys: string[];
}) {
  const { t } = useTranslation();
  return (
    <Form.List name={['assignment', name]}>
      {(fields, { add, remove, move }) => (
        <Flex vertical gap={8}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              type="inner"
              title={t(kind === 'rule' ? 'tiering.editor.ruleN' : 'tiering.editor.gateN', {
                n: i + 1,
              })}
              extra={
                <Space>
                  {kind === 'rule' && (
                    <Button size="small" disabled={i === 0} onClick={() => move(i, i - 1)}>
                      {t('tiering.editor.moveUp')}
                    </Button>
                  )}
                  <Button
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('tiering.editor.remove')}
                    onClick={() => remove(f.name)}
                  />
                </Space>
              }
            >
              <Space wrap align="start">
                {kind === 'rule' && (
                  <Form.Item name={[f.name, 'id']} label={t('tiering.editor.id')}>
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                )}
                <Form.Item
                  name={[f.name, 'tier']}
                  label={t('tiering.editor.tier')}
                  rules={[{ required: true, message: t('tiering.editor.required') }]}
                >
                  <Select style={{ width: 200 }} options={tierOptions} />
                </Form.Item>
              </Space>
              <Form.Item name={[f.name, 'when']} label={t('tiering.editor.when')}>
                <ConditionInput metricKeys={metricKeys} />
              </Form.Item>
            </Card>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            style={{ alignSelf: 'start' }}
            onClick={() =>
              add({
                tier: tierOptions[0]?.value,
                when: { metric: metricKeys[0] ?? '', op: '>=', value: 0 },
              })
            }
          >
            {t(kind === 'rule' ? 'tiering.editor.addRule' : 'tiering.editor.addGate')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}

/** How tiers are assigned: rules, then ranking by thresholds or quotas, default, gates. */
export function AssignmentSection({ form }: { form: FormInstance<FormDoc> }) {
  const { t } = useTranslation();
  const { tierOptions, metricKeys, metricOptions } = useSchemeOptions(form);
  const kind = Form.useWatch(['assignment', 'ranking', 'kind'], form) as string | undefined;

  /** Starts a new ranking kind with one line per tier, so there is something to adjust. */
  const switchKind = (next: string | undefined) => {
    const tiers = tierOptions.map((o) => o.value);
    if (
      next === 'thresholds' &&
      !form.getFieldValue(['assignment', 'ranking', 'thresholds'])?.length
    )
      form.setFieldValue(
        ['assignment', 'ranking', 'thresholds'],
        tiers.slice(0, -1).map((tier) => ({ tier, minScore: 0 })),
      );
    if (next === 'quotas' && !form.getFieldValue(['assignment', 'ranking', 'quotas'])?.length) {
      const share = Math.floor(100 / Math.max(tiers.length, 1));
      form.setFieldValue(
        ['assignment', 'ranking', 'quotas'],
        tiers.map((tier, i) => ({
          tier,
          percent: i === tiers.length - 1 ? 100 - share * i : share,
        })),
      );
    }
    if (
      next === 'cumulative_share' &&
      !form.getFieldValue(['assignment', 'ranking', 'shares'])?.length
    ) {
      const step = 100 / Math.max(tiers.length, 1);
      form.setFieldValue(
        ['assignment', 'ranking', 'shares'],
        tiers.map((tier, i) => ({
          tier,
          upTo: i === tiers.length - 1 ? 100 : Math.round(step * (i + 1)),
        })),
      );
    }
  };

  return (
    <Card size="small" title={t('tiering.editor.assignment')} id="editor-assignment">
      <Typography.Paragraph type="secondary">
        {t('tiering.editor.assignmentHint')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('tiering.editor.rules')}</Typography.Title>
      <ConditionList name="rules" kind="rule" tierOptions={tierOptions} metricKeys={metricKeys} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('tiering.editor.ranking')}
      </Typography.Title>
      <Form.Item name={['assignment', 'ranking', 'kind']} label={t('tiering.editor.rankingKind')}>
        <Select
          allowClear
          style={{ width: 240 }}
          placeholder={t('tiering.editor.noRanking')}
          onChange={switchKind}
          options={[
            { value: 'thresholds', label: t('tiering.editor.thresholds') },
            { value: 'quotas', label: t('tiering.editor.quotas') },
            { value: 'cumulative_share', label: t('tiering.editor.cumulativeShare') },
          ]}
        />
      </Form.Item>
      {kind === 'thresholds' && <ThresholdsList tierOptions={tierOptions} />}
      {kind === 'quotas' && <QuotasList tierOptions={tierOptions} metricOptions={metricOptions} />}
      {kind === 'cumulative_share' && (
        <SharesList tierOptions={tierOptions} metricOptions={metricOptions} />
      )}
      <Form.Item
        name={['assignment', 'default']}
        label={t('tiering.editor.defaultTier')}
        tooltip={t('tiering.editor.defaultTierHint')}
        style={{ marginTop: 16 }}
      >
        <Select allowClear style={{ width: 240 }} options={tierOptions} />
      </Form.Item>
      <Typography.Title level={5}>{t('tiering.editor.gates')}</Typography.Title>
      <ConditionList name="gates" kind="gate" tierOptions={tierOptions} metricKeys={metricKeys} />
    </Card>
  );
}
