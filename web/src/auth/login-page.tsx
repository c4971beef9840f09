import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { errorMessage } from '../errors';
import { LanguageSwitch } from '../layout/language-switch';
import { Logo } from '../layout/logo';
import { useAuth } from './auth-provider';
import styles from './login-page.module.css';

interface LoginValues {
  username: string;
  password: string;
}

/** Only same-site paths may be used as the place to return to after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/**
 * What a failed sign-in tells the person: wrong credentials, a locked username or too many
 * attempts from this address (both with the wait the server gave), or anything else.
 */
function loginError(t: TFunction, e: unknown): string {
  if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') return t('login.failed');
  if (e instanceof ApiError && e.code === 'RATE_LIMITED') {
    const seconds = Number(e.details.retryAfterSeconds) || 60;
    const key = e.details.reason === 'locked' ? 'locked' : 'rateLimited';
    return t(`security.login.${key}`, { seconds });
  }
  return errorMessage(t, e);
}

/** Username and password sign-in. */
export function LoginPage() {
  const { t } = useTranslation();
  const { me, signIn } = useAuth();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me) return <Navigate to={next} replace />;

  const onFinish = async (values: LoginValues) => {
    setBusy(true);
    setError(undefined);
    try {
      await signIn(values.username, values.password);
      navigate(next, { replace: true });
    } catch (e) {
      setError(loginError(t, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.page}>
      <div className={styles.language}>
        <LanguageSwitch />
      </div>
      <Card className={styles.card}>
        <div className={styles.brand}>
          <Logo size={40} />
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form<LoginValues> layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus size="large" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              size="large"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
