import { Result } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/auth-provider';
import { FullPageSpin, RequireAuth, RequirePermission } from './auth/require-auth';
import { AppLayout } from './layout/app-layout';
import { AREA_INFO, visibleAreas } from './layout/areas';
import { NotFoundPage } from './pages/not-found-page';

// Each page is its own chunk, loaded when first opened, so the first load stays small.
const LoginPage = lazy(() => import('./auth/login-page').then((m) => ({ default: m.LoginPage })));
const CustomerListPage = lazy(() =>
  import('./pages/customers/customer-list-page').then((m) => ({ default: m.CustomerListPage })),
);
const CustomerCreatePage = lazy(() =>
  import('./pages/customers/customer-create-page').then((m) => ({
    default: m.CustomerCreatePage,
  })),
);
const CustomerDetailPage = lazy(() =>
  import('./pages/customers/customer-detail-page').then((m) => ({
    default: m.CustomerDetailPage,
  })),
);
const DuplicatesPage = lazy(() =>
  import('./pages/customers/duplicates/duplicates-page').then((m) => ({
    default: m.DuplicatesPage,
  })),
);
const ImportPage = lazy(() =>
  import('./pages/imports/import-page').then((m) => ({ default: m.ImportPage })),
);
const SchemesPage = lazy(() =>
  import('./pages/tiering/schemes-page').then((m) => ({ default: m.SchemesPage })),
);
const SchemeEditorPage = lazy(() =>
  import('./pages/tiering/scheme-editor-page').then((m) => ({ default: m.SchemeEditorPage })),
);
const RunPage = lazy(() =>
  import('./pages/tiering/run-page').then((m) => ({ default: m.RunPage })),
);
const EliminationPage = lazy(() => import('./pages/lifecycle/elimination-page'));
const ReviewsPage = lazy(() =>
  import('./pages/reviews/reviews-page').then((m) => ({ default: m.ReviewsPage })),
);
const CyclePage = lazy(() =>
  import('./pages/reviews/cycle-page').then((m) => ({ default: m.CyclePage })),
);
const PrintPage = lazy(() =>
  import('./pages/reviews/print-page').then((m) => ({ default: m.PrintPage })),
);
const AccountPage = lazy(() =>
  import('./pages/account/account-page').then((m) => ({ default: m.AccountPage })),
);
const SettingsPage = lazy(() =>
  import('./pages/settings/settings-page').then((m) => ({ default: m.SettingsPage })),
);

const PolicyCatalogPage = lazy(() =>
  import('./pages/policies/policy-catalog-page').then((m) => ({ default: m.PolicyCatalogPage })),
);
const OrderCheckPage = lazy(() =>
  import('./pages/policies/order-check-page').then((m) => ({ default: m.OrderCheckPage })),
);
const AutomationPage = lazy(() =>
  import('./pages/automation/automation-page').then((m) => ({ default: m.AutomationPage })),
);
const AccountsPage = lazy(() =>
  import('./pages/accounts/accounts-page').then((m) => ({ default: m.AccountsPage })),
);
const WebhooksPage = lazy(() =>
  import('./pages/webhooks/webhooks-page').then((m) => ({ default: m.WebhooksPage })),
);
const CardPage = lazy(() =>
  import('./pages/frontline/card-page').then((m) => ({ default: m.CardPage })),
);
const EmbedCardPage = lazy(() =>
  import('./pages/frontline/embed-card-page').then((m) => ({ default: m.EmbedCardPage })),
);

const TicketsPage = lazy(() =>
  import('./pages/service/tickets-page').then((m) => ({ default: m.TicketsPage })),
);
const TicketPage = lazy(() =>
  import('./pages/service/ticket-page').then((m) => ({ default: m.TicketPage })),
);
const PublicTicketPage = lazy(() =>
  import('./pages/service/public-ticket-page').then((m) => ({ default: m.PublicTicketPage })),
);
const CalendarsPage = lazy(() =>
  import('./pages/calendars/calendars-page').then((m) => ({ default: m.CalendarsPage })),
);
const SlaPoliciesPage = lazy(() =>
  import('./pages/sla/sla-policies-page').then((m) => ({ default: m.SlaPoliciesPage })),
);

