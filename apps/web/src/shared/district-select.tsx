import { Select } from 'antd';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { useTenancyNames } from './use-tenancy-names';

/**
 * The district a page works on. People of a district have one; a city inspector chooses among its
 * city's districts (`allowAll` lets it see all of them at once where the API allows).
 */
export function DistrictSelect({ value, onChange, allowAll = false }: { value: string | null; onChange: (tenantId: string | null) => void; allowAll?: boolean }) {
  const { t } = useI18n();
  const { viewer } = useSignedIn();
  const { tenants } = useTenancyNames();
  if (viewer.tenant) return null;
  const options = [...(allowAll ? [{ value: '', label: t('common.all') }] : []), ...tenants.map((tenant) => ({ value: tenant.id, label: tenant.name }))];
  return (
    <Select
      style={{ minWidth: 140 }}
      value={value ?? (allowAll ? '' : undefined)}
      placeholder={t('audit.district')}
      onChange={(next: string) => onChange(next || null)}
      options={options}
      data-testid="district-select"
    />
  );
}

/** The viewer's own district, or the first of its city's when it has none and one is needed. */
export function useDefaultDistrict(): string | null {
  const { viewer } = useSignedIn();
  const { tenants } = useTenancyNames();
  return viewer.tenant?.id ?? tenants[0]?.id ?? null;
}
