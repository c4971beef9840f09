import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { getTicketQueue, type QueueItem } from '../../api/tickets';
import { errorMessage } from '../../errors';
import { Countdown } from './sla-countdown';
import { type Level, levelColor } from './ticket-taxonomy';

/** Columns shared by the queue and the supervisor lists. */
export function useQueueColumns() {
  const { t } = useTranslation();
  return [
    {
      title: t('service.queue.ticket'),
      dataIndex: 'subject',
      render: (s: string, r: QueueItem) => (
        <Link to={`/service/tickets/${r.id}`} data-testid={`queue-row-${r.id}`}>
          #{r.id} {s}
        </Link>
      ),
    },
    {
      title: t('service.tickets.customer'),
      dataIndex: 'customerName',
      render: (n: string, r: QueueItem) => <Link to={`/customers/${r.customerId}`}>{n}</Link>,
    },
    {
      title: t('service.queue.tier'),
      dataIndex: 'tier',
      render: (tier: string | null) => (tier ? <Tag>{tier}</Tag> : '—'),
    },
    {
      title: t('service.tickets.level'),
      dataIndex: 'level',
      render: (l: number) => <Tag color={levelColor(l)}>{t(`service.level.${l as Level}`)}</Tag>,
    },
    {
      title: t('service.tickets.assignee'),
      dataIndex: 'assigneeName',
      render: (n: string | null) => n ?? '—',
    },
    {
      title: t('service.queue.next'),
      dataIndex: 'nextDueAt',
      render: (due: string | null, r: QueueItem) => (
        <Countdown
          dueAt={due}
          warnAt={r.warnAt}
          pausedSince={r.pausedSince}
          breached={r.breached === 1}
          testId={`queue-countdown-${r.id}`}
        />
      ),
    },
    {
      title: t('service.queue.resolution'),
      dataIndex: 'resolutionDueAt',
      render: (due: string | null, r: QueueItem) => (
        <Countdown dueAt={due} warnAt={r.warnAt} pausedSince={r.pausedSince} />
      ),
    },
  ];
}

/** The agent queue: open tickets in SLA order with live countdowns (refreshed every minute). */
export function TicketQueue() {
  const { t } = useTranslation();
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const queue = useQuery({
    queryKey: ['tickets', 'queue', mine, page],
    queryFn: () => getTicketQueue({ mine, page }),
    refetchInterval: 60_000,
  });
  const columns = useQueueColumns();
  return (
    <>
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Switch
          data-testid="queue-mine"
          checked={mine}
          onChange={(v) => {
            setMine(v);
            setPage(1);
          }}
        />
        <Typography.Text>{t('service.queue.mine')}</Typography.Text>
      </Flex>
      {queue.isError && <Alert type="error" showIcon title={errorMessage(t, queue.error)} />}
      <Table<QueueItem>
        rowKey="id"
        data-testid="queue-table"
        loading={queue.isLoading}
        dataSource={queue.data?.items ?? []}
        locale={{ emptyText: t('service.queue.none') }}
        columns={columns}
        pagination={{
          current: page,
          pageSize: queue.data?.pageSize ?? 20,
          total: queue.data?.total ?? 0,
          showSizeChanger: false,
          onChange: setPage,
        }}
      />
    </>
  );
}
