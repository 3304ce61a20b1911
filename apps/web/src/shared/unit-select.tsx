import { Select, type SelectProps } from 'antd';
import { useUnits } from '../shared/use-units';

/** Units of a district (the viewer's own by default), by name. */
export function UnitSelect({ tenantId, ...props }: SelectProps<string> & { tenantId?: string | null }) {
  const { units, loading } = useUnits(tenantId);
  return <Select<string> showSearch={{ optionFilterProp: 'label' }} loading={loading} {...props} options={units.map((unit) => ({ value: unit.id, label: unit.name }))} />;
}
