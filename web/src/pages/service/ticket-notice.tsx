import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

const KINDS = ['ticket.created', 'ticket.assigned'] as const;
type TicketNoticeKind = (typeof KINDS)[number];

/** True for the notices service tickets send (for the header's notification bell). */
export function isTicketNotice(kind: string): kind is TicketNoticeKind {
  return (KINDS as readonly string[]).includes(kind);
}

/** A ticket notice in the reader's words, linking to the ticket. */
export function TicketNotice({
  kind,
  payload,
}: {
  kind: TicketNoticeKind;
  payload: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const p = payload as {
    ticketId?: number;
    reference?: string;
    customerName?: string;
    subject?: string;
  };
  const text =
    kind === 'ticket.assigned'
      ? t('service.notice.assigned', {
          reference: p.reference ?? '',
          customer: p.customerName ?? '',
        })
      : t('service.notice.created', {
          reference: p.reference ?? '',
          customer: p.customerName ?? '',
        });
  return (
    <span>
      {p.ticketId ? <Link to={`/service/tickets/${p.ticketId}`}>{text}</Link> : text}
      {p.subject && <Typography.Text type="secondary"> {p.subject}</Typography.Text>}
    </span>
  );
}
