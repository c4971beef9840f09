import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Progress, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getSweep, listSweeps, requestSweep, type SweepJob } from '../../api/automation';
import { errorMessage } from '../../errors';
import { formatDateTime } from '../../format';

/** How often a queued or running sweep is asked for its progress. */
const POLL_MS = 1000;

function percent(job: SweepJob): number {
  const { done = 0, customers = 0 } = job.progress ?? {};
  if (job.status === 'done') return 100;
  return customers > 0 ? Math.floor((done / customers) * 100) : 0;
}

/**
 * "Run sweep now" and the progress of the sweep it queued (or of the latest one): the job runs
 * in the background; when it ends, the firings log is refreshed.
 */
export function SweepPanel({ mayRun }: { mayRun: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<number | undefined>();
  const recent = useQuery({ queryKey: ['automation', 'sweeps'], queryFn: listSweeps });
  const run = useMutation({
    mutationFn: requestSweep,
    onSuccess: (j) => setJobId(j.id),
  });
  const followed = useQuery({
    queryKey: ['automation', 'sweep', jobId],
    queryFn: () => getSweep(jobId as number),
    enabled: jobId !== undefined && mayRun,
    refetchInterval: (q) =>
      q.state.data?.status === 'done' || q.state.data?.status === 'failed' ? false : POLL_MS,
  });
  const job = followed.data ?? (jobId === undefined ? recent.data?.[0] : undefined);
  const ended = followed.data?.status === 'done' || followed.data?.status === 'failed';
  useEffect(() => {
    if (!ended) return;
    void queryClient.invalidateQueries({ queryKey: ['automation', 'firings'] });
    void queryClient.invalidateQueries({ queryKey: ['automation', 'sweeps'] });
  }, [ended, queryClient]);

  const p = job?.progress ?? {};
  return (
    <Card size="small" title={t('automation.sweep.status')} data-testid="sweep-panel">
      <Flex vertical gap={8}>
        {mayRun && (
          <Button
            type="primary"
            onClick={() => run.mutate()}
            loading={run.isPending || (jobId !== undefined && !ended)}
            data-testid="sweep-run"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('automation.sweep.run')}
          </Button>
        )}
        {run.isError && <Alert type="error" showIcon title={errorMessage(t, run.error)} />}
        {!job && <Typography.Text type="secondary">{t('automation.sweep.none')}</Typography.Text>}
        {job && (
          <div data-testid="sweep-status" data-status={job.status}>
            <Typography.Text strong>
              {job.status === 'failed'
                ? t('automation.sweep.failed', { error: job.error ?? '' })
                : t(`automation.sweep.${job.status}`)}
            </Typography.Text>
            <Progress
              percent={percent(job)}
              status={job.status === 'failed' ? 'exception' : undefined}
            />
            <Typography.Text type="secondary">
              {t('automation.sweep.progress', {
                done: (p.done ?? 0).toLocaleString(i18n.language),
                customers: (p.customers ?? 0).toLocaleString(i18n.language),
                firings: (p.firings ?? 0).toLocaleString(i18n.language),
              })}
              {job.finishedAt &&
                ` · ${t('automation.sweep.last', { at: formatDateTime(job.finishedAt, i18n.language) })}`}
            </Typography.Text>
          </div>
        )}
      </Flex>
    </Card>
  );
}
