import { describe, expect, it, vi } from 'vitest';
import { createAuthorizedFetch } from './authorized-fetch';
import { SessionStore, type SessionGrant } from './session-store';

const NOW = Date.parse('2026-03-01T08:00:00Z');
const grant = (token: string): SessionGrant<{ id: string }> => ({ accessToken: token, accessTokenExpiresAt: new Date(NOW + 900_000).toISOString(), viewer: { id: 'p1' } });

describe('fetch for the REST endpoints', () => {
  it('sends the token, and on a 401 refreshes once and retries', async () => {
    const session = new SessionStore<{ id: string }>(async () => grant('token-2'), () => NOW);
    session.set(grant('token-1'));
    const seen: string[] = [];
    const fetchImpl = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get('authorization') ?? '';
      seen.push(authorization);
      return new Response(null, { status: authorization === 'Bearer token-2' ? 200 : 401 });
    });
    const response = await createAuthorizedFetch(session, fetchImpl)('/api/ledger.xlsx');
    expect(response.status).toBe(200);
    expect(seen).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('hands back the 401 when the session cannot be refreshed', async () => {
    const session = new SessionStore<{ id: string }>(async () => null, () => NOW);
    session.set(grant('token-1'));
    const fetchImpl = vi.fn(async () => new Response(null, { status: 401 }));
    expect((await createAuthorizedFetch(session, fetchImpl)('/api/evidence')).status).toBe(401);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
  });
});
