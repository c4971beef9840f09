import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/page-header';

/** An analytics page. */
export function LifecyclePage() {
  const { t } = useTranslation();
  return <PageHeader title={t('analyticsBehaviour.title')} />;
}
