import { ArrowLeftOutlined, ExperimentOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ImportEncoding,
  ImportOptions,
  ImportTarget,
  SavedMapping,
  StartImportInput,
  UploadPreview,
} from '../../api/import-types';
import { previewUpload, startImportJob } from '../../api/imports';
import { FileSettingsForm } from './file-settings';
import { ImportErrorAlert, type ImportFailure } from './import-error';
import { isFactTarget, type TargetField } from './import-fields';
import {
  buildMapping,
  type ColumnChoice,
  type FileSettings,
  missingRequired,
  savedColumns,
  savedSettings,
  suggestedColumns,
} from './mapping-state';
import { MappingTable } from './mapping-table';
import { SavedMappings } from './saved-mappings';

/**
 * Step 2: how the file is read and which column feeds which field. Moving on starts the dry run,
 * which the server only accepts for a mapping that covers every required field.
 */
export function MappingStep({
  target,
  preview,
  fields,
  settings,
  columns,
  options,
  onPreview,
  onSettings,
  onColumns,
  onOptions,
  onBack,
  onStarted,
}: {
  target: ImportTarget;
  preview: UploadPreview;
  fields: readonly TargetField[];
  settings: FileSettings;
  columns: readonly ColumnChoice[];
  options: Required<ImportOptions>;
  onPreview: (p: UploadPreview) => void;
  onSettings: (s: FileSettings) => void;
  onColumns: (c: ColumnChoice[]) => void;
  onOptions: (o: Required<ImportOptions>) => void;
  onBack: () => void;
  /** The dry run started: its job, and the request a commit will repeat. */
  onStarted: (jobId: string, request: Omit<StartImportInput, 'mode'>) => void;
}) {
  const { t } = useTranslation();
  const [reloadError, setReloadError] = useState<ImportFailure>();
  const facts = isFactTarget(target);

  /** Reads the file again with another encoding; the columns follow the new headers. */
  const reread = useMutation({
    mutationFn: (encoding: ImportEncoding) =>
      previewUpload(preview.uploadId, preview.fileName, encoding),
    onMutate: () => setReloadError(undefined),
    onError: (e) => setReloadError(e),
  });

  const changeEncoding = (encoding: ImportEncoding) => {
    reread.mutate(encoding, {
      onSuccess: (p) => {
        onPreview(p);
        onSettings({ ...settings, encoding });
        onColumns(suggestedColumns(p, target));
      },
    });
  };

  const loadSaved = (m: SavedMapping) => {
    const next = savedSettings(m.mapping);
    const apply = (p: UploadPreview) => {
      onSettings(next);
      onColumns(savedColumns(m.mapping, p, next.hasHeader, fields));
    };
    if (next.encoding === settings.encoding) apply(preview);
    else
      reread.mutate(next.encoding, {
        onSuccess: (p) => {
          onPreview(p);
          apply(p);
        },
      });
  };

  const start = useMutation({
    mutationFn: async () => {
      const request: Omit<StartImportInput, 'mode'> = {
        uploadId: preview.uploadId,
        fileName: preview.fileName,
        target,
        mapping: buildMapping(target, preview, columns, settings),
        ...(facts ? { options } : {}),
      };
      const job = await startImportJob({ ...request, mode: 'dry_run' });
      return { job, request };
    },
    onSuccess: ({ job, request }) => onStarted(job.id, request),
  });

  const missing = missingRequired(fields, columns);
  const clash = facts && settings.decimalSeparator === settings.thousandsSeparator;
  const mappedCount = columns.filter((c) => c.field).length;
  const ready = missing.length === 0 && !clash && mappedCount > 0;
  const settingLabels: Record<string, string> = {
    encoding: t('imports.settings.encoding'),
    dateFormat: t('imports.settings.dateFormat'),
    decimalSeparator: t('imports.settings.decimalSeparator'),
    thousandsSeparator: t('imports.settings.thousandsSeparator'),
    currencyScale: t('imports.settings.currencyScale'),
    rounding: t('imports.settings.rounding'),
  };
  const labelOf = (f: string) => settingLabels[f] ?? fields.find((x) => x.field === f)?.label ?? f;

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('imports.mapping.settingsTitle')}>
        <FileSettingsForm
          target={target}
          settings={settings}
          onChange={(changes) => onSettings({ ...settings, ...changes })}
          onEncoding={changeEncoding}
          detectedEncoding={preview.encoding}
          options={options}
          onOptions={onOptions}
          reloading={reread.isPending}
        />
        {reloadError && <ImportErrorAlert error={reloadError} />}
      </Card>
      <Card
        size="small"
        title={t('imports.mapping.title', {
          file: preview.fileName,
          target: t(`imports.targets.${target}`),
        })}
        extra={
          <SavedMappings
            target={target}
            current={ready ? buildMapping(target, preview, columns, settings) : undefined}
            onLoad={loadSaved}
          />
        }
      >
        <Typography.Paragraph type="secondary">{t('imports.mapping.hint')}</Typography.Paragraph>
        <MappingTable
          preview={preview}
          hasHeader={settings.hasHeader}
          fields={fields}
          columns={columns}
          onChange={(index, field) =>
            onColumns(columns.map((c, i) => (i === index ? { field, confidence: null } : c)))
          }
        />
      </Card>
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="import-missing-required"
          title={t('imports.mapping.missingRequired', {
            fields: missing.map((f) => f.label).join(t('imports.listSeparator')),
          })}
        />
      )}
      {missing.length === 0 && mappedCount === 0 && (
        <Alert type="warning" showIcon title={t('imports.mapping.nothingMapped')} />
      )}
      {start.isError && (
        <ImportErrorAlert
          error={start.error}
          fieldLabel={(f) => labelOf(f.replace(/^mapping\./, ''))}
        />
      )}
      <Flex justify="space-between">
        <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
          {t('imports.back')}
        </Button>
        <Button
          type="primary"
          icon={<ExperimentOutlined />}
          disabled={!ready}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {t('imports.mapping.runDryRun')}
        </Button>
      </Flex>
    </Flex>
  );
}
