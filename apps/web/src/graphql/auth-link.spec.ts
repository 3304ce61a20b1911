import { ApolloLink, execute, gql } from '@apollo/client';
import { ApolloClient, InMemoryCache } from '@apollo/client';
import type { FormattedExecutionResult } from 'graphql';
import { firstValueFrom, Observable, of } from 'rxjs';
import { describe, expect, it, vi } from 'vitest';
import { createAuthLink } from './auth-link';
import { SessionStore, type SessionGrant } from './session-store';

const QUERY = gql`
  query Viewer {
    viewer {
      id
    }
  }
`;
const NOW = Date.parse('2026-03-01T08:00:00Z');
const later = (minutes: number): string => new Date(NOW + minutes * 60_000).toISOString();
const grant = (token: string, expiresInMinutes = 15): SessionGrant<{ id: string }> => ({ accessToken: token, accessTokenExpiresAt: later(expiresInMinutes), viewer: { id: 'p1' } });
const unauthenticated: FormattedExecutionResult = { errors: [{ message: '请先登录', extensions: { code: 'UNAUTHENTICATED' } }] };

/** A terminating link that answers from a script and records the Authorization header it saw. */
function scriptedServer(answer: (authorization: string | undefined, call: number) => FormattedExecutionResult) {
  const seen: Array<string | undefined> = [];
  const link = new ApolloLink((operation) => {
    const headers = (operation.getContext() as { headers?: Record<string, string> }).headers ?? {};
    seen.push(headers['authorization']);
    return of(answer(headers['authorization'], seen.length));
  });
  return { link, seen };
}

function run(session: SessionStore<{ id: string }>, server: ApolloLink, context: Record<string, unknown> = {}) {
  const client = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
  const link = ApolloLink.from([createAuthLink(session), server]);
  return firstValueFrom(execute(link, { query: QUERY, context }, { client }) as Observable<FormattedExecutionResult>);
}

describe('the auth link', () => {
  it('sends the in-memory access token as a bearer token', async () => {
    const session = new SessionStore<{ id: string }>(async () => null, () => NOW);
    session.set(grant('token-1'));
    const server = scriptedServer(() => ({ data: { viewer: { id: 'p1' } } }));
    await run(session, server.link);
    expect(server.seen).toEqual(['Bearer token-1']);
  });

  it('refreshes once and retries when the server answers UNAUTHENTICATED', async () => {
    const refresh = vi.fn(async () => grant('token-2'));
    const session = new SessionStore(refresh, () => NOW);
    session.set(grant('token-1'));
    const server = scriptedServer((authorization) => (authorization === 'Bearer token-2' ? { data: { viewer: { id: 'p1' } } } : unauthenticated));
    const result = await run(session, server.link);
    expect(result.data).toEqual({ viewer: { id: 'p1' } });
    expect(server.seen).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('gives up after one retry, and clears the session when the refresh is refused', async () => {
    const refresh = vi.fn(async (): Promise<SessionGrant<{ id: string }> | null> => null);
    const session = new SessionStore(refresh, () => NOW);
    session.set(grant('token-1'));
    const server = scriptedServer(() => unauthenticated);
    const result = await run(session, server.link);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(server.seen).toHaveLength(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.current).toBeNull();
  });

  it('does not retry a second time when the refreshed token is refused too', async () => {
    const refresh = vi.fn(async () => grant('token-2'));
    const session = new SessionStore(refresh, () => NOW);
    session.set(grant('token-1'));
    const server = scriptedServer(() => unauthenticated);
    await run(session, server.link);
    expect(server.seen).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('renews an expired token before sending instead of waiting for a 401', async () => {
    const refresh = vi.fn(async () => grant('fresh'));
    const session = new SessionStore(refresh, () => NOW);
    session.set(grant('stale', -1));
    const server = scriptedServer(() => ({ data: { viewer: { id: 'p1' } } }));
    await run(session, server.link);
    expect(server.seen).toEqual(['Bearer fresh']);
  });

  it('sends anonymous operations (sign-in, refresh) without a token and never refreshes for them', async () => {
    const refresh = vi.fn(async () => grant('token-2'));
    const session = new SessionStore(refresh, () => NOW);
    session.set(grant('token-1'));
    const server = scriptedServer(() => unauthenticated);
    await run(session, server.link, { anonymous: true });
    expect(server.seen).toEqual([undefined]);
    expect(refresh).not.toHaveBeenCalled();
  });
});

describe('the session store', () => {
  it('shares one refresh between concurrent callers (a refresh token works once)', async () => {
    let resolve: (value: SessionGrant<{ id: string }>) => void = () => undefined;
    const refresh = vi.fn(() => new Promise<SessionGrant<{ id: string }>>((done) => (resolve = done)));
    const session = new SessionStore(refresh, () => NOW);
    const first = session.refresh();
    const second = session.refresh();
    resolve(grant('token-2'));
    expect(await first).toEqual(await second);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.accessToken).toBe('token-2');
  });

  it('keeps the session when the server cannot be reached', async () => {
    const session = new SessionStore<{ id: string }>(async () => Promise.reject(new Error('offline')), () => NOW);
    session.set(grant('token-1'));
    expect(await session.refresh()).toBeNull();
    expect(session.accessToken).toBe('token-1');
  });

  it('notifies subscribers of every change', () => {
    const session = new SessionStore<{ id: string }>(async () => null, () => NOW);
    const listener = vi.fn();
    const unsubscribe = session.subscribe(listener);
    session.set(grant('token-1'));
    session.clear();
    unsubscribe();
    session.set(grant('token-2'));
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
