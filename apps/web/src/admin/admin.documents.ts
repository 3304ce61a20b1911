import { graphql } from '../generated';

export const RegisterPersonMutation = graphql(`
  mutation RegisterPerson($input: RegisterPersonInput!) {
    registerPerson(input: $input) {
      ...PersonFields
    }
  }
`);

export const ChangePersonRoleMutation = graphql(`
  mutation ChangePersonRole($id: ID!, $role: Role!, $unitId: ID, $expectedVersion: Int!) {
    changePersonRole(id: $id, role: $role, unitId: $unitId, expectedVersion: $expectedVersion) {
      ...PersonFields
    }
  }
`);

export const DeactivatePersonMutation = graphql(`
  mutation DeactivatePerson($id: ID!, $reason: String!, $expectedVersion: Int!) {
    deactivatePerson(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...PersonFields
    }
  }
`);

export const ReactivatePersonMutation = graphql(`
  mutation ReactivatePerson($id: ID!, $expectedVersion: Int!) {
    reactivatePerson(id: $id, expectedVersion: $expectedVersion) {
      ...PersonFields
    }
  }
`);

export const ApiTokenFields = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    scopeKind
    scopeTenantId
    scopeCityId
    readOnly
    operations
    expiresAt
    revokedAt
    lastUsedAt
    issuedAt
    version
  }
`);

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

export const IssueApiTokenMutation = graphql(`
  mutation IssueApiToken($input: IssueApiTokenInput!) {
    issueApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!, $reason: String!, $expectedVersion: Int!) {
    revokeApiToken(id: $id, reason: $reason, expectedVersion: $expectedVersion) {
      ...ApiTokenFields
    }
  }
`);

export const CreateCityMutation = graphql(`
  mutation CreateCity($input: CreateCityInput!) {
    createCity(input: $input) {
      id
      name
      code
    }
  }
`);

export const CreateTenantMutation = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      id
      name
      code
      cityId
    }
  }
`);
