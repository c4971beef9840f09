import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listReports, type ReportSummary, reportXlsxUrl } from '../../../api/reports';
import { errorMessage } from '../../../errors';
import { formatDateTime } from '../../../format';
import { currentLanguage } from '../../../i18n';

const PAGE_SIZE = 20;

/** The reports made, newest first, each with its page, print view and workbook. */
export function ReportsTable() {
  const { t } = useTranslation();
  const lng = currentLanguage();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['reports', 'list', page],
    queryFn: () => listReports(page, PAGE_SIZE),
  });
  return (
    <>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<ReportSummary>
        size="small"
        rowKey="id"
        data-testid="reports-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('reports.list.none') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            title: t('reports.list.title'),
            key: 'title',
            render: (_, r) => <Link to={`/analytics/reports/${r.id}`}>{r.title}</Link>,
          },
          {
            title: t('reports.cadence.label'),
            key: 'cadence',
            render: (_, r) => <Tag>{t(`reports.cadence.${r.cadence}`)}</Tag>,
          },
          {
            title: t('reports.list.period'),
            key: 'period',
            render: (_, r) => t('reports.view.span', { from: r.periodFrom, to: r.periodTo }),
          },
          {
            title: t('reports.list.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatDateTime(v, lng),
          },
          {
            title: t('reports.list.by'),
            key: 'by',
            render: (_, r) => r.createdByName ?? t('reports.list.bySchedule'),
          },
          {
            title: t('reports.list.delivery'),
            key: 'delivery',
            render: (_, r) =>
              t('reports.list.delivered', {
                users: r.delivery.notifiedUserIds.length,
                emails: r.delivery.emailed.length,
              }),
          },
          {
            key: 'actions',
            render: (_, r) => (
              <Space size={4}>
                <Tooltip title={t('reports.view.printView')}>
                  <Button
                    size="small"
                    icon={<PrinterOutlined />}
                    href={`/analytics/reports/${r.id}/print`}
                    target="_blank"
                    aria-label={t('reports.view.printView')}
                  />
                </Tooltip>
                <Tooltip title={t('reports.view.xlsx')}>
                  <Button
                    size="small"
                    icon={<DownloadOutlined />}
                    href={reportXlsxUrl(r.id, lng)}
                    download
                    aria-label={t('reports.view.xlsx')}
                  />
                </Tooltip>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
