import { Tabs } from 'antd';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { PageHeader } from '../shared/page-header';
import { ApiTokensTab } from './api-tokens-tab';
import { PeopleTab } from './people-tab';
import { TenancyTab } from './tenancy-tab';
import { UnitsTab } from './units-tab';

export default function AdminPage() {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const tabs = [
    canAny(ability, 'manage', 'Tenant') && { key: 'districts', label: t('admin.districts'), children: <TenancyTab /> },
    canAny(ability, 'create', 'Unit') && { key: 'units', label: t('admin.units'), children: <UnitsTab /> },
    canAny(ability, 'create', 'Person') && { key: 'people', label: t('admin.people'), children: <PeopleTab /> },
    canAny(ability, 'issue', 'ApiToken') && { key: 'tokens', label: t('admin.tokens'), children: <ApiTokensTab /> },
  ].filter((tab) => tab !== false);
  return (
    <>
      <PageHeader title={t('admin.title')} />
      <Tabs items={tabs} destroyOnHidden />
    </>
  );
}
