import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/page-header';

/** The customer portrait. */
export function PortraitPage() {
  const { t } = useTranslation();
  return <PageHeader title={t('portrait.title')} />;
}
