import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Flex, Form, Input, InputNumber, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  addFeedbackAction,
  type FeedbackAction,
  getFeedback,
  stepFeedbackAction,
} from '../../api/feedback';
import { errorMessage } from '../../errors';

/** The follow-up actions of one feedback: add one, start it, finish it with its result. */
export function FeedbackActions({ feedbackId }: { feedbackId: number }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<{ action: string; dueOn: Dayjs; ownerId?: number }>();
  const detail = useQuery({
    queryKey: ['feedback', feedbackId],
    queryFn: () => getFeedback(feedbackId),
  });
  const done = () => {
    void qc.invalidateQueries({ queryKey: ['feedback'] });
  };
  const add = useMutation({
    mutationFn: (v: { action: string; dueOn: Dayjs; ownerId?: number }) =>
      addFeedbackAction(feedbackId, {
        action: v.action,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
        ownerId: v.ownerId ?? null,
      }),
    onSuccess: () => {
      form.resetFields();
      done();
    },
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const step = useMutation({
    mutationFn: (v: { id: number; status: string; result?: string }) =>
      stepFeedbackAction(v.id, { status: v.status, ...(v.result ? { result: v.result } : {}) }),
    onSuccess: done,
    onError: (e) => message.error(errorMessage(t, e)),
  });
  const finish = (a: FeedbackAction) => {
    let result = '';
    modal.confirm({
      title: t('feedback.actions.finish'),
      content: (
        <Input.TextArea
          aria-label={t('feedback.actions.result')}
          onChange={(e) => {
            result = e.target.value;
          }}
        />
      ),
      onOk: () => step.mutateAsync({ id: a.id, status: 'done', result }),
    });
  };
  return (
    <div data-testid={`feedback-actions-${feedbackId}`}>
      <Table<FeedbackAction>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={detail.data?.actions ?? []}
        columns={[
          { title: t('feedback.actions.action'), dataIndex: 'action' },
          { title: t('feedback.actions.owner'), render: (_, a) => a.ownerName ?? a.ownerId ?? '—' },
          { title: t('feedback.actions.dueOn'), dataIndex: 'dueOn' },
          {
            title: t('feedback.actions.status'),
            dataIndex: 'status',
            render: (s: FeedbackAction['status']) => t(`feedback.actions.statuses.${s}`),
          },
          { title: t('feedback.actions.result'), dataIndex: 'result' },
          {
            key: 'ops',
            render: (_, a) =>
              a.status === 'open' ? (
                <Button
                  size="small"
                  onClick={() => step.mutate({ id: a.id, status: 'in_progress' })}
                >
                  {t('feedback.actions.start')}
                </Button>
              ) : a.status === 'in_progress' ? (
                <Button size="small" onClick={() => finish(a)}>
                  {t('feedback.actions.finish')}
                </Button>
              ) : null,
          },
        ]}
      />
      <Form form={form} layout="inline" style={{ marginTop: 8 }} onFinish={(v) => add.mutate(v)}>
        <Flex gap={8} wrap>
          <Form.Item name="action" rules={[{ required: true }]}>
            <Input
              placeholder={t('feedback.actions.action')}
              aria-label={t('feedback.actions.action')}
            />
          </Form.Item>
          <Form.Item name="ownerId">
            <InputNumber
              min={1}
              placeholder={t('feedback.actions.owner')}
              aria-label={t('feedback.actions.owner')}
            />
          </Form.Item>
          <Form.Item name="dueOn" rules={[{ required: true }]}>
            <DatePicker
              placeholder={t('feedback.actions.dueOn')}
              aria-label={t('feedback.actions.dueOn')}
            />
          </Form.Item>
          <Button htmlType="submit" loading={add.isPending}>
            {t('feedback.actions.add')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
