import { CustomerServiceOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { customerTickets, type Ticket } from '../../../api/tickets';
import { errorMessage } from '../../../errors';
import { formatDateTime, localized } from '../../../format';

const DONE = new Set(['resolved', 'confirmed', 'closed']);

/** The customer's service tickets, newest first, each linked to the ticket page. */
export function TicketsCard({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const q = useQuery({
    queryKey: ['customer', customerId, 'tickets', page],
    queryFn: () => customerTickets(customerId, page),
  });
  const lng = i18n.language;
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      data-testid="customer-tickets"
      title={
        <span>
          <CustomerServiceOutlined /> {t('service.tickets.title')}
        </span>
      }
    >
      {q.isError && <Alert type="error" showIcon title={errorMessage(t, q.error)} />}
      <Table<Ticket>
        size="small"
        rowKey="id"
        loading={q.isLoading}
        dataSource={q.data?.items ?? []}
        locale={{ emptyText: t('service.tickets.none') }}
        pagination={{
          current: page,
          pageSize: q.data?.pageSize ?? 20,
          total: q.data?.total ?? 0,
          onChange: setPage,
          hideOnSinglePage: true,
        }}
        columns={[
          {
            title: t('service.tickets.reference'),
            dataIndex: 'reference',
            render: (ref: string, r) => <Link to={`/service/tickets/${r.id}`}>{ref}</Link>,
          },
          { title: t('service.tickets.subject'), dataIndex: 'subject' },
          {
            title: t('service.tickets.category'),
            render: (_, r) => (
              <Typography.Text type="secondary">
                {localized(r.categoryPathZh.join(' / '), r.categoryPathEn.join(' / '), lng)}
              </Typography.Text>
            ),
          },
          { title: t('service.tickets.level'), dataIndex: 'level', width: 70 },
          {
            title: t('service.tickets.status'),
            dataIndex: 'status',
            render: (s: Ticket['status']) => (
              <Tag color={DONE.has(s) ? 'default' : 'processing'}>{t(`service.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('service.tickets.opened'),
            dataIndex: 'openedAt',
            render: (v: string) => formatDateTime(v, lng),
          },
        ]}
      />
    </Card>
  );
}
