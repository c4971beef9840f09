import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/page-header';

/** An analytics page. */
export function ValuePage() {
  const { t } = useTranslation();
  return <PageHeader title={t('analyticsValue.title')} />;
}
