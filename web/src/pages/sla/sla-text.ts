import type { TFunction } from 'i18next';
import type { EscalationStep, SlaPolicy, SlaTarget } from '../../api/sla';

/** "30 minutes", "5 working days" in the UI language. */
export function targetText(t: TFunction, target: SlaTarget | undefined): string {
  if (!target) return '—';
  return t(`sla.unit.${target.unit}`, { n: target.amount });
}

/** One escalation step as "Resolution at 100 % → supervisor". */
export function stepText(t: TFunction, s: EscalationStep): string {
  const when =
    s.afterFraction !== undefined
      ? t('sla.step.fraction', { pct: Math.round(s.afterFraction * 100) })
      : t('sla.step.minutes', { n: s.afterMinutes ?? 0 });
  return t('sla.step.text', {
    target: t(`sla.target.${s.target}`),
    when,
    role: t(`sla.role.${s.role}`),
  });
}

/** A match field for display: the value, or "any". */
export function matchText(
  t: TFunction,
  p: Pick<SlaPolicy, 'match'>,
  field: 'tier' | 'level' | 'category',
): string {
  const v = p.match[field];
  if (v === null) return t('sla.any');
  return field === 'level' ? levelText(t, Number(v)) : String(v);
}

/** A service level 1–4 with its name. */
export function levelText(t: TFunction, level: number): string {
  return t(`sla.level.${level as 1 | 2 | 3 | 4}`);
}
