import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FeedbackAction,
  type FeedbackItem,
  feedbackClasses,
  listFeedback,
  overdueActions,
} from '../../api/feedback';
import { errorMessage } from '../../errors';
import { localized } from '../../format';
import { BlacklistRequestModal } from './blacklist-request-modal';
import { ClassifySelect } from './classify-select';
import { FeedbackActions } from './feedback-actions';

/** Feedback and complaints by class and status, with follow-up actions and overdue ones. */
export function FeedbackTab() {
  const { t, i18n } = useTranslation();
  const [cls, setCls] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();
  const [asking, setAsking] = useState<FeedbackItem | null>(null);
  const classes = useQuery({ queryKey: ['feedback', 'classes'], queryFn: feedbackClasses });
  const list = useQuery({
    queryKey: ['feedback', 'list', cls, status],
    queryFn: () => listFeedback({ classification: cls, status }),
  });
  const overdue = useQuery({ queryKey: ['feedback', 'overdue'], queryFn: overdueActions });
  const classOptions = (classes.data ?? []).map((c) => ({
    value: c.id,
    label: localized(c.name.zh, c.name.en, i18n.language),
  }));
  return (
    <>
      <Card size="small" title={t('feedback.actions.overdue')} style={{ marginBottom: 12 }}>
        <Table<FeedbackAction>
          rowKey="id"
          size="small"
          pagination={false}
          data-testid="overdue-actions"
          dataSource={overdue.data ?? []}
          locale={{ emptyText: t('feedback.actions.noneOverdue') }}
          columns={[
            {
              title: t('feedback.list.customer'),
              render: (_, a) => `${a.customerCode} ${a.customerName}`,
            },
            { title: t('feedback.actions.action'), dataIndex: 'action' },
            { title: t('feedback.actions.owner'), render: (_, a) => a.ownerName ?? '—' },
            { title: t('feedback.actions.dueOn'), dataIndex: 'dueOn' },
          ]}
        />
      </Card>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 180 }}
          aria-label={t('feedback.list.class')}
          placeholder={t('feedback.list.anyClass')}
          value={cls}
          onChange={setCls}
          options={[
            { value: 'unclassified', label: t('feedback.list.unclassified') },
            ...classOptions,
          ]}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          aria-label={t('feedback.list.status')}
          placeholder={t('feedback.list.anyStatus')}
          value={status}
          onChange={setStatus}
          options={(['open', 'in_progress', 'closed'] as const).map((s) => ({
            value: s,
            label: t(`feedback.list.statuses.${s}`),
          }))}
        />
      </Flex>
      {list.isError && <Alert type="error" showIcon title={errorMessage(t, list.error)} />}
      <Table<FeedbackItem>
        rowKey="id"
        data-testid="feedback-table"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('feedback.list.none') }}
        expandable={{ expandedRowRender: (f) => <FeedbackActions feedbackId={f.id} /> }}
        columns={[
          { title: t('feedback.list.received'), dataIndex: 'receivedOn' },
          {
            title: t('feedback.list.customer'),
            render: (_, f) => `${f.customerCode} ${f.customerName}`,
          },
          {
            title: t('feedback.list.kind'),
            dataIndex: 'kind',
            render: (k: FeedbackItem['kind']) => (
              <Tag color={k === 'complaint' ? 'red' : 'blue'}>{t(`feedback.list.kinds.${k}`)}</Tag>
            ),
          },
          { title: t('feedback.list.content'), dataIndex: 'content', ellipsis: true },
          {
            title: t('feedback.list.class'),
            render: (_, f) => <ClassifySelect item={f} options={classOptions} />,
          },
          {
            title: t('feedback.list.status'),
            dataIndex: 'status',
            render: (s: string) => t(`feedback.list.statuses.${s as 'open'}`, { defaultValue: s }),
          },
          {
            title: t('feedback.list.actions'),
            render: (_, f) =>
              t('feedback.list.openActions', { open: f.openActions, overdue: f.overdueActions }),
          },
          {
            key: 'ops',
            render: (_, f) =>
              f.kind === 'complaint' ? (
                <Button size="small" danger onClick={() => setAsking(f)}>
                  {t('feedback.list.requestBlacklist')}
                </Button>
              ) : null,
          },
        ]}
      />
      <BlacklistRequestModal
        target={
          asking
            ? {
                customerId: asking.customerId,
                customerName: asking.customerName,
                action: 'add',
                feedbackIds: [asking.id],
              }
            : null
        }
        onClose={() => setAsking(null)}
      />
    </>
  );
}
