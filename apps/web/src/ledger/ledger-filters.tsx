import { Button, Checkbox, DatePicker, Input, Select } from 'antd';
import dayjs from 'dayjs';
import type { FindingCategory, FindingSeverity, FindingStatus, WarningLevel } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { DistrictSelect } from '../shared/district-select';
import { FINDING_CATEGORIES, FINDING_SEVERITIES, FINDING_STATUSES, useLabelledOptions, WARNING_LEVELS } from '../shared/enum-options';
import { UnitSelect } from '../shared/unit-select';
import { EMPTY_LEDGER_FILTER, type LedgerFilter } from './ledger-filter';


export function LedgerFilters({ filter, onChange }: { filter: LedgerFilter; onChange: (patch: Partial<LedgerFilter>) => void }) {
  const { t } = useI18n();
  const options = useLabelledOptions();
  return (
    <div className="filters" data-testid="ledger-filters">
      <DistrictSelect value={filter.tenantId} onChange={(tenantId) => onChange({ tenantId, unitId: null })} allowAll />
      <UnitSelect allowClear style={{ minWidth: 160 }} placeholder={t('finding.unit')} tenantId={filter.tenantId} value={filter.unitId ?? undefined} onChange={(unitId?: string) => onChange({ unitId: unitId ?? null })} />
      <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t('finding.status')} value={filter.statuses} onChange={(statuses: FindingStatus[]) => onChange({ statuses })} options={options('findingStatus', FINDING_STATUSES)} data-testid="status-filter" />
      <Select mode="multiple" allowClear style={{ minWidth: 140 }} placeholder={t('finding.category')} value={filter.categories} onChange={(categories: FindingCategory[]) => onChange({ categories })} options={options('findingCategory', FINDING_CATEGORIES)} />
      <Select mode="multiple" allowClear style={{ minWidth: 120 }} placeholder={t('finding.severity')} value={filter.severities} onChange={(severities: FindingSeverity[]) => onChange({ severities })} options={options('findingSeverity', FINDING_SEVERITIES)} />
      <Select allowClear style={{ minWidth: 120 }} placeholder={t('dashboard.warnings')} value={filter.warningLevel ?? undefined} onChange={(warningLevel?: WarningLevel) => onChange({ warningLevel: warningLevel ?? null })} options={options('warning', WARNING_LEVELS)} />
      <DatePicker.RangePicker
        placeholder={[t('ledger.deadlineRange'), t('ledger.deadlineRange')]}
        value={[filter.deadlineFrom ? dayjs(filter.deadlineFrom) : null, filter.deadlineTo ? dayjs(filter.deadlineTo) : null]}
        onChange={(range) => onChange({ deadlineFrom: range?.[0]?.format('YYYY-MM-DD') ?? null, deadlineTo: range?.[1]?.format('YYYY-MM-DD') ?? null })}
      />
      <Input.Search allowClear style={{ width: 220 }} placeholder={t('ledger.keyword')} defaultValue={filter.search ?? ''} onSearch={(search) => onChange({ search: search.trim() || null })} />
      <Checkbox checked={filter.overdue} onChange={(event) => onChange({ overdue: event.target.checked })}>
        {t('ledger.overdueOnly')}
      </Checkbox>
      <Button onClick={() => onChange(EMPTY_LEDGER_FILTER)}>{t('common.reset')}</Button>
    </div>
  );
}
