import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/AuthProvider';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth, RequirePermission } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { AREA_INFO, PLANNED_AREAS, visibleAreas } from './layout/areas';
import { CustomerCreatePage } from './pages/customers/CustomerCreatePage';
import { CustomerDetailPage } from './pages/customers/CustomerDetailPage';
import { CustomerListPage } from './pages/customers/CustomerListPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { SettingsPage } from './pages/settings/SettingsPage';

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
