import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth-provider';
import { LoginPage } from './auth/login-page';
import { RequireAuth, RequirePermission } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { AREA_INFO, PLANNED_AREAS, visibleAreas } from './layout/areas';
import { CustomerCreatePage } from './pages/customers/customer-create-page';
import { CustomerDetailPage } from './pages/customers/customer-detail-page';
import { CustomerListPage } from './pages/customers/customer-list-page';
import { NotFoundPage } from './pages/not-found-page';
import { PlaceholderPage } from './pages/placeholder-page';
import { SettingsPage } from './pages/settings/settings-page';

/** Sends a signed-in user to the first area they may open. */
function Home() {
  const { can } = useAuth();
  const { t } = useTranslation();
  const first = visibleAreas(can)[0];
  if (first) return <Navigate to={AREA_INFO[first].path} replace />;
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}

/** Every URL of the UI. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route
          path="customers"
          element={
            <RequirePermission permission="customers.read">
              <CustomerListPage />
            </RequirePermission>
          }
        />
        <Route
          path="customers/new"
          element={
            <RequirePermission permission="customers.write">
              <CustomerCreatePage />
            </RequirePermission>
          }
        />
        <Route
          path="customers/:id"
          element={
            <RequirePermission permission="customers.read">
              <CustomerDetailPage />
            </RequirePermission>
          }
        />
        {PLANNED_AREAS.map((area) => (
          <Route
            key={area}
            path={area}
            element={
              <RequirePermission permission={AREA_INFO[area].anyOf}>
                <PlaceholderPage area={area} />
              </RequirePermission>
            }
          />
        ))}
        <Route
          path="settings"
          element={
            <RequirePermission permission={AREA_INFO.settings.anyOf}>
              <SettingsPage />
            </RequirePermission>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
