import type { SessionStore } from './session-store';

export type AuthorizedFetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * fetch for the REST endpoints (evidence upload and download, Excel export) with the same session
 * rules as GraphQL: the in-memory token as a bearer token, one refresh and one retry on a 401.
 */
export function createAuthorizedFetch<Viewer>(session: SessionStore<Viewer>, fetchImpl: typeof fetch = (...args) => fetch(...args)): AuthorizedFetch {
  const send = (input: string, init: RequestInit | undefined): Promise<Response> => {
    const headers = new Headers(init?.headers);
    const token = session.accessToken;
    if (token) headers.set('authorization', `Bearer ${token}`);
    return fetchImpl(input, { ...init, headers, credentials: 'same-origin' });
  };
  return async (input, init) => {
    if (session.isStale) await session.refresh();
    const response = await send(input, init);
    if (response.status !== 401) return response;
    const grant = await session.refresh();
    return grant ? send(input, init) : response;
  };
}
