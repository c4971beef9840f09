import { ArrowLeftOutlined, DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { getReport, reportXlsxUrl } from '../../../api/reports';
import { errorMessage } from '../../../errors';
import { currentLanguage } from '../../../i18n';
import { PageHeader } from '../../../layout/page-header';
import { NotFoundPage } from '../../not-found-page';
import { pick } from './report-format';
import { ReportView } from './report-view';

/** One stored report inside the app (the link of its notice): print view and XLSX at hand. */
export function ReportPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const lng = currentLanguage();
  const report = useQuery({
    queryKey: ['reports', 'report', id],
    queryFn: () => getReport(id),
    enabled: valid,
  });
  if (!valid) return <NotFoundPage />;
  const r = report.data;
  return (
    <>
      <PageHeader
        title={r ? pick(r.content.title, lng) : t('reports.title')}
        subtitle={
          <Link to="/analytics/reports">
            <ArrowLeftOutlined /> {t('reports.view.back')}
          </Link>
        }
        extra={
          <Space>
            <Button
              icon={<PrinterOutlined />}
              href={`/analytics/reports/${id}/print`}
              target="_blank"
              data-testid="report-print-link"
            >
              {t('reports.view.printView')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={reportXlsxUrl(id, lng)}
              download
              data-testid="report-xlsx"
            >
              {t('reports.view.xlsx')}
            </Button>
          </Space>
        }
      />
      {report.isError && <Alert type="error" showIcon title={errorMessage(t, report.error)} />}
      {report.isLoading && <Spin style={{ display: 'block', margin: 48 }} />}
      {r && <ReportView content={r.content} />}
    </>
  );
}
