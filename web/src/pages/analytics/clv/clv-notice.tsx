import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** True for the notices a lifetime-value fit sends to whoever asked for it. */
export function isClvNotice(kind: string): boolean {
  return kind === 'clv.fitted' || kind === 'clv.fit_failed';
}

/** The text of a fit notice in the bell: done (customers scored, as of) or failed (why). */
export function ClvNotice({ kind, payload }: { kind: string; payload: unknown }) {
  const { t, i18n } = useTranslation();
  const p = (payload ?? {}) as { asOf?: string; customers?: number; error?: string };
  if (kind === 'clv.fit_failed') {
    return (
      <span>
        {t('clv.notice.failed', { asOf: p.asOf ?? '' })}
        {p.error && <Typography.Text type="secondary"> {p.error}</Typography.Text>}
      </span>
    );
  }
  return (
    <span>
      {t('clv.notice.fitted', {
        asOf: p.asOf ?? '',
        customers: (p.customers ?? 0).toLocaleString(i18n.language),
      })}
    </span>
  );
}
