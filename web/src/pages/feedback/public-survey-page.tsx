import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Rate, Result, Spin, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { answerSurvey, publicSurvey } from '../../api/feedback';
import { errorMessage } from '../../errors';

/** Why a link cannot be answered, from the server's error (unknown, answered, expired). */
function refusal(err: unknown): 'invalid' | 'answered' | 'expired' | null {
  if (!(err instanceof ApiError)) return null;
  const reason = err.details.reason;
  if (reason === 'answered' || reason === 'expired') return reason;
  return reason === 'unknown' ? 'invalid' : null;
}

/**
 * The customer's survey page (no sign-in), opened from the one-time link:
 * /public/survey?token=…. Score 1–5 and an optional comment; the link works once.
 */
export function PublicSurveyPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [form] = Form.useForm<{ score: number; comment?: string }>();
  const state = useQuery({
    queryKey: ['public-survey', token],
    queryFn: () => publicSurvey(token),
    enabled: token !== '',
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (v: { score: number; comment?: string }) =>
      answerSurvey({ token, score: v.score, ...(v.comment ? { comment: v.comment } : {}) }),
  });
  const shell = (body: ReactNode) => (
    <div style={{ maxWidth: 560, margin: '48px auto', padding: 16 }} data-testid="public-survey">
      <Card title={t('feedback.public.title')}>{body}</Card>
    </div>
  );
  if (!token) return shell(<Alert type="error" showIcon title={t('feedback.public.noToken')} />);
  if (answer.isSuccess)
    return shell(<Result status="success" title={t('feedback.public.thanks')} />);
  if (state.isLoading) return shell(<Spin />);
  const closed =
    refusal(state.error) ??
    (state.data && state.data.state !== 'open' ? state.data.state : null) ??
    refusal(answer.error);
  if (closed) return shell(<Result status="warning" title={t(`feedback.public.${closed}`)} />);
  if (state.isError)
    return shell(<Alert type="error" showIcon title={errorMessage(t, state.error)} />);
  return shell(
    <>
      <Typography.Paragraph>
        {t('feedback.public.intro', { name: state.data?.customerName ?? '' })}
      </Typography.Paragraph>
      {answer.isError && <Alert type="error" showIcon title={errorMessage(t, answer.error)} />}
      <Form form={form} layout="vertical" onFinish={(v) => answer.mutate(v)}>
        <Form.Item name="score" label={t('feedback.public.score')} rules={[{ required: true }]}>
          <Rate count={5} data-testid="survey-score" />
        </Form.Item>
        <Form.Item name="comment" label={t('feedback.public.comment')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={answer.isPending}>
          {t('feedback.public.submit')}
        </Button>
      </Form>
    </>,
  );
}
