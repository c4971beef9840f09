import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { Alert, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportResult, ImportTarget } from '../../api/import-types';
import { isFactTarget } from './import-fields';
import { JobPanel } from './job-panel';
import type { ColumnLabel } from './run-result';
import { useImportJob } from './use-import-job';

/**
 * Step 3: the dry run. Every row is checked and applied in a transaction that is rolled back, so
 * its counts are what a commit would do. Only a finished dry run leads on to the commit.
 */
export function DryRunStep({
  jobId,
  target,
  estimate,
  label,
  onBack,
  onNext,
}: {
  jobId: string;
  target: ImportTarget;
  estimate: number;
  label: ColumnLabel;
  onBack: () => void;
  onNext: (result: ImportResult) => void;
}) {
  const { t } = useTranslation();
  const job = useImportJob(jobId, false);
  const result = job.data?.status === 'done' ? job.data.result : undefined;
  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('imports.dryRun.hint')} />
      <JobPanel
        job={job}
        estimate={estimate}
        label={label}
        showCustomersCreated={isFactTarget(target)}
      />
      <Flex justify="space-between">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('imports.dryRun.backToMapping')}
        </Button>
        <Button
          type="primary"
          icon={<ArrowRightOutlined />}
          disabled={!result}
          onClick={() => result && onNext(result)}
        >
          {t('imports.dryRun.toCommit')}
        </Button>
      </Flex>
    </Flex>
  );
}
