import { graphql } from '../generated';

export const TenancyQuery = graphql(`
  query Tenancy {
    cities {
      id
      name
      code
    }
    tenants {
      id
      name
      code
      cityId
    }
  }
`);
