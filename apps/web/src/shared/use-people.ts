import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { PeopleQuery } from './people.documents';
import type { PersonFieldsFragment } from '../generated/graphql';

export interface PeopleDirectory {
  people: PersonFieldsFragment[];
  nameOf(id: string | null | undefined): string | undefined;
}

/** People the viewer may see (of one district, or its own scope), for names and pickers. */
export function usePeople(tenantId?: string | null): PeopleDirectory {
  const { data } = useQuery(PeopleQuery, { variables: { tenantId: tenantId ?? null } });
  return useMemo(() => {
    const people = data?.people ?? [];
    const names = new Map(people.map((person) => [person.id, person.displayName]));
    return { people, nameOf: (id) => (id ? names.get(id) : undefined) };
  }, [data]);
}
