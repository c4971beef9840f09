import { Card, Col, Descriptions, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-provider';
import { formatDateTime } from '../../format';
import { PageHeader } from '../../layout/page-header';
import { MySessions } from './my-sessions';
import { PasswordForm } from './password-form';

/**
 * The signed-in user's own account: who they are and what they may see, their password, and
 * the browsers they are signed in on. Every user can open it, whatever their permissions.
 */
export function AccountPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  if (!me) return null;
  const u = me.user;
  return (
    <>
      <PageHeader title={t('security.account.title')} subtitle={t('security.account.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('security.account.profile')}>
            <Descriptions column={1} size="small" data-testid="account-profile">
              <Descriptions.Item label={t('security.account.username')}>
                {u.username}
              </Descriptions.Item>
              <Descriptions.Item label={t('security.account.displayName')}>
                {u.displayName}
              </Descriptions.Item>
              <Descriptions.Item label={t('scopes.rowScope')}>
                {t(`scopes.scope.${me.rowScope}`)}
              </Descriptions.Item>
              <Descriptions.Item label={t('scopes.region')}>{u.region ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('scopes.team')}>{u.team ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('security.account.sessionEnds')}>
                {formatDateTime(me.expiresAt, i18n.language)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={t('security.account.password')}>
            <PasswordForm />
          </Card>
        </Col>
        <Col span={24}>
          <Card title={t('security.account.sessions')}>
            <MySessions />
          </Card>
        </Col>
      </Row>
    </>
  );
}
