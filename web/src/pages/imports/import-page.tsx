import { UploadOutlined } from '@ant-design/icons';
import { Card, Result, Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/page-header';

/** The steps an import goes through, in order; each will become a panel of this page. */
const STEPS = ['upload', 'mapping', 'dryRun', 'commit'] as const;

/**
 * Importing customers and facts from CSV / TSV / XLSX files. A placeholder until the import API
 * exists: it names the steps the page will walk through (upload, map columns, dry run, commit).
 */
export function ImportPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <Card>
        <Steps
          current={0}
          style={{ marginBottom: 24 }}
          items={STEPS.map((s) => ({
            title: t(`imports.steps.${s}`),
            content: t(`imports.steps.${s}Hint`),
          }))}
        />
        <Result
          icon={<UploadOutlined style={{ color: '#1668dc' }} />}
          title={
            <>
              {t('imports.title')} <Tag color="processing">{t('placeholder.badge')}</Tag>
            </>
          }
          subTitle={t('imports.comingSoon')}
        />
      </Card>
    </>
  );
}
