import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Layout, Menu, Space, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-provider';
import { errorMessage } from '../errors';
import styles from './app-layout.module.css';
import { AREA_INFO, areaOfPath, visibleAreas } from './areas';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';

/** The signed-in frame: side menu of areas, header with user, language and sign-out. */
export function AppLayout() {
  const { t } = useTranslation();
  const { me, can, signOut } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();
  const current = areaOfPath(location.pathname);

  const items = visibleAreas(can).map((area) => ({
    key: area,
    icon: AREA_INFO[area].icon,
    label: t(`nav.${area}`),
  }));

  const onSignOut = async () => {
    try {
      await signOut();
      message.success(t('header.signedOut'));
    } catch (e) {
      message.error(errorMessage(t, e));
    }
    navigate('/login', { replace: true });
  };

  return (
    <Layout className={styles.root}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        width={208}
        className={styles.sider}
      >
        <div className={styles.brand}>
          <Logo />
          {!collapsed && <span className={styles.brandName}>{t('app.name')}</span>}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current] : []}
          items={items}
          onClick={({ key }) => navigate(AREA_INFO[key as keyof typeof AREA_INFO].path)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className={styles.header}
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          <Space size="large">
            <LanguageSwitch />
            <Space size="small">
              <Avatar size="small" icon={<UserOutlined />} />
              <Typography.Text data-testid="current-user">{me?.user.displayName}</Typography.Text>
            </Space>
            <Button type="text" icon={<LogoutOutlined />} onClick={onSignOut}>
              {t('header.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
