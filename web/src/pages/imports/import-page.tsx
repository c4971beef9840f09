import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type {
  ImportEncoding,
  ImportOptions,
  ImportResult,
  ImportTarget,
  StartImportInput,
  UploadPreview,
} from '../../api/import-types';
import { useCustomFieldDefs } from '../../hooks/use-reference-data';
import { PageHeader } from '../../layout/page-header';
import { CommitStep } from './commit-step';
import { DryRunStep } from './dry-run-step';
import { targetFields } from './import-fields';
import { ImportHistory } from './import-history';
import {
  type ColumnChoice,
  DEFAULT_SETTINGS,
  estimateRows,
  type FileSettings,
  suggestedColumns,
} from './mapping-state';
import { MappingStep } from './mapping-step';
import type { ColumnLabel } from './run-result';
import { UploadStep } from './upload-step';

/** The steps an import goes through, in order. */
const STEPS = ['upload', 'mapping', 'dryRun', 'commit'] as const;
const DEFAULT_OPTIONS: Required<ImportOptions> = {
  createMissingCustomers: false,
  newCustomerType: 'enterprise',
};

interface DryRun {
  jobId: string;
  /** What the dry run was asked; the commit repeats it with another mode. */
  request: Omit<StartImportInput, 'mode'>;
  result?: ImportResult;
}

/**
 * Importing customers, orders or payments from CSV / TSV / XLSX files, as a wizard: upload, map
 * the columns, dry run (always), commit. The history of recent runs sits below.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const customFields = useCustomFieldDefs();
  const [step, setStep] = useState(0);
  const [target, setTarget] = useState<ImportTarget>('customers');
  const [preview, setPreview] = useState<UploadPreview>();
  const [settings, setSettings] = useState<FileSettings>(DEFAULT_SETTINGS);
  const [columns, setColumns] = useState<ColumnChoice[]>([]);
  const [options, setOptions] = useState(DEFAULT_OPTIONS);
  const [dryRun, setDryRun] = useState<DryRun>();
  const [commitJobId, setCommitJobId] = useState<string>();

  const fields = targetFields(t, target, customFields.data ?? [], i18n.language);
  const estimate = preview ? estimateRows(preview) : 1;

  /** The file column and field an issue is about, as the report table shows them. */
  const label: ColumnLabel = (field) => {
    if (field === '(file)') return { column: t('imports.issues.file'), field: field };
    const fieldLabel = fields.find((f) => f.field === field)?.label ?? field;
    const i = columns.findIndex((c) => c.field === field);
    if (i < 0 || !preview) return { column: fieldLabel, field: fieldLabel };
    const header = settings.hasHeader ? preview.headers[i] : undefined;
    return { column: header || t('imports.mapping.columnN', { n: i + 1 }), field: fieldLabel };
  };

  const chooseTarget = (next: ImportTarget) => {
    setTarget(next);
    setDryRun(undefined);
    if (preview) setColumns(suggestedColumns(preview, next));
  };

  const uploaded = (p: UploadPreview, encoding: ImportEncoding) => {
    setPreview(p);
    setSettings({ ...DEFAULT_SETTINGS, encoding });
    setColumns(suggestedColumns(p, target));
    setOptions(DEFAULT_OPTIONS);
    setDryRun(undefined);
    setCommitJobId(undefined);
    setStep(1);
  };

  const restart = () => {
    setPreview(undefined);
    setColumns([]);
    setSettings(DEFAULT_SETTINGS);
    setOptions(DEFAULT_OPTIONS);
    setDryRun(undefined);
    setCommitJobId(undefined);
    setStep(0);
  };

  const finished = commitJobId !== undefined;
  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        extra={
          <Link to="/customers">
            <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Steps
            current={step}
            status={finished ? 'finish' : 'process'}
            style={{ marginBottom: 24 }}
            items={STEPS.map((s) => ({
              title: t(`imports.steps.${s}`),
              content: t(`imports.steps.${s}Hint`),
            }))}
          />
          {step === 0 && (
            <UploadStep
              target={target}
              onTarget={chooseTarget}
              preview={preview}
              onUploaded={uploaded}
              onContinue={() => setStep(1)}
            />
          )}
          {step === 1 && preview && (
            <MappingStep
              target={target}
              preview={preview}
              fields={fields}
              settings={settings}
              columns={columns}
              options={options}
              onPreview={setPreview}
              onSettings={setSettings}
              onColumns={setColumns}
              onOptions={setOptions}
              onBack={() => setStep(0)}
              onStarted={(jobId, request) => {
                setDryRun({ jobId, request });
                setCommitJobId(undefined);
                setStep(2);
              }}
            />
          )}
          {step === 2 && dryRun && (
            <DryRunStep
              jobId={dryRun.jobId}
              target={target}
              estimate={estimate}
              label={label}
              onBack={() => setStep(1)}
              onNext={(result) => {
                setDryRun({ ...dryRun, result });
                setStep(3);
              }}
            />
          )}
          {step === 3 && dryRun?.result && (
            <CommitStep
              dryRun={dryRun.result}
              request={dryRun.request}
              jobId={commitJobId}
              estimate={estimate}
              label={label}
              onStarted={setCommitJobId}
              onBack={() => setStep(2)}
              onRestart={restart}
            />
          )}
        </Card>
        <ImportHistory />
      </Flex>
    </>
  );
}
