import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { UnitFieldsFragment } from '../generated/graphql';
import { UnitsQuery } from './units.documents';

export interface UnitDirectory {
  units: UnitFieldsFragment[];
  nameOf(id: string | null | undefined): string | undefined;
  loading: boolean;
}

/** Units the viewer may see (of one district, or all of its scope), parents before children. */
export function useUnits(tenantId?: string | null, includeDeactivated = false): UnitDirectory {
  const { data, loading } = useQuery(UnitsQuery, { variables: { tenantId: tenantId ?? null, includeDeactivated } });
  return useMemo(() => {
    const units = data?.units ?? [];
    const names = new Map(units.map((unit) => [unit.id, unit.name]));
    return { units, loading: loading && !data, nameOf: (id) => (id ? names.get(id) : undefined) };
  }, [data, loading]);
}
