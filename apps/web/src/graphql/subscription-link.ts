import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { createClient } from 'graphql-ws';

/** Subscriptions over graphql-ws on the same origin; the access token goes in connection_init. */
export function createSubscriptionLink(accessToken: () => string | null): GraphQLWsLink {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/graphql`;
  return new GraphQLWsLink(
    createClient({
      url,
      lazy: true,
      retryAttempts: 5,
      connectionParams: () => {
        const token = accessToken();
        return token ? { authorization: `Bearer ${token}` } : {};
      },
    }),
  );
}
