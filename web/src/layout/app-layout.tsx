import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import {
  App,
  Avatar,
  Button,
  Layout,
  Menu,
  type MenuProps,
  Space,
  Spin,
  Typography,
  theme,
} from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/auth-provider';
import { errorMessage } from '../errors';
import styles from './app-layout.module.css';
import { AREA_INFO, AREA_PAGES, areaOfPath, visibleAreas } from './areas';
import { LanguageSwitch } from './language-switch';
import { Logo } from './logo';
import { NotificationBell } from './notification-bell';

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

  // Menu keys are paths, so a click navigates straight to the key. Areas with pages open as a
  // sub-menu of the pages the user may see.
  const pagePaths: string[] = [];
  const items: MenuProps['items'] = visibleAreas(can).map((area) => {
    const sub = AREA_PAGES[area];
    const pages = sub?.pages.filter((p) => p.anyOf.some(can)) ?? [];
    if (!sub || pages.length === 0)
      return { key: AREA_INFO[area].path, icon: AREA_INFO[area].icon, label: t(`nav.${area}`) };
    pagePaths.push(...pages.map((p) => p.path));
    return {
      key: area,
      icon: AREA_INFO[area].icon,
      label: t(`nav.${area}`),
      children: pages.map((p) => ({
        key: p.path,
        // Labels come from the typed message groups named in AREA_PAGES.
        label: t(`nav.${sub.group}.${p.label}` as 'nav.customers'),
      })),
    };
  });
  // The deepest page whose path the URL starts with is the one highlighted.
  const paths = [...pagePaths, ...visibleAreas(can).map((a) => AREA_INFO[a].path)];
  const selected = paths
    .filter((p) => location.pathname === p || location.pathname.startsWith(`${p}/`))
    .sort((a, b) => b.length - a.length)[0];

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
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={current && AREA_PAGES[current] ? [current] : ['customers']}
          items={items}
          onClick={({ key }) => navigate(key)}
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
            <NotificationBell />
            <LanguageSwitch />
            <Button
              type="text"
              icon={<Avatar size="small" icon={<UserOutlined />} />}
              onClick={() => navigate('/account')}
              title={t('security.account.menu')}
            >
              <span data-testid="current-user">{me?.user.displayName}</span>
            </Button>
            <Button type="text" icon={<LogoutOutlined />} onClick={onSignOut}>
              {t('header.signOut')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content className={styles.content}>
          <Suspense
            fallback={
              <div style={{ display: 'grid', placeItems: 'center', minHeight: 240 }}>
                <Spin size="large" />
              </div>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
