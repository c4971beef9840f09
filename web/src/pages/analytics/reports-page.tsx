import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/page-header';

/** An analytics page. */
export function ReportsPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('reports.title')} />;
}
