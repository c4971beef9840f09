import { FileAddOutlined } from '@ant-design/icons';
import { Button, Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-provider';
import { PageHeader } from '../../layout/page-header';
import { GenerateModal } from './reports/generate-modal';
import { ReportsTable } from './reports/reports-table';
import { SchedulesCard } from './reports/schedules-card';

/**
 * Analytics reports: the weekly and monthly reports made (each opens, prints and downloads as
 * XLSX), "generate now", and — for those who manage analytics — the schedules that make and
 * send them.
 */
export function ReportsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const manage = can('analytics.manage');
  const [open, setOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={t('reports.title')}
        subtitle={t('reports.subtitle')}
        extra={
          manage && (
            <Button
              type="primary"
              icon={<FileAddOutlined />}
              onClick={() => setOpen(true)}
              data-testid="report-generate"
            >
              {t('reports.generate.button')}
            </Button>
          )
        }
      />
      <Card size="small" title={t('reports.list.heading')}>
        <ReportsTable />
      </Card>
      {manage && <SchedulesCard />}
      {open && <GenerateModal open={open} onClose={() => setOpen(false)} />}
    </>
  );
}
