import { graphql } from '../generated';

export const ViewerFields = graphql(`
  fragment ViewerFields on Viewer {
    id
    displayName
    role
    unitId
    tenantIds
    city {
      id
      name
      code
    }
    tenant {
      id
      name
      code
      cityId
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession {
      accessToken
      accessTokenExpiresAt
      viewer {
        ...ViewerFields
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);
