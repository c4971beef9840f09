import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { exportUrl } from '../../../api/analytics';
import type { Query } from '../../../api/client';
import { currentLanguage } from '../../../i18n';

/** CSV and XLSX downloads of an export route with the view's query. */
export function ExportButtons({
  path,
  query,
  testId = 'analytics-export',
}: {
  path: string;
  query: Query;
  testId?: string;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <Space size={4}>
      <Button
        icon={<DownloadOutlined />}
        href={exportUrl(path, query, 'xlsx', lang)}
        download
        data-testid={`${testId}-xlsx`}
      >
        {t('analytics.export.xlsx')}
      </Button>
      <Button href={exportUrl(path, query, 'csv', lang)} download data-testid={`${testId}-csv`}>
        {t('analytics.export.csv')}
      </Button>
    </Space>
  );
}
