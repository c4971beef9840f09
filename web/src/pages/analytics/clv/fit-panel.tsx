import { ExperimentOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ButtonProps } from 'antd';
import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Select,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ClvFitJob,
  type ClvFitRequest,
  type ClvUnit,
  getClvFit,
  recentClvFits,
  requestClvFit,
} from '../../../api/clv';
import { applyFieldIssues, formBanner } from '../../../errors';
import { formatDateTime } from '../../../format';

/** How often a queued or running fit is asked for its progress. */
const POLL_MS = 1000;
const UNITS: ClvUnit[] = ['weeks', 'days', 'months'];
const FIELDS = ['asOf', 'holdoutWeeks', 'horizonMonths', 'discountRate', 'margin', 'unit'];

interface FitForm {
  asOf?: string;
  holdoutWeeks?: number | null;
  horizonMonths?: number | null;
  /** Percent in the form; a fraction on the wire. */
  discountRate?: number | null;
  margin?: number | null;
  unit?: ClvUnit;
}

const ended = (j: ClvFitJob | undefined) => j?.status === 'done' || j?.status === 'failed';

/** Share of the fit done: each phase is a quarter, split by its own done/total. */
function percentOf(job: ClvFitJob): number {
  if (job.status === 'done') return 100;
  const p = job.progress;
  if (!p?.phase) return 0;
  const order = ['loading', 'fitting', 'scoring', 'storing'];
  const k = order.indexOf(p.phase);
  if (k < 0) return 100;
  const within = p.total ? Math.min(1, (p.done ?? 0) / p.total) : 0;
  return Math.floor(((k + within) / order.length) * 100);
}

function toRequest(v: FitForm): ClvFitRequest {
  return {
    ...(v.asOf ? { asOf: v.asOf } : {}),
    ...(v.holdoutWeeks ? { holdoutWeeks: v.holdoutWeeks } : {}),
    ...(v.horizonMonths != null ? { horizonMonths: v.horizonMonths } : {}),
    ...(v.discountRate != null ? { discountRate: v.discountRate / 100 } : {}),
    ...(v.margin != null ? { margin: v.margin / 100 } : {}),
    ...(v.unit ? { unit: v.unit } : {}),
  };
}

