import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { currentLanguage } from '../../../i18n';

/** True for the notice a new analytics report sends (for the header's notification bell). */
export function isReportNotice(kind: string): boolean {
  return kind === 'analytics.report';
}

/** A report notice in the reader's words, linking to the report. */
export function ReportNotice({ payload }: { payload: Record<string, unknown> }) {
  const { t } = useTranslation();
  const p = payload as { reportId?: number; titleZh?: string; titleEn?: string };
  const title = (currentLanguage() === 'en' ? p.titleEn : p.titleZh) ?? '';
  const text = t('reports.notice', { title });
  return p.reportId ? (
    <Link to={`/analytics/reports/${p.reportId}`}>{text}</Link>
  ) : (
    <span>{text}</span>
  );
}
