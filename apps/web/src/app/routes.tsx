import { Button, Result } from 'antd';
import { lazy, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { AppShell } from './app-shell';
import { homePath, NAV_ITEMS } from './navigation';

// One chunk per page: the first page loads only the shell and itself.
const DashboardPage = lazy(() => import('../dashboard/dashboard-page'));
const InspectionsPage = lazy(() => import('../inspections/inspections-page'));
const InspectionPage = lazy(() => import('../inspections/inspection-page'));
const LedgerPage = lazy(() => import('../ledger/ledger-page'));
const FindingPage = lazy(() => import('../findings/finding-page'));
const InterviewsPage = lazy(() => import('../interviews/interviews-page'));
const ResponsibilityPage = lazy(() => import('../responsibility/responsibility-page'));
const AuditPage = lazy(() => import('../audit/audit-page'));
const AdminPage = lazy(() => import('../admin/admin-page'));

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('app.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('app.backHome')}</Button>
        </Link>
      }
    />
  );
}

/** A page whose menu entry the viewer does not have answers like a page that does not exist. */
function Guarded({ path, children }: { path: string; children: ReactNode }) {
  const { ability } = useSignedIn();
  const item = NAV_ITEMS.find((candidate) => candidate.path === path);
  if (item && !item.visible(ability)) return <NotFound />;
  return children;
}

function Home() {
  const { ability } = useSignedIn();
  const home = homePath(ability);
  return home === '/' ? <DashboardPage /> : <Navigate to={home} replace />;
}

/** The signed-in application: loaded after sign-in, so the sign-in page does not carry it. */
export default function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Home />} />
        <Route path="inspections" element={<Guarded path="/inspections"><InspectionsPage /></Guarded>} />
        <Route path="inspections/:inspectionId" element={<Guarded path="/inspections"><InspectionPage /></Guarded>} />
        <Route path="ledger" element={<Guarded path="/ledger"><LedgerPage /></Guarded>} />
        <Route path="findings/:findingId" element={<Guarded path="/ledger"><FindingPage /></Guarded>} />
        <Route path="interviews" element={<Guarded path="/interviews"><InterviewsPage /></Guarded>} />
        <Route path="responsibility" element={<Guarded path="/responsibility"><ResponsibilityPage /></Guarded>} />
        <Route path="audit" element={<Guarded path="/audit"><AuditPage /></Guarded>} />
        <Route path="admin" element={<Guarded path="/admin"><AdminPage /></Guarded>} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
