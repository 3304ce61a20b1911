import { graphql } from '../generated';

export const UnitFields = graphql(`
  fragment UnitFields on Unit {
    id
    tenantId
    parentId
    name
    kind
    status
    leader {
      personId
      name
    }
    head {
      personId
      name
    }
    liaison {
      personId
      name
    }
    version
  }
`);

export const UnitsQuery = graphql(`
  query Units($tenantId: ID, $includeDeactivated: Boolean! = false) {
    units(tenantId: $tenantId, includeDeactivated: $includeDeactivated) {
      ...UnitFields
    }
  }
`);
