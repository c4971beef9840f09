import { useQuery } from '@tanstack/react-query';
import { Button, Result, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { getScheme, getSchemeVersion } from '../../api/tiering';
import { errorMessage } from '../../errors';
import { NotFoundPage } from '../not-found-page';
import { SchemeEditor } from './editor/scheme-editor';

/** The editor of one scheme's latest version. */
export function SchemeEditorPage() {
  const { t } = useTranslation();
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const valid = Number.isInteger(id) && id > 0;
  const scheme = useQuery({
    queryKey: ['tiering', 'scheme', id],
    queryFn: () => getScheme(id),
    enabled: valid,
  });
  const versionId = scheme.data?.latest?.id;
  const version = useQuery({
    queryKey: ['tiering', 'version', versionId],
    queryFn: () => getSchemeVersion(versionId ?? 0),
    enabled: versionId !== undefined,
  });

  if (!valid) return <NotFoundPage />;
  const error = scheme.error ?? version.error;
  if (error || (scheme.data && !scheme.data.latest)) {
    const missing = !error || (error instanceof ApiError && error.status === 404);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('tiering.editor.notFound') : t('common.loadFailed')}
        subTitle={missing ? undefined : errorMessage(t, error)}
        extra={
          <Link to="/tiering">
            <Button type="primary">{t('common.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!scheme.data || !version.data) return <Skeleton active paragraph={{ rows: 12 }} />;
  // Keyed by version: a save that makes a new version starts the editor from it.
  return <SchemeEditor key={version.data.id} scheme={scheme.data} version={version.data} />;
}
