import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Card, Flex, Progress, Spin, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/import-types';
import { errorMessage } from '../../errors';
import { ImportErrorAlert } from './import-error';
import { type ColumnLabel, RunResult } from './run-result';

/** Rows read so far, live, with a bar against a rough estimate of the file's rows. */
function JobProgress({ rowsRead, estimate }: { rowsRead: number; estimate: number }) {
  const { t } = useTranslation();
  // The estimate is a guess from the sample: never claim to be done before the server says so.
  const pct = Math.min(99, Math.floor((rowsRead / Math.max(1, estimate)) * 100));
  return (
    <Card data-testid="import-progress">
      <Flex vertical gap={12}>
        <Flex align="center" gap={12}>
          <Spin />
          <Typography.Text>{t('imports.progress.running')}</Typography.Text>
        </Flex>
        <Statistic title={t('imports.progress.rowsRead')} value={rowsRead} />
        <Progress percent={pct} status="active" />
      </Flex>
    </Card>
  );
}

/**
 * An import job as it runs: progress while running, the server's error when it failed, and the
 * result (counts, issues, warnings, downloads) when done.
 */
export function JobPanel({
  job,
  estimate,
  label,
  showCustomersCreated,
}: {
  job: UseQueryResult<ImportJob>;
  estimate: number;
  label: ColumnLabel;
  showCustomersCreated: boolean;
}) {
  const { t } = useTranslation();
  if (job.isError) {
    return <Alert type="error" showIcon title={errorMessage(t, job.error)} />;
  }
  const data = job.data;
  if (!data || data.status === 'running') {
    return <JobProgress rowsRead={data?.rowsRead ?? 0} estimate={estimate} />;
  }
  if (data.status === 'failed' || !data.result) {
    return (
      <ImportErrorAlert
        error={data.error ?? { code: 'INTERNAL', message: t('errors.unknown'), details: {} }}
        fieldLabel={(f) => {
          const l = label(f);
          return l.column === l.field ? l.column : `${l.column} (${l.field})`;
        }}
      />
    );
  }
  return (
    <RunResult result={data.result} label={label} showCustomersCreated={showCustomersCreated} />
  );
}
