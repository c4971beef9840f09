import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  pauseTicketClock,
  resumeTicketClock,
  type TicketDetail,
  type TicketSla,
} from '../../api/tickets';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';
import { Countdown } from './sla-countdown';

const DUE_KEYS = ['firstReplyDueAt', 'responseDueAt', 'resolutionDueAt'] as const;

/** One line of the clock history: what happened and, for a recompute, how the deadline moved. */
function EventLine({ e }: { e: TicketSla['events'][number] }) {
  const { t, i18n } = useTranslation();
  const d = e.detail;
  const before = d.before as Record<string, string | null> | undefined;
  const after = d.after as Record<string, string | null> | undefined;
  const fmt = (v: string | null | undefined) => (v ? formatDateTime(v, i18n.language) : '—');
  return (
    <span data-testid={`sla-event-${e.kind}`}>
      <Typography.Text strong>
        {t(`service.sla.event.${e.kind}`, { defaultValue: e.kind })}
      </Typography.Text>{' '}
      {typeof d.reason === 'string' && (
        <Tag>{t(`service.sla.reason.${d.reason}`, { defaultValue: d.reason })}</Tag>
      )}
      {typeof d.key === 'string' && <Tag>{d.key}</Tag>}
      <Typography.Text type="secondary"> {formatDateTime(e.at, i18n.language)}</Typography.Text>
      {before && after && (
        <div>
          {DUE_KEYS.filter((k) => before[k] !== after[k]).map((k) => (
            <div key={k}>
              {t(`service.sla.target.${k}`)}: {fmt(before[k])} → {fmt(after[k])}
            </div>
          ))}
        </div>
      )}
      {d.problem !== undefined && (
        <div>
          <Typography.Text type="danger">
            {(d.problem as { message?: string }).message ?? ''}
          </Typography.Text>
        </div>
      )}
    </span>
  );
}

/** The SLA panel: policy applied, each target with a countdown, pause/resume, the history. */
export function TicketSlaPanel(props: { ticketId: number; sla: TicketSla; canWork: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const { sla } = props;
  const done = (d: TicketDetail) => {
    qc.setQueryData(['tickets', 'one', props.ticketId], d);
    qc.invalidateQueries({ queryKey: ['tickets'], exact: false, refetchType: 'none' });
  };
  const onError = (e: unknown) => message.error(errorMessage(t, e));
  const pause = useMutation({
    mutationFn: () => pauseTicketClock(props.ticketId, reason),
    onSuccess: (d) => {
      setReason('');
      done(d);
    },
    onError,
  });
  const resume = useMutation({
    mutationFn: () => resumeTicketClock(props.ticketId),
    onSuccess: done,
    onError,
  });
  const winner = sla.candidates.find((c) => c.outcome === 'winner');
  return (
    <Card size="small" title={t('service.sla.title')} data-testid="ticket-sla">
      {sla.problem && (
        <Alert type="warning" showIcon title={sla.problem.message} style={{ marginBottom: 8 }} />
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('service.sla.policy')}>
          <span data-testid="sla-policy">
            {sla.policyKey ?? '—'}{' '}
            {t('service.sla.version', {
              version: sla.policyVersion ?? t('service.sla.template'),
            })}
          </span>
          {winner && sla.candidates.length > 1 && (
            <Typography.Text type="secondary">
              {' '}
              {t('service.sla.beat', { count: sla.candidates.length - 1 })}
            </Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('service.queue.tier')}>{sla.tier ?? '—'}</Descriptions.Item>
        {sla.targets.map((x) => (
          <Descriptions.Item key={x.key} label={t(`service.sla.target.${x.key}DueAt`)}>
            <Flex vertical>
              <span>
                {x.dueAt ? formatDateTime(x.dueAt, i18n.language) : '—'}{' '}
                <Typography.Text type="secondary">({x.policyKey})</Typography.Text>
              </span>
              {x.met === null ? (
                <Countdown
                  dueAt={x.dueAt}
                  warnAt={x.warnAt}
                  pausedSince={sla.pausedSince}
                  testId={`sla-countdown-${x.key}`}
                />
              ) : (
                <Tag color={x.met ? 'success' : 'error'}>
                  {t(x.met ? 'service.sla.met' : 'service.sla.missed')}
                </Tag>
              )}
            </Flex>
          </Descriptions.Item>
        ))}
        <Descriptions.Item label={t('service.sla.state')}>
          {sla.breached && <Tag color="error">{t('service.sla.breached')}</Tag>}
          {sla.escalationLevel > 0 && (
            <Tag color="warning">
              {t(
                sla.escalationLevel >= 2 ? 'service.sla.escalation.2' : 'service.sla.escalation.1',
              )}
            </Tag>
          )}
          {sla.pausedSince && (
            <Tag color="processing" data-testid="sla-paused">
              {t('service.sla.pausedSince', {
                at: formatDateTime(sla.pausedSince, i18n.language),
              })}
            </Tag>
          )}
        </Descriptions.Item>
      </Descriptions>
      {props.canWork &&
        (sla.pausedSince ? (
          <Button
            data-testid="sla-resume"
            loading={resume.isPending}
            onClick={() => resume.mutate()}
          >
            {t('service.sla.resume')}
          </Button>
        ) : (
          <Flex gap={8}>
            <Input
              data-testid="sla-pause-reason"
              placeholder={t('service.sla.pauseReason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              data-testid="sla-pause"
              disabled={!reason.trim()}
              loading={pause.isPending}
              onClick={() => pause.mutate()}
            >
              {t('service.sla.pause')}
            </Button>
          </Flex>
        ))}
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('service.sla.history')}
      </Typography.Title>
      <Timeline
        data-testid="sla-history"
        items={sla.events
          .slice()
          .reverse()
          .map((e) => ({ key: e.id, content: <EventLine e={e} /> }))}
      />
    </Card>
  );
}
