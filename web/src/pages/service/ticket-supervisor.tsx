import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { getSupervisorView, type QueueItem, type SupervisorView } from '../../api/tickets';
import { errorMessage } from '../../errors';
import { useQueueColumns } from './ticket-queue';

type CountRow = SupervisorView['counts'][number];

/** Supervisor view: breached and at-risk open tickets, counted by assignee and tier, and listed. */
export function TicketSupervisor() {
  const { t } = useTranslation();
  const view = useQuery({
    queryKey: ['tickets', 'supervisor'],
    queryFn: getSupervisorView,
    refetchInterval: 60_000,
  });
  const columns = useQueueColumns();
  const v = view.data;
  return (
    <>
      {view.isError && <Alert type="error" showIcon title={errorMessage(t, view.error)} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('service.supervisor.breached')}
              value={v?.totals.breached ?? 0}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card>
            <Statistic
              title={t('service.supervisor.atRisk')}
              value={v?.totals.atRisk ?? 0}
              styles={{ content: { color: '#d46b08' } }}
            />
          </Card>
        </Col>
      </Row>
      <Table<CountRow>
        size="small"
        data-testid="supervisor-counts"
        rowKey={(r) => `${r.state}-${r.assigneeId}-${r.tier}`}
        dataSource={v?.counts ?? []}
        pagination={false}
        locale={{ emptyText: t('service.supervisor.none') }}
        columns={[
          {
            title: t('service.supervisor.state'),
            dataIndex: 'state',
            render: (s: CountRow['state']) => t(`service.supervisor.${s}`),
          },
          {
            title: t('service.tickets.assignee'),
            dataIndex: 'assigneeName',
            render: (n: string | null) => n ?? t('service.tickets.unassigned'),
          },
          {
            title: t('service.queue.tier'),
            dataIndex: 'tier',
            render: (x: string | null) => x ?? '—',
          },
          { title: t('service.supervisor.count'), dataIndex: 'count' },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('service.supervisor.breachedList')}
      </Typography.Title>
      <Table<QueueItem>
        rowKey="id"
        size="small"
        data-testid="supervisor-breached"
        dataSource={v?.breached ?? []}
        columns={columns}
        pagination={false}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('service.supervisor.atRiskList')}
      </Typography.Title>
      <Table<QueueItem>
        rowKey="id"
        size="small"
        data-testid="supervisor-at-risk"
        dataSource={v?.atRisk ?? []}
        columns={columns}
        pagination={false}
      />
    </>
  );
}
