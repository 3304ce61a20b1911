import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import type { TenancyQuery as TenancyData } from '../generated/graphql';
import { TenancyQuery } from './tenancy.documents';

export interface TenancyNames {
  cities: TenancyData['cities'];
  tenants: TenancyData['tenants'];
  /** The name of a city or district by id. */
  nameOf(id: string | null | undefined): string | undefined;
}

/** Cities and districts the viewer may see, for names and pickers. */
export function useTenancyNames(): TenancyNames {
  const { data } = useQuery(TenancyQuery);
  return useMemo(() => {
    const cities = data?.cities ?? [];
    const tenants = data?.tenants ?? [];
    const names = new Map<string, string>([...cities, ...tenants].map((place) => [place.id, place.name]));
    return { cities, tenants, nameOf: (id) => (id ? names.get(id) : undefined) };
  }, [data]);
}
