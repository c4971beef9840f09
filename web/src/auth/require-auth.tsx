import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { errorMessage } from '../errors';
import { useAuth } from './auth-provider';

/** Shows its children to a signed-in user; sends anyone else to sign in and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { me, error, retry } = useAuth();
  const { t } = useTranslation();
  const location = useLocation();
  if (me === undefined && error) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(t, error)}
        extra={
          <Button type="primary" onClick={retry}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (me === undefined) return <FullPageSpin />;
  if (me === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Shows its children only to holders of the permission; others get a clear refusal. */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string | readonly string[];
  children: ReactNode;
}) {
  const { can } = useAuth();
  const { t } = useTranslation();
  const needed = typeof permission === 'string' ? [permission] : permission;
  if (needed.some((p) => can(p))) return children;
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('common.forbidden')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}

/** A centred spinner while the session is checked. */
export function FullPageSpin() {
  return (
    <div style={{ display: 'grid', placeItems: 'center', minHeight: '100vh' }}>
      <Spin size="large" />
    </div>
  );
}
