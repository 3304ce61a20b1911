import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { getMainDefinition } from '@apollo/client/utilities';
import { OperationTypeNode } from 'graphql';
import { from, mergeMap } from 'rxjs';
import { RefreshSessionMutation } from '../auth/auth.documents';
import type { ViewerFieldsFragment } from '../generated/graphql';
import { createAuthLink } from './auth-link';
import { createAuthorizedFetch, type AuthorizedFetch } from './authorized-fetch';
import { SessionStore, type SessionGrant } from './session-store';

export type SessionViewer = ViewerFieldsFragment;
export type ZerenSession = SessionStore<SessionViewer>;

const isSubscription = (operation: ApolloLink.Operation): boolean => {
  const definition = getMainDefinition(operation.query);
  return definition.kind === 'OperationDefinition' && definition.operation === OperationTypeNode.SUBSCRIPTION;
};

/** graphql-ws is loaded with the first subscription (the finding page), not with the first page. */
function lazySubscriptionLink(session: ZerenSession): ApolloLink {
  let link: Promise<ApolloLink> | null = null;
  return new ApolloLink((operation) => {
    link ??= import('./subscription-link').then((module) => module.createSubscriptionLink(() => session.accessToken));
    return from(link).pipe(mergeMap((loaded) => loaded.request(operation, () => {
      throw new Error('the subscription link is terminating');
    })));
  });
}

export interface ZerenApollo {
  client: ApolloClient;
  session: ZerenSession;
  authorizedFetch: AuthorizedFetch;
}

export function createZerenApollo(): ZerenApollo {
  let client: ApolloClient | null = null;
  const session: ZerenSession = new SessionStore<SessionViewer>(async () => {
    try {
      const result = await client!.mutate({ mutation: RefreshSessionMutation, context: { anonymous: true } });
      return (result.data?.refreshSession ?? null) satisfies SessionGrant<SessionViewer> | null;
    } catch (error) {
      if (CombinedGraphQLErrors.is(error)) return null;
      throw error;
    }
  });
  const http = new HttpLink({ uri: '/graphql', credentials: 'same-origin' });
  client = new ApolloClient({
    link: ApolloLink.from([createAuthLink(session), ApolloLink.split(isSubscription, lazySubscriptionLink(session), http)]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
  return { client, session, authorizedFetch: createAuthorizedFetch(session) };
}
