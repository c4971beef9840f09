import { Alert, Table, type TableProps, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { ImportIssue } from '../../api/import-types';
import { errorMessage } from '../../errors';

/** An error as an import job reports it, or as an API call threw it. */
export type ImportFailure =
  | ApiError
  | { code: string; message: string; details: Record<string, unknown> }
  | Error;

function detailsOf(err: ImportFailure): Record<string, unknown> {
  if (err instanceof ApiError) return err.details;
  return 'details' in err ? err.details : {};
}

/** The field issues the server attached (`details.issues`), row and expected value included. */
export function issuesOf(err: ImportFailure): ImportIssue[] {
  const raw = detailsOf(err).issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (i): i is ImportIssue =>
      typeof i === 'object' &&
      i !== null &&
      typeof i.field === 'string' &&
      typeof i.message === 'string',
  );
}

/**
 * A refused upload, mapping or run: a translated headline (the reason a file was refused, when the
 * server named one), the server's own message, and every field issue it listed.
 */
export function ImportErrorAlert({
  error,
  fieldLabel = (f) => f,
}: {
  error: ImportFailure;
  fieldLabel?: (field: string) => string;
}) {
  const { t } = useTranslation();
  const reason = detailsOf(error).reason;
  const asApi =
    error instanceof ApiError || !('code' in error)
      ? error
      : new ApiError(400, error.code, error.message, error.details);
  const title =
    typeof reason === 'string'
      ? `${t(`imports.reasons.${reason}` as ParseKeys, { defaultValue: t('imports.reasons.other') })}: ${error.message}`
      : errorMessage(t, asApi);
  const issues = issuesOf(error).filter((i) => i.message !== error.message || i.row !== undefined);
  const hasRow = issues.some((i) => i.row !== undefined);
  const hasExpected = issues.some((i) => i.expected);
  const columns: TableProps<ImportIssue>['columns'] = [
    ...(hasRow
      ? [{ key: 'row', dataIndex: 'row', title: t('imports.issues.row'), width: 70 }]
      : []),
    {
      key: 'field',
      dataIndex: 'field',
      title: t('imports.issues.field'),
      width: 180,
      render: (f: string) => fieldLabel(f),
    },
    { key: 'message', dataIndex: 'message', title: t('imports.issues.message') },
    ...(hasExpected
      ? [{ key: 'expected', dataIndex: 'expected', title: t('imports.issues.expected') }]
      : []),
  ];
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      data-testid="import-error"
      description={
        issues.length > 0 ? (
          <Table<ImportIssue>
            size="small"
            rowKey={(i) => `${i.row ?? ''}-${i.field}-${i.message}`}
            columns={columns}
            dataSource={issues}
            pagination={false}
            style={{ marginTop: 8 }}
          />
        ) : (
          <Typography.Text type="secondary">{t('imports.errorHint')}</Typography.Text>
        )
      }
      style={{ marginBottom: 16 }}
    />
  );
}