/** The settings dialog of a fit; submits and hands the queued job to the caller. */
function FitDialog({ onClose, onQueued }: { onClose: () => void; onQueued: (id: number) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FitForm>();
  const fit = useMutation({
    mutationFn: (v: FitForm) => requestClvFit(toRequest(v)),
    onSuccess: (r) => {
      onQueued(r.jobId);
      onClose();
    },
    onError: (e) => applyFieldIssues(form, e, FIELDS),
  });
  return (
    <Modal
      open
      title={t('clv.fit.dialogTitle')}
      okText={t('clv.fit.start')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={fit.isPending}
      okButtonProps={{ 'data-testid': 'clv-fit-start' } as ButtonProps}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('clv.fit.dialogHint')}</Typography.Paragraph>
      {fit.isError && (
        <Alert
          type="error"
          showIcon
          title={formBanner(t, fit.error, FIELDS)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<FitForm>
        form={form}
        layout="vertical"
        initialValues={{ horizonMonths: 12, discountRate: 10, holdoutWeeks: 0, unit: 'weeks' }}
        onFinish={(v) => fit.mutate(v)}
      >
        <Form.Item name="asOf" label={t('clv.fit.asOf')} extra={t('clv.fit.asOfHint')}>
          <Input type="date" style={{ width: 180 }} data-testid="clv-fit-as-of" />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item
            name="horizonMonths"
            label={t('clv.fit.horizonMonths')}
            rules={[
              {
                required: true,
                type: 'number',
                min: 1,
                max: 120,
                message: t('clv.fit.horizonRule'),
              },
            ]}
          >
            <InputNumber min={1} max={120} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="discountRate"
            label={t('clv.fit.discountRate')}
            rules={[
              {
                required: true,
                type: 'number',
                min: 0,
                max: 100,
                message: t('clv.fit.discountRule'),
              },
            ]}
          >
            <InputNumber min={0} max={100} step={1} suffix="%" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="margin"
            label={t('clv.fit.margin')}
            extra={t('clv.fit.marginHint')}
            rules={[{ type: 'number', min: 0, max: 100, message: t('clv.fit.marginRule') }]}
          >
            <InputNumber min={0} max={100} step={5} suffix="%" style={{ width: 140 }} />
          </Form.Item>
        </Flex>
        <Flex gap={16} wrap>
          <Form.Item
            name="holdoutWeeks"
            label={t('clv.fit.holdoutWeeks')}
            extra={t('clv.fit.holdoutHint')}
            rules={[{ type: 'number', min: 0, max: 260, message: t('clv.fit.holdoutRule') }]}
          >
            <InputNumber min={0} max={260} precision={0} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="unit" label={t('clv.fit.unit')}>
            <Select
              style={{ width: 140 }}
              options={UNITS.map((u) => ({ value: u, label: t(`clv.units.${u}`) }))}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/**
 * "Fit now" (for analytics.manage) and the progress of the fit it queued, or of the latest one
 * when the page opens while a fit runs. When a fit ends, the model and predictions are
 * refreshed.
 */
export function FitPanel({ mayFit }: { mayFit: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | undefined>();
  const recent = useQuery({ queryKey: ['clv', 'fits'], queryFn: recentClvFits });
  const latest = recent.data?.[0];
  // A fit still running when the page opens is followed as if it had just been started.
  useEffect(() => {
    if (jobId === undefined && latest && !ended(latest)) setJobId(latest.jobId);
  }, [jobId, latest]);
  const followed = useQuery({
    queryKey: ['clv', 'fit', jobId],
    queryFn: () => getClvFit(jobId as number),
    enabled: jobId !== undefined,
    refetchInterval: (q) => (ended(q.state.data) ? false : POLL_MS),
  });
  const job = followed.data ?? (jobId === undefined ? latest : undefined);
  const finished = ended(followed.data);
  useEffect(() => {
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['clv'] });
    void queryClient.invalidateQueries({ queryKey: ['customer'] });
  }, [finished, queryClient]);

  const running = jobId !== undefined && !finished;
  const phase = job?.progress?.phase;
  return (
    <Card size="small" data-testid="clv-fit-panel">
      <Flex gap={16} align="center" wrap>
        {mayFit && (
          <Button
            type="primary"
            icon={<ExperimentOutlined />}
            loading={running}
            onClick={() => setOpen(true)}
            data-testid="clv-fit"
          >
            {t('clv.fit.button')}
          </Button>
        )}
        {!job && <Typography.Text type="secondary">{t('clv.fit.never')}</Typography.Text>}
        {job && (
          <Flex
            vertical
            gap={2}
            style={{ flex: 1, minWidth: 280 }}
            data-testid="clv-fit-status"
            data-status={job.status}
          >
            <Typography.Text strong>
              {job.status === 'failed'
                ? t('clv.fit.failed')
                : job.status === 'running' && phase
                  ? t(`clv.fit.phase.${phase}`)
                  : t(`clv.fit.status.${job.status}`)}
            </Typography.Text>
            {job.status !== 'done' && (
              <Progress
                percent={percentOf(job)}
                size="small"
                status={job.status === 'failed' ? 'exception' : 'active'}
              />
            )}
            {job.status === 'failed' && job.error && (
              <Typography.Text type="danger" data-testid="clv-fit-error">
                {job.error}
              </Typography.Text>
            )}
            {job.finishedAt && (
              <Typography.Text type="secondary">
                {t('clv.fit.finishedAt', { at: formatDateTime(job.finishedAt, i18n.language) })}
              </Typography.Text>
            )}
          </Flex>
        )}
      </Flex>
      {open && <FitDialog onClose={() => setOpen(false)} onQueued={(id) => setJobId(id)} />}
    </Card>
  );
}
