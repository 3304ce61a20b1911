import { graphql } from '../generated';

export const PersonFields = graphql(`
  fragment PersonFields on Person {
    id
    username
    displayName
    role
    cityId
    tenantId
    unitId
    status
    email
    phone
    version
  }
`);

export const PeopleQuery = graphql(`
  query People($tenantId: ID) {
    people(tenantId: $tenantId) {
      ...PersonFields
    }
  }
`);
