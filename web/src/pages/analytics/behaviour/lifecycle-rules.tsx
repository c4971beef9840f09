import { Button, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleRules } from '../../../api/analytics-behaviour';

const KEYS = ['newDays', 'k1', 'k2', 'k3', 'maxDays'] as const;

/**
 * The stage rules (new days, the three multiples, the day limit) as inputs; empty means the
 * server's default, shown as the placeholder. Applied together with the button.
 */
export function LifecycleRulesControl({
  rules,
  defaults,
  onApply,
}: {
  rules: LifecycleRules;
  defaults: Record<(typeof KEYS)[number], number> | undefined;
  onApply: (rules: LifecycleRules) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<LifecycleRules>(rules);
  return (
    <Space wrap size={6} data-testid="lifecycle-rules">
      <Typography.Text type="secondary">
        {t('analyticsBehaviour.lifecycle.rules.title')}
      </Typography.Text>
      {KEYS.map((k) => (
        <Space key={k} size={4}>
          <Typography.Text>{t(`analyticsBehaviour.lifecycle.rules.${k}`)}</Typography.Text>
          <InputNumber<number>
            style={{ width: 90 }}
            min={0}
            step={k.startsWith('k') ? 0.5 : 1}
            data-testid={`lifecycle-rule-${k}`}
            aria-label={t(`analyticsBehaviour.lifecycle.rules.${k}`)}
            placeholder={defaults ? String(defaults[k]) : undefined}
            value={draft[k] === undefined ? null : Number(draft[k])}
            onChange={(v) => setDraft((d) => ({ ...d, [k]: v === null ? undefined : String(v) }))}
          />
        </Space>
      ))}
      <Button type="primary" onClick={() => onApply(draft)} data-testid="lifecycle-apply">
        {t('analyticsBehaviour.apply')}
      </Button>
    </Space>
  );
}
