import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { RULE_KEYS, type RuleKey } from '../../api/automation';

/** True for the notices automation firings send (kind `automation.<rule>`). */
export function isAutomationNotice(kind: string): boolean {
  return kind.startsWith('automation.');
}

/**
 * The text of an automation notice in the bell: the rule's name, the customer and the period,
 * in the reader's language.
 */
export function AutomationNotice({ kind, payload }: { kind: string; payload: unknown }) {
  const { t } = useTranslation();
  const rule = kind.slice('automation.'.length);
  const p = (payload ?? {}) as { customerCode?: string; customerName?: string; period?: string };
  const name = (RULE_KEYS as readonly string[]).includes(rule)
    ? t(`automation.rule.${rule as RuleKey}.name`)
    : kind;
  return (
    <span>
      {name}
      {p.customerCode && ` · ${p.customerCode} ${p.customerName ?? ''}`}
      {p.period && <Typography.Text type="secondary"> ({p.period})</Typography.Text>}
    </span>
  );
}
