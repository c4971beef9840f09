import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { getReport } from '../../api/reports';
import { errorMessage } from '../../errors';
import { currentLanguage } from '../../i18n';
import { NotFoundPage } from '../not-found-page';
import styles from './reports/report.module.css';
import { pick } from './reports/report-format';
import { ReportView } from './reports/report-view';

/**
 * A stored report laid out for paper, outside the app's menu: title, what it covers, every
 * section with its figures, charts and plain tables, and a print button that is not printed.
 */
export function ReportPrintPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const report = useQuery({
    queryKey: ['reports', 'report', id],
    queryFn: () => getReport(id),
    enabled: valid,
  });
  if (!valid) return <NotFoundPage />;
  if (report.isError) return <Alert type="error" showIcon title={errorMessage(t, report.error)} />;
  if (!report.data) return <Skeleton active />;
  const c = report.data.content;
  return (
    <div className={styles.sheet} data-testid="report-print">
      <div className={styles.noPrint}>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          {t('reports.view.print')}
        </Button>
      </div>
      <h1 className={styles.sheetTitle}>{pick(c.title, currentLanguage())}</h1>
      <ReportView content={c} plain />
    </div>
  );
}
