import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  Descriptions,
  Flex,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { listOwners } from '../../api/customers';
import { frontlineCard } from '../../api/frontline';
import {
  addTicketMessage,
  assignTicket,
  getTicket,
  type TicketDetail,
  type TicketStatus,
  transitionTicket,
  uploadAttachment,
  verifyTicket,
} from '../../api/tickets';
import { useAuth } from '../../auth/auth-provider';
import { errorMessage } from '../../errors';
import { formatDateTime, localized } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { TicketAttachments } from './ticket-attachments';
import { TicketConversation } from './ticket-conversation';
import { TicketSlaPanel } from './ticket-sla-panel';
import { type Level, levelColor, statusColor } from './ticket-taxonomy';

const FINISHED: TicketStatus[] = ['resolved', 'confirmed', 'closed'];

/** One ticket: header, status buttons for the allowed moves, assignment, conversation, files. */
export function TicketPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const qc = useQueryClient();
  const key = ['tickets', 'one', id];
  const detail = useQuery({ queryKey: key, queryFn: () => getTicket(id) });
  const tk = detail.data?.ticket;
  const owners = useQuery({
    queryKey: ['owners'],
    queryFn: listOwners,
    enabled: can('tickets.work'),
  });
  const card = useQuery({
    queryKey: ['frontline', tk?.customerCode],
    queryFn: () => frontlineCard({ code: tk?.customerCode ?? '' }),
    enabled: Boolean(tk) && can('frontline.read'),
  });
  const done = (d: TicketDetail) => {
    qc.setQueryData(key, d);
    qc.invalidateQueries({ queryKey: ['tickets'], exact: false, refetchType: 'none' });
  };
  const onError = (e: unknown) => message.error(errorMessage(t, e));
  const move = useMutation({
    mutationFn: (to: TicketStatus) => transitionTicket(id, to, tk?.version ?? 0),
    onSuccess: done,
    onError: (e) => {
      onError(e);
      detail.refetch();
    },
  });
  const send = useMutation({
    mutationFn: (v: { kind: 'reply' | 'note' | 'follow_up'; body: string }) =>
      addTicketMessage(id, v.kind, v.body),
    onSuccess: done,
    onError,
  });
  const assign = useMutation({
    mutationFn: (uid: number) => assignTicket(id, uid),
    onSuccess: done,
    onError,
  });
  const verify = useMutation({ mutationFn: () => verifyTicket(id), onSuccess: done, onError });
  const upload = useMutation({
    mutationFn: (f: File) => uploadAttachment(id, f),
    onSuccess: () => detail.refetch(),
    onError,
  });
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(t, detail.error)} />;
  if (!detail.data || !tk) return <Spin />;
  const zh = i18n.language.startsWith('zh');
  const work = can('tickets.work');
  const tier = card.data?.tier;
  return (
    <>
      <PageHeader
        title={
          <span data-testid="ticket-reference">
            {tk.reference} {tk.subject}
          </span>
        }
        subtitle={<Link to="/service/tickets">{t('service.ticket.back')}</Link>}
        extra={
          work && (
            <Space wrap data-testid="ticket-actions">
              {tk.allowedTransitions
                .filter((to) => to !== 'assigned')
                .map((to) => (
                  <Button
                    key={to}
                    data-testid={`ticket-move-${to}`}
                    type={to === 'resolved' ? 'primary' : 'default'}
                    loading={move.isPending && move.variables === to}
                    onClick={() => move.mutate(to)}
                  >
                    {FINISHED.includes(tk.status) && to === 'in_progress'
                      ? t('service.move.reopen')
                      : t(`service.move.${to}`)}
                  </Button>
                ))}
            </Space>
          )
        }
      />
      {!tk.verified && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('service.ticket.unverified')}
          action={
            work && (
              <Button size="small" onClick={() => verify.mutate()}>
                {t('service.ticket.verify')}
              </Button>
            )
          }
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        style={{ marginBottom: 16 }}
      >
        <Descriptions.Item label={t('service.ticket.customer')}>
          <Link to={`/customers/${tk.customerId}`}>
            {tk.customerCode} {tk.customerName}
          </Link>{' '}
          {tier && (
            <Tag color="gold" data-testid="ticket-tier">
              {t('service.ticket.tier', {
                tier: localized(tier.name.zh, tier.name.en, i18n.language),
              })}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.category')}>
          <span data-testid="ticket-category">
            {(zh ? tk.categoryPathZh : tk.categoryPathEn).join(' / ')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.level')}>
          <Tag color={levelColor(tk.level)}>{t(`service.level.${tk.level as Level}`)}</Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.status')}>
          <Tag color={statusColor(tk.status)} data-testid="ticket-status">
            {t(`service.status.${tk.status}`)}
          </Tag>
          {tk.reopenedCount > 0 && (
            <Typography.Text type="secondary">
              {t('service.ticket.reopened', { count: tk.reopenedCount })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.assignee')}>
          {work ? (
            <Select
              data-testid="ticket-assignee"
              style={{ minWidth: 180 }}
              placeholder={t('service.ticket.assignTo')}
              value={tk.assigneeId ?? undefined}
              loading={assign.isPending}
              disabled={tk.status === 'closed'}
              onChange={(uid: number) => assign.mutate(uid)}
              options={(owners.data ?? []).map((o) => ({ value: o.id, label: o.displayName }))}
            />
          ) : (
            (tk.assigneeName ?? t('service.ticket.unassigned'))
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.channel')}>
          {tk.channel ? t(`service.channel.${tk.channel as 'phone'}`) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.contact')}>
          {[tk.contactName, tk.contactPhone].filter(Boolean).join(' ') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.ticket.opened')}>
          {formatDateTime(tk.openedAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          {tk.description && (
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap' }}
              data-testid="ticket-description"
            >
              {tk.description}
            </Typography.Paragraph>
          )}
          <TicketConversation
            messages={detail.data.messages}
            canWrite={work}
            canFollowUp={FINISHED.includes(tk.status)}
            sending={send.isPending}
            onSend={(kind, body) => send.mutateAsync({ kind, body })}
          />
        </Col>
        <Col xs={24} lg={8}>
          <Flex vertical gap={16}>
            {detail.data.sla && (
              <TicketSlaPanel ticketId={tk.id} sla={detail.data.sla} canWork={work} />
            )}
            <TicketAttachments
              ticketId={tk.id}
              items={detail.data.attachments}
              canUpload={work}
              uploading={upload.isPending}
              onUpload={(f) => upload.mutate(f)}
            />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
