import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/page-header';
import { BlacklistTab } from './blacklist-tab';
import { CampaignsTab } from './campaigns-tab';
import { FeedbackTab } from './feedback-tab';

/** Satisfaction surveys, campaigns, feedback follow-up and blacklist approvals. */
export function FeedbackPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('feedback.title')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'campaigns', label: t('feedback.tabs.campaigns'), children: <CampaignsTab /> },
          { key: 'feedback', label: t('feedback.tabs.feedback'), children: <FeedbackTab /> },
          { key: 'blacklist', label: t('feedback.tabs.blacklist'), children: <BlacklistTab /> },
        ]}
      />
    </>
  );
}
