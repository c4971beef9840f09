import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Select, Table, Tabs, Tag, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { listOwners } from '../../api/customers';
import { listTickets, TICKET_STATUSES, type Ticket, type TicketQuery } from '../../api/tickets';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { CustomerPicker } from '../policies/customer-picker';
import { TicketNewModal } from './ticket-new-modal';
import { TicketQueue } from './ticket-queue';
import { TicketSupervisor } from './ticket-supervisor';
import { LEVELS, type Level, levelColor, statusColor, useCategoryTree } from './ticket-taxonomy';

/**
 * Tickets: the SLA queue (agents), the supervisor view (breached and at-risk) and the full list
 * with filters; the tab is kept in `?tab=` so a link can open the queue directly.
 */
export function TicketsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const work = can('tickets.work');
  const tab = params.get('tab') ?? 'list';
  return (
    <>
      <PageHeader
        title={t('service.tickets.title')}
        extra={
          work && (
            <Button type="primary" data-testid="ticket-new" onClick={() => setCreating(true)}>
              {t('service.tickets.new')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        destroyOnHidden
        items={[
          { key: 'list', label: t('service.queue.list'), children: <TicketList /> },
          ...(work
            ? [
                { key: 'queue', label: t('service.queue.title'), children: <TicketQueue /> },
                {
                  key: 'supervisor',
                  label: t('service.supervisor.title'),
                  children: <TicketSupervisor />,
                },
              ]
            : []),
        ]}
      />
      <TicketNewModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate(`/service/tickets/${id}`);
        }}
      />
    </>
  );
}

/** The ticket list: filters and paging. */
function TicketList() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [query, setQuery] = useState<TicketQuery>({ status: 'open', page: 1 });
  const { treeData } = useCategoryTree();
  const owners = useQuery({ queryKey: ['owners'], queryFn: listOwners });
  const list = useQuery({ queryKey: ['tickets', query], queryFn: () => listTickets(query) });
  const set = (patch: Partial<TicketQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));
  const zh = i18n.language.startsWith('zh');
  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          data-testid="ticket-search"
          placeholder={t('service.tickets.search')}
          style={{ width: 260 }}
          onSearch={(q) => set({ q: q || undefined })}
        />
        <Select
          data-testid="ticket-filter-status"
          aria-label={t('service.tickets.status')}
          style={{ width: 150 }}
          value={query.status ?? ''}
          onChange={(v) => set({ status: v || undefined })}
          options={[
            { value: '', label: t('service.tickets.anyStatus') },
            { value: 'open', label: t('service.tickets.openOnly') },
            ...TICKET_STATUSES.map((s) => ({ value: s, label: t(`service.status.${s}`) })),
          ]}
        />
        <Select
          allowClear
          data-testid="ticket-filter-level"
          placeholder={t('service.tickets.level')}
          style={{ width: 140 }}
          value={query.level}
          onChange={(v) => set({ level: v })}
          options={LEVELS.map((l) => ({ value: l, label: t(`service.level.${l}`) }))}
        />
        <TreeSelect
          allowClear
          data-testid="ticket-filter-category"
          placeholder={t('service.tickets.category')}
          style={{ width: 220 }}
          treeData={treeData}
          value={query.category}
          onChange={(v) => set({ category: v })}
        />
        <Select
          allowClear
          data-testid="ticket-filter-assignee"
          placeholder={t('service.tickets.assignee')}
          style={{ width: 160 }}
          value={query.assignee}
          onChange={(v) => set({ assignee: v })}
          options={[
            { value: 'me', label: t('service.tickets.mine') },
            { value: 'none', label: t('service.tickets.unassigned') },
            ...(owners.data ?? []).map((o) => ({ value: String(o.id), label: o.displayName })),
          ]}
        />
        <CustomerPicker value={query.customerId} onChange={(id) => set({ customerId: id })} />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<Ticket>
        rowKey="id"
        data-testid="ticket-table"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('service.tickets.none') }}
        pagination={{
          current: query.page ?? 1,
          pageSize: list.data?.pageSize ?? 20,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (count) => t('service.tickets.total', { count }),
          onChange: (page) => setQuery((q) => ({ ...q, page })),
        }}
        onRow={(r) => ({ onDoubleClick: () => navigate(`/service/tickets/${r.id}`) })}
        columns={[
          {
            title: t('service.tickets.reference'),
            dataIndex: 'reference',
            render: (ref: string, r) => <Link to={`/service/tickets/${r.id}`}>{ref}</Link>,
          },
          {
            title: t('service.tickets.subject'),
            dataIndex: 'subject',
            render: (s: string, r) => (
              <>
                {s} {!r.verified && <Tag color="warning">{t('service.tickets.unverified')}</Tag>}
              </>
            ),
          },
          {
            title: t('service.tickets.customer'),
            dataIndex: 'customerName',
            render: (n: string, r) => <Link to={`/customers/${r.customerId}`}>{n}</Link>,
          },
          {
            title: t('service.tickets.category'),
            dataIndex: 'categoryPathZh',
            render: (_: unknown, r) => (zh ? r.categoryPathZh : r.categoryPathEn).join(' / '),
          },
          {
            title: t('service.tickets.level'),
            dataIndex: 'level',
            render: (l: number) => (
              <Tag color={levelColor(l)}>{t(`service.level.${l as Level}`)}</Tag>
            ),
          },
          {
            title: t('service.tickets.status'),
            dataIndex: 'status',
            render: (s: Ticket['status']) => (
              <Tag color={statusColor(s)}>{t(`service.status.${s}`)}</Tag>
            ),
          },
          {
            title: t('service.tickets.assignee'),
            dataIndex: 'assigneeName',
            render: (n: string | null) => n ?? '—',
          },
          {
            title: t('service.tickets.opened'),
            dataIndex: 'openedAt',
            render: (v: string) => formatDateTime(v, i18n.language),
          },
        ]}
      />
    </>
  );
}
