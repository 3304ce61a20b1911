import { Layout, Menu } from 'antd';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { LanguageSwitch } from './language-switch';
import { NotificationBell } from './notification-bell';
import { navKeyOf, visibleNavItems } from './navigation';
import { PageFallback } from '../shared/page-fallback';
import { UserMenu } from './user-menu';
import { WarningNotifier } from './warning-notifier';

export function AppShell() {
  const { t, locale } = useI18n();
  const { ability } = useSignedIn();
  const location = useLocation();
  const items = visibleNavItems(ability).map((item) => ({ key: item.path, label: <Link to={item.path}>{t(item.label)}</Link> }));
  return (
    <Layout className="shell">
      <Layout.Header className="shell__header">
        <Link to="/" className="shell__brand" title={t('app.subtitle')}>
          {t('app.title')}
          {/* The English subtitle is too long for the bar beside English menu labels; it stays as the title. */}
          {locale === 'zh-CN' && <span className="shell__brand-sub">{t('app.subtitle')}</span>}
        </Link>
        <Menu theme="dark" mode="horizontal" selectedKeys={[navKeyOf(location.pathname)]} items={items} className="shell__menu" data-testid="main-menu" />
        <div className="shell__tools">
          {canAny(ability, 'read', 'Finding') && <NotificationBell />}
          <LanguageSwitch light />
          <UserMenu />
        </div>
      </Layout.Header>
      {canAny(ability, 'read', 'Finding') && <WarningNotifier />}
      <Layout.Content className="shell__content">
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </Layout.Content>
    </Layout>
  );
}
