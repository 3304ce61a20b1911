import { ApolloLink } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import type { GraphQLFormattedError } from 'graphql';
import { catchError, defer, from, mergeMap, of, type Observable } from 'rxjs';
import type { SessionStore } from './session-store';

function isUnauthenticatedResult(errors: ReadonlyArray<GraphQLFormattedError> | undefined): boolean {
  return errors?.some((error) => error.extensions?.['code'] === 'UNAUTHENTICATED') ?? false;
}

function isUnauthenticatedError(error: unknown): boolean {
  return ServerError.is(error) && error.statusCode === 401;
}

/**
 * Puts the in-memory access token on every request. When the server answers UNAUTHENTICATED (the
 * token expired or was revoked) the link refreshes the session once and retries the operation once;
 * if the refresh is refused the session is cleared (the app shows sign-in) and the error goes on.
 * Operations marked `context: { anonymous: true }` (sign-in) go out without a token.
 */
export function createAuthLink<Viewer>(session: SessionStore<Viewer>): ApolloLink {
  return new ApolloLink((operation, forward) => {
    const anonymous = (operation.getContext() as { anonymous?: boolean }).anonymous === true;
    const send = (): Observable<ApolloLink.Result> => {
      const token = anonymous ? null : session.accessToken;
      operation.setContext(({ headers }: { headers?: Record<string, string> }) => ({
        headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      }));
      return forward(operation);
    };
    let retried = false;
    const retryAfterRefresh = (original: () => Observable<ApolloLink.Result>): Observable<ApolloLink.Result> => {
      if (retried) return original();
      retried = true;
      return from(session.refresh()).pipe(mergeMap((grant) => (grant ? send() : original())));
    };

    if (anonymous) return send();
    const first = session.isStale ? from(session.refresh()).pipe(mergeMap(() => send())) : defer(send);
    return first.pipe(
      mergeMap((result) => (isUnauthenticatedResult(result.errors) ? retryAfterRefresh(() => of(result)) : of(result))),
      catchError((error: unknown) => {
        if (!isUnauthenticatedError(error)) throw error;
        return retryAfterRefresh(() => {
          throw error;
        });
      }),
    );
  });
}
