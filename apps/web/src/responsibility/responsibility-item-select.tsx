import { useQuery } from '@apollo/client/react';
import { Select, type SelectProps } from 'antd';
import { useI18n } from '../i18n/locale';
import { ResponsibilityListsQuery } from './responsibility.documents';

export interface CitableItem {
  id: string;
  title: string;
  content: string;
}

interface ItemSelectProps extends Omit<SelectProps<string>, 'options'> {
  tenantId: string;
  /** The unit's lists only; the whole district's while no unit is chosen. */
  unitId: string | null;
  year: number;
  /** The item picked, for what goes with it (its content as the basis text). */
  onItemChosen?: (item: CitableItem) => void;
}

/** 责任清单 items a finding's basis may cite, by list: the API accepts only an item of the district's lists. */
export function ResponsibilityItemSelect({ tenantId, unitId, year, onItemChosen, onChange, ...props }: ItemSelectProps) {
  const { t } = useI18n();
  const { data, loading } = useQuery(ResponsibilityListsQuery, { variables: { year, tenantId } });
  const lists = (data?.responsibilityLists ?? []).filter((list) => unitId === null || list.unitId === unitId);
  return (
    <Select<string>
      showSearch={{ optionFilterProp: 'label' }}
      loading={loading}
      notFoundContent={t('responsibility.noItemsToCite')}
      {...props}
      options={lists.map((list) => ({ label: list.title, options: list.items.map((item) => ({ value: item.id, label: item.title })) }))}
      onChange={(value, option) => {
        onChange?.(value, option);
        const item = lists.flatMap((list) => list.items).find((candidate) => candidate.id === value);
        if (item) onItemChosen?.(item);
      }}
    />
  );
}
