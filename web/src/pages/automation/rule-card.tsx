import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AutomationRule, updateRule } from '../../api/automation';
import { applyFieldIssues, formBanner } from '../../errors';
import { formatDateTime } from '../../format';
import { PARAM_FIELDS } from './param-fields';

interface Values {
  enabled: boolean;
  params: Record<string, number | string>;
}

/**
 * One rule: its switch and parameter form, saved over the version it was read at. The server's
 * field errors (`params.k` …) land on the matching input.
 */
export function RuleCard({ rule, mayEdit }: { rule: AutomationRule; mayEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ enabled: rule.enabled, params: rule.params });
  }, [form, rule]);

  const save = async (v: Values) => {
    setSaving(true);
    setError(undefined);
    try {
      await updateRule(rule.key, { enabled: v.enabled, params: v.params, version: rule.version });
      message.success(t('automation.rules.saved'));
      await queryClient.invalidateQueries({ queryKey: ['automation', 'rules'] });
    } catch (e) {
      applyFieldIssues(form, e, ['params']);
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card
      size="small"
      data-testid={`rule-${rule.key}`}
      title={t(`automation.rule.${rule.key}.name`)}
      extra={
        <Typography.Text type="secondary">
          {rule.version === 0
            ? t('automation.rules.defaults')
            : `${t('automation.rules.version', { version: rule.version })} · ${formatDateTime(rule.updatedAt, i18n.language)}`}
        </Typography.Text>
      }
    >
      <Typography.Paragraph type="secondary">
        {t(`automation.rule.${rule.key}.description`)}
      </Typography.Paragraph>
      {error !== undefined && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={formBanner(t, error, ['params'])}
        />
      )}
      <Form<Values> form={form} layout="inline" disabled={!mayEdit} onFinish={save}>
        <Form.Item name="enabled" label={t('automation.rules.enabled')} valuePropName="checked">
          <Switch data-testid={`rule-${rule.key}-enabled`} />
        </Form.Item>
        {PARAM_FIELDS[rule.key].map((f) => (
          <Form.Item key={f.name} name={['params', f.name]} label={t(`automation.param.${f.name}`)}>
            {f.kind === 'text' ? (
              <Input style={{ width: 180 }} data-testid={`rule-${rule.key}-${f.name}`} />
            ) : (
              <InputNumber
                min={f.min}
                max={f.max}
                step={f.step ?? 1}
                precision={f.kind === 'int' ? 0 : undefined}
                data-testid={`rule-${rule.key}-${f.name}`}
              />
            )}
          </Form.Item>
        ))}
        {mayEdit && (
          <Flex>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving}
              data-testid={`rule-${rule.key}-save`}
            >
              {t('automation.rules.save')}
            </Button>
          </Flex>
        )}
      </Form>
    </Card>
  );
}
