import { Button, Card, Empty, Flex, Input, Segmented, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TicketChannel, TicketMessage, TicketStatus } from '../../api/tickets';
import { formatDateTime } from '../../format';

type Kind = 'reply' | 'note' | 'follow_up';
const SYSTEM_KINDS: TicketMessage['kind'][] = ['status', 'created', 'assignment'];

/**
 * The conversation: replies the customer sees, internal notes on a yellow ground with a tag
 * (so nobody mistakes one for the other), status changes as small grey lines; and the box to
 * write a reply, a note or a follow-up record.
 */
export function TicketConversation({
  messages,
  canWrite,
  canFollowUp,
  sending,
  onSend,
}: {
  messages: TicketMessage[];
  canWrite: boolean;
  canFollowUp: boolean;
  sending: boolean;
  onSend: (kind: Kind, body: string) => Promise<unknown>;
}) {
  const { t, i18n } = useTranslation();
  const [kind, setKind] = useState<Kind>('reply');
  const [body, setBody] = useState('');
  const status = (s: string | null) => (s ? t(`service.status.${s as TicketStatus}`) : '—');
  /** System lines in the reader's language; the stored body is a code, a name or a comment. */
  const systemLine = (m: TicketMessage): string => {
    if (m.kind === 'created')
      return t('service.ticket.createdVia', {
        channel: t(`service.channel.${m.body as TicketChannel}`, { defaultValue: m.body }),
      });
    if (m.kind === 'assignment') return t('service.ticket.assignedTo', { name: m.body });
    const change = t('service.ticket.statusChange', {
      from: status(m.fromStatus),
      to: status(m.toStatus),
    });
    return m.body ? `${change} · ${m.body}` : change;
  };
  return (
    <Card title={t('service.ticket.conversation')} size="small">
      {messages.length === 0 && <Empty description={t('service.ticket.noMessages')} />}
      <Timeline
        data-testid="ticket-messages"
        items={messages.map((m) => ({
          key: m.id,
          color: m.kind === 'note' ? 'orange' : SYSTEM_KINDS.includes(m.kind) ? 'gray' : 'blue',
          children: SYSTEM_KINDS.includes(m.kind) ? (
            <Typography.Text type="secondary" data-testid={`ticket-message-${m.kind}`}>
              {formatDateTime(m.createdAt, i18n.language)} · {m.authorName} · {systemLine(m)}
            </Typography.Text>
          ) : (
            <div
              data-testid={`ticket-message-${m.kind}`}
              style={{
                padding: 8,
                borderRadius: 6,
                background: m.kind === 'note' ? '#fffbe6' : '#f0f5ff',
                border: m.kind === 'note' ? '1px dashed #faad14' : '1px solid #d6e4ff',
              }}
            >
              <Flex gap={8} align="center" style={{ marginBottom: 4 }}>
                <Tag
                  color={m.kind === 'note' ? 'warning' : m.kind === 'follow_up' ? 'green' : 'blue'}
                >
                  {t(`service.kind.${m.kind}`)}
                </Tag>
                {m.kind === 'note' && (
                  <Typography.Text type="warning">{t('service.ticket.internal')}</Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {m.authorName} · {formatDateTime(m.createdAt, i18n.language)}
                </Typography.Text>
              </Flex>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {m.body}
              </Typography.Paragraph>
            </div>
          ),
        }))}
      />
      {canWrite && (
        <Flex vertical gap={8}>
          <Segmented<Kind>
            data-testid="ticket-compose-kind"
            value={kind}
            onChange={setKind}
            options={[
              { value: 'reply', label: t('service.ticket.reply') },
              { value: 'note', label: t('service.ticket.note') },
              ...(canFollowUp
                ? [{ value: 'follow_up' as const, label: t('service.ticket.followUp') }]
                : []),
            ]}
          />
          <Input.TextArea
            data-testid="ticket-compose-body"
            rows={3}
            value={body}
            placeholder={t('service.ticket.body')}
            style={kind === 'note' ? { background: '#fffbe6' } : undefined}
            onChange={(e) => setBody(e.target.value)}
          />
          <Button
            type="primary"
            data-testid="ticket-compose-send"
            disabled={!body.trim()}
            loading={sending}
            style={{ alignSelf: 'flex-end' }}
            onClick={async () => {
              try {
                await onSend(kind, body);
                setBody('');
              } catch {
                // The page shows the error; the text stays for another try.
              }
            }}
          >
            {t('service.ticket.send')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
