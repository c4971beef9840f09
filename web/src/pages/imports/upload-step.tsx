import { FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Descriptions,
  Flex,
  Progress,
  Radio,
  Select,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  IMPORT_ENCODINGS,
  IMPORT_TARGETS,
  type ImportEncoding,
  type ImportTarget,
  type UploadPreview,
} from '../../api/import-types';
import { uploadImportFile } from '../../api/imports';
import { ImportErrorAlert, type ImportFailure } from './import-error';

/** The server's limit on an upload: 2 GiB. */
const MAX_BYTES = 2 * 1024 ** 3;
const ACCEPT = '.csv,.tsv,.txt,.xlsx';

/** A file size for people: 1.2 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/**
 * Refuses what the server would refuse anyway, before sending a byte of it. The reason gives the
 * translated headline; the file's name follows it.
 */
function localRefusal(file: File): ApiError | undefined {
  const reason = file.size === 0 ? 'empty-file' : file.size > MAX_BYTES ? 'too-large' : undefined;
  return reason ? new ApiError(400, 'VALIDATION', file.name, { reason }) : undefined;
}

/**
 * Step 1: what the rows become, and the file. The file goes up as it is (streamed, with
 * progress); the answer is a preview with a suggested mapping for every target.
 */
export function UploadStep({
  target,
  onTarget,
  preview,
  onUploaded,
  onContinue,
}: {
  target: ImportTarget;
  onTarget: (t: ImportTarget) => void;
  preview: UploadPreview | undefined;
  onUploaded: (p: UploadPreview, encoding: ImportEncoding) => void;
  onContinue: () => void;
}) {
  const { t } = useTranslation();
  const [encoding, setEncoding] = useState<ImportEncoding>('auto');
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<ImportFailure>();

  const upload = async (file: File) => {
    setError(undefined);
    const refused = localRefusal(file);
    if (refused) {
      setError(refused);
      return;
    }
    setProgress(0);
    try {
      const p = await uploadImportFile(file, encoding, (sent, total) =>
        setProgress(Math.floor((sent / total) * 100)),
      );
      onUploaded(p, encoding);
    } catch (e) {
      setError(e as ImportFailure);
    } finally {
      setProgress(undefined);
    }
  };

  const uploading = progress !== undefined;
  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={5}>{t('imports.upload.target')}</Typography.Title>
        <Radio.Group
          value={target}
          onChange={(e) => onTarget(e.target.value as ImportTarget)}
          disabled={uploading}
          aria-label={t('imports.upload.target')}
        >
          <Flex vertical gap={8}>
            {IMPORT_TARGETS.map((k) => (
              <Radio key={k} value={k}>
                <Typography.Text strong>{t(`imports.targets.${k}`)}</Typography.Text>
                <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                  {t(`imports.targetHints.${k}`)}
                </Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </div>
      <Flex align="center" gap={8} wrap>
        <Typography.Text>{t('imports.settings.encoding')}</Typography.Text>
        <Select<ImportEncoding>
          value={encoding}
          onChange={setEncoding}
          disabled={uploading}
          style={{ width: 200 }}
          aria-label={t('imports.settings.encoding')}
          options={IMPORT_ENCODINGS.map((e) => ({ value: e, label: t(`imports.encodings.${e}`) }))}
        />
        <Typography.Text type="secondary">{t('imports.upload.encodingHint')}</Typography.Text>
      </Flex>
      <Upload.Dragger
        accept={ACCEPT}
        multiple={false}
        showUploadList={false}
        disabled={uploading}
        beforeUpload={(file) => {
          void upload(file);
          return Upload.LIST_IGNORE;
        }}
        data-testid="import-upload"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('imports.upload.drop')}</p>
        <p className="ant-upload-hint">{t('imports.upload.dropHint')}</p>
      </Upload.Dragger>
      {uploading && (
        <div>
          <Typography.Text>{t('imports.upload.uploading')}</Typography.Text>
          <Progress percent={progress} status="active" />
        </div>
      )}
      {error && <ImportErrorAlert error={error} />}
      {preview && !uploading && (
        <Alert
          type="info"
          icon={<FileExcelOutlined />}
          showIcon
          title={t('imports.upload.current', { name: preview.fileName })}
          description={
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={t('imports.upload.size')}>
                {formatBytes(preview.size)}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.upload.kind')}>
                {preview.kind.toUpperCase()}
              </Descriptions.Item>
              <Descriptions.Item label={t('imports.upload.columns')}>
                {preview.headers.length}
              </Descriptions.Item>
            </Descriptions>
          }
          action={
            <Button type="primary" onClick={onContinue}>
              {t('imports.next')}
            </Button>
          }
        />
      )}
    </Flex>
  );
}