const FeedbackPage = lazy(() =>
  import('./pages/feedback/feedback-page').then((m) => ({ default: m.FeedbackPage })),
);

const ServiceKpisPage = lazy(() =>
  import('./pages/service-kpis/service-kpis-page').then((m) => ({ default: m.ServiceKpisPage })),
);

const PublicSurveyPage = lazy(() =>
  import('./pages/feedback/public-survey-page').then((m) => ({ default: m.PublicSurveyPage })),
);

const ValuePage = lazy(() =>
  import('./pages/analytics/value-page').then((m) => ({ default: m.ValuePage })),
);
const RfmPage = lazy(() =>
  import('./pages/analytics/rfm-page').then((m) => ({ default: m.RfmPage })),
);
const TierTrendsPage = lazy(() =>
  import('./pages/analytics/tier-trends-page').then((m) => ({ default: m.TierTrendsPage })),
);
const NineGridPage = lazy(() =>
  import('./pages/analytics/ninegrid-page').then((m) => ({ default: m.NineGridPage })),
);
const LifecyclePage = lazy(() =>
  import('./pages/analytics/lifecycle-page').then((m) => ({ default: m.LifecyclePage })),
);
const ClvPage = lazy(() =>
  import('./pages/analytics/clv-page').then((m) => ({ default: m.ClvPage })),
);
const ServiceByTierPage = lazy(() =>
  import('./pages/analytics/service-page').then((m) => ({ default: m.ServiceByTierPage })),
);
const ReportsPage = lazy(() =>
  import('./pages/analytics/reports-page').then((m) => ({ default: m.ReportsPage })),
);
const ReportPage = lazy(() =>
  import('./pages/analytics/reports/report-page').then((m) => ({ default: m.ReportPage })),
);
const ReportPrintPage = lazy(() =>
  import('./pages/analytics/report-print-page').then((m) => ({ default: m.ReportPrintPage })),
);
const PortraitPage = lazy(() =>
  import('./pages/customers/portrait-page').then((m) => ({ default: m.PortraitPage })),
);

/** Sends a signed-in user to the first area they may open. */
function Home() {
  const { can } = useAuth();
  const { t } = useTranslation();
  const first = visibleAreas(can)[0];
  if (first) return <Navigate to={AREA_INFO[first].path} replace />;
  return <Result status="403" title="403" subTitle={t('common.forbidden')} />;
}

function guarded(permission: string | readonly string[], page: ReactNode) {
  return <RequirePermission permission={permission}>{page}</RequirePermission>;
}

