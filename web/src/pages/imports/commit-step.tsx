import { ArrowLeftOutlined, CheckOutlined, ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  CommitMode,
  ImportResult,
  ImportTarget,
  StartImportInput,
} from '../../api/import-types';
import { startImportJob } from '../../api/imports';
import { ImportErrorAlert } from './import-error';
import { isFactTarget } from './import-fields';
import { JobPanel } from './job-panel';
import type { ColumnLabel } from './run-result';
import { useImportJob } from './use-import-job';

/** How the commit ended, in words: everything written, the valid rows written, or nothing. */
function Outcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  const committed = result.status === 'committed';
  return (
    <Alert
      type={committed ? (result.rejected ? 'warning' : 'success') : 'error'}
      showIcon
      data-testid="import-outcome"
      title={
        committed
          ? t('imports.commit.committed', { count: result.created + result.updated })
          : t('imports.commit.rejected')
      }
      description={
        committed && result.rejected
          ? t('imports.commit.committedWithRejected', { count: result.rejected })
          : !committed
            ? t('imports.commit.rejectedHint', { count: result.rejected })
            : undefined
      }
    />
  );
}

/**
 * Step 4: the commit, all or nothing (the default) or the valid rows only, run exactly like the
 * dry run; then the outcome with the reports and a way on to the customers.
 */
export function CommitStep({
  dryRun,
  request,
  jobId,
  estimate,
  label,
  onStarted,
  onBack,
  onRestart,
}: {
  dryRun: ImportResult;
  /** The dry run's request; the commit sends the same with another mode. */
  request: Omit<StartImportInput, 'mode'>;
  jobId: string | undefined;
  estimate: number;
  label: ColumnLabel;
  onStarted: (jobId: string) => void;
  onBack: () => void;
  onRestart: () => void;
}) {
  const { t } = useTranslation();
  const hasRejected = dryRun.rejected > 0;
  const [mode, setMode] = useState<CommitMode>(hasRejected ? 'valid_only' : 'all_or_nothing');
  const start = useMutation({
    mutationFn: () => startImportJob({ ...request, mode }),
    onSuccess: (job) => onStarted(job.id),
  });
  const job = useImportJob(jobId, true);
  const target: ImportTarget = request.target;
  const valid = dryRun.rowsTotal - dryRun.rejected;
  const finished = job.data?.status === 'done' ? job.data.result : undefined;

  if (jobId) {
    return (
      <Flex vertical gap={16}>
        {finished && <Outcome result={finished} />}
        <JobPanel
          job={job}
          estimate={estimate}
          label={label}
          showCustomersCreated={isFactTarget(target)}
        />
        {job.data?.status !== 'running' && (
          <Flex gap={8} wrap>
            <Link to="/customers">
              <Button type="primary" icon={<TeamOutlined />}>
                {t('imports.commit.toCustomers')}
              </Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={onRestart}>
              {t('imports.commit.another')}
            </Button>
          </Flex>
        )}
      </Flex>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('imports.commit.modeTitle')}>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as CommitMode)}>
          <Flex vertical gap={12}>
            <Radio value="all_or_nothing" disabled={hasRejected}>
              <Typography.Text strong>{t('imports.modes.all_or_nothing')}</Typography.Text>
              <br />
              <Typography.Text type={hasRejected ? 'danger' : 'secondary'}>
                {hasRejected
                  ? t('imports.commit.allOrNothingBlocked', { count: dryRun.rejected })
                  : t('imports.commit.allOrNothingHint')}
              </Typography.Text>
            </Radio>
            <Radio value="valid_only">
              <Typography.Text strong>{t('imports.modes.valid_only')}</Typography.Text>
              <br />
              <Typography.Text type="secondary">
                {t('imports.commit.validOnlyHint', { valid, rejected: dryRun.rejected })}
              </Typography.Text>
            </Radio>
          </Flex>
        </Radio.Group>
      </Card>
      {valid === 0 && <Alert type="warning" showIcon title={t('imports.commit.noValidRows')} />}
      {start.isError && <ImportErrorAlert error={start.error} />}
      <Flex justify="space-between">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          disabled={valid === 0}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {t('imports.commit.run')}
        </Button>
      </Flex>
    </Flex>
  );
}