/** Every URL of the UI. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/login"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <LoginPage />
          </Suspense>
        }
      />
      {/* The printable evaluation form stands outside the layout, so paper shows no menu. */}
      <Route
        path="/reviews/:id/print"
        element={
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              {guarded('tiering.read', <PrintPage />)}
            </Suspense>
          </RequireAuth>
        }
      />
      {/* A produced analytics report, printable on its own. */}
      <Route
        path="/analytics/reports/:id/print"
        element={
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              {guarded('analytics.read', <ReportPrintPage />)}
            </Suspense>
          </RequireAuth>
        }
      />
      {/* The public service form: customers open tickets without signing in. */}
      <Route
        path="/public/ticket"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicTicketPage />
          </Suspense>
        }
      />
      {/* The satisfaction survey a customer answers from a link, without signing in. */}
      <Route
        path="/public/survey"
        element={
          <Suspense fallback={<FullPageSpin />}>
            <PublicSurveyPage />
          </Suspense>
        }
      />
      {/* The front-line card for a counter or hotline screen: no menu, fits a frame. */}
      <Route
        path="/embed/card"
        element={
          <RequireAuth>
            <Suspense fallback={<FullPageSpin />}>
              {guarded('frontline.read', <EmbedCardPage />)}
            </Suspense>
          </RequireAuth>
        }
      />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Home />} />
        <Route path="customers" element={guarded('customers.read', <CustomerListPage />)} />
        <Route path="customers/new" element={guarded('customers.write', <CustomerCreatePage />)} />
        <Route
          path="customers/duplicates"
          element={guarded('customers.read', <DuplicatesPage />)}
        />
        <Route path="customers/import" element={guarded('customers.import', <ImportPage />)} />
        <Route path="customers/:id" element={guarded('customers.read', <CustomerDetailPage />)} />
        <Route
          path="customers/:id/portrait"
          element={guarded('customers.read', <PortraitPage />)}
        />
        <Route path="tiering" element={guarded('tiering.read', <SchemesPage />)} />
        <Route path="tiering/schemes/:id" element={guarded('tiering.read', <SchemeEditorPage />)} />
        <Route path="tiering/runs/:id" element={guarded('tiering.read', <RunPage />)} />
        <Route path="reviews" element={guarded('tiering.read', <ReviewsPage />)} />
        <Route path="reviews/elimination" element={guarded('tiering.read', <EliminationPage />)} />
        <Route path="reviews/:id" element={guarded('tiering.read', <CyclePage />)} />
        <Route
          path="policies"
          element={guarded(['customers.read', 'policies.manage'], <PolicyCatalogPage />)}
        />
        <Route path="policies/orders" element={guarded('orders.check', <OrderCheckPage />)} />
        <Route path="policies/automation" element={guarded('customers.read', <AutomationPage />)} />
        <Route path="policies/accounts" element={guarded('customers.read', <AccountsPage />)} />
        <Route path="policies/webhooks" element={guarded('policies.manage', <WebhooksPage />)} />
        <Route path="service" element={guarded('frontline.read', <CardPage />)} />
        <Route
          path="service/tickets"
          element={guarded(['tickets.work', 'customers.read'], <TicketsPage />)}
        />
        <Route
          path="service/tickets/:id"
          element={guarded(['tickets.work', 'customers.read'], <TicketPage />)}
        />
        <Route
          path="service/kpis"
          element={guarded(['tickets.work', 'service.manage'], <ServiceKpisPage />)}
        />
        <Route
          path="service/feedback"
          element={guarded(['tickets.work', 'service.manage'], <FeedbackPage />)}
        />
        <Route
          path="service/sla"
          element={guarded(['service.manage', 'tickets.work'], <SlaPoliciesPage />)}
        />
        <Route
          path="service/calendars"
          element={guarded(['service.manage', 'tickets.work'], <CalendarsPage />)}
        />
        <Route path="analytics" element={guarded('analytics.read', <ValuePage />)} />
        <Route path="analytics/rfm" element={guarded('analytics.read', <RfmPage />)} />
        <Route path="analytics/tiers" element={guarded('analytics.read', <TierTrendsPage />)} />
        <Route path="analytics/ninegrid" element={guarded('analytics.read', <NineGridPage />)} />
        <Route path="analytics/lifecycle" element={guarded('analytics.read', <LifecyclePage />)} />
        <Route path="analytics/clv" element={guarded('analytics.read', <ClvPage />)} />
        <Route
          path="analytics/service"
          element={guarded('analytics.read', <ServiceByTierPage />)}
        />
        <Route path="analytics/reports" element={guarded('analytics.read', <ReportsPage />)} />
        <Route path="analytics/reports/:id" element={guarded('analytics.read', <ReportPage />)} />
        <Route path="account" element={<AccountPage />} />
        <Route path="settings" element={guarded(AREA_INFO.settings.anyOf, <SettingsPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
