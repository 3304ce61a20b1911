import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../test/test-app';

let app: TestApp;
let production: TestApp;
/** A production app of its own, so packed sign-ins meet a limiter no other test has used. */
let packed: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  production = await startTestApp({ NODE_ENV: 'production', ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: '10' });
  packed = await startTestApp({ NODE_ENV: 'production', ZEREN_SIGN_IN_ATTEMPTS_PER_MINUTE: '5' });
});
afterAll(async () => {
  await app.close();
  await production.close();
  await packed.close();
});

async function post(target: TestApp, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const response = await fetch(`${target.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

const codes = (text: string): string[] => ((JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? []).map((e) => e.extensions?.code ?? '');

describe('hostile GraphQL is refused before any resolver runs', () => {
  it('refuses over-deep queries', async () => {
    const nested = (depth: number): string => (depth === 0 ? 'id' : `viewer { ${nested(depth - 1)} }`);
    const result = await post(app, { query: `{ ${nested(11)} }` });
    expect(result.status).toBe(400);
    expect(result.text).toContain('查询嵌套过深');
    expect((await post(app, { query: `{ viewer { city { id } } }` })).text).not.toContain('查询嵌套过深');
  });

  it('refuses alias floods, including 100 sign-in attempts packed in one request', async () => {
    const attempts = Array.from({ length: 100 }, (_, i) => `a${i}: signIn(input: { username: "platform", password: "guess-${i}" }) { accessToken }`).join('\n');
    const result = await post(app, { query: `mutation { ${attempts} }` });
    expect(result.status).toBe(400);
    expect(result.text).toContain('别名过多');
  });

  it('refuses cost bombs through pagination arguments', async () => {
    const result = await post(app, { query: '{ findings(first: 100) { edges { node { checkIns(first: 100) { edges { node { id } } } } } } }' });
    expect(result.status).toBe(400);
    expect(result.text).toContain('查询代价过高');
  });

  it('refuses fragment cycles without hanging', async () => {
    const result = await post(app, { query: 'query { viewer { ...A } } fragment A on Viewer { ...B } fragment B on Viewer { ...A }' });
    expect(result.status).toBe(400);
    expect(result.text).toMatch(/Cannot spread fragment/);
  });

  it('refuses batched arrays of operations', async () => {
    const result = await post(app, [{ query: '{ systemStatus { version } }' }, { query: '{ systemStatus { version } }' }]);
    expect(result.status).toBe(400);
  });

  it('refuses documents with too many tokens and bodies over the size limit', async () => {
    const tokens = await post(app, { query: `{ systemStatus { ${'version '.repeat(5000)} } }` });
    expect(tokens.status).toBe(400);
    const huge = await post(app, { query: 'mutation($p: String!) { signIn(input: { username: "x", password: $p }) { accessToken } }', variables: { p: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
  });

  it('refuses a huge `first` before any resolver runs', async () => {
    const result = await post(app, { query: '{ findings(first: 1000000) { edges { node { id } } } }' });
    expect(result.status).toBe(400);
    expect(result.text).toContain('查询代价过高');
    const asVariable = await post(app, { query: 'query($n: Int) { findings(first: $n) { totalCount } }', variables: { n: 2_147_483_647 } });
    expect(asVariable.status).toBeLessThan(500);
    expect(codes(asVariable.text)).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('answers a string of almost 1 MB inside the body limit as ordinary input, never with a server error', async () => {
    const result = await post(app, { query: 'mutation($u: String!) { signIn(input: { username: $u, password: "irrelevant-1" }) { accessToken } }', variables: { u: '责'.repeat(300_000) } });
    expect(result.status).toBeLessThan(500);
    expect(codes(result.text)).toEqual(['UNAUTHENTICATED']);
  });

  it('answers malformed dates as BAD_USER_INPUT, whether the scalar or the database finds them wrong', async () => {
    const token = await app.signIn('platform', TEST_ADMIN_PASSWORD);
    const auth = { authorization: `Bearer ${token}` };
    const trend = await post(app, { query: 'query($from: DateTime!) { rectificationTrend(from: $from, to: "2026-12-01T00:00:00Z", scope: {}) { month } }', variables: { from: 'l}3]gV' } }, auth);
    expect(trend.status).toBe(400);
    expect(codes(trend.text)).toEqual(['BAD_USER_INPUT']);
    const filter = await post(app, { query: 'query($from: String) { findings(first: 5, filter: { deadlineFrom: $from }) { totalCount } }', variables: { from: '2026-02-30' } }, auth);
    expect(codes(filter.text)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers odd Unicode in inputs as ordinary input, never with a server error', async () => {
    for (const username of ['\u0000', '\ud800', '𠀀'.repeat(50), '\u202e管理员', 'a\u0301']) {
      const result = await post(app, { query: 'mutation($u: String!) { signIn(input: { username: $u, password: "irrelevant-1" }) { accessToken } }', variables: { u: username } });
      expect(result.status).toBeLessThan(500);
      expect(codes(result.text)).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });

  it('requires a non-simple content type or a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${app.url}/graphql?query=${encodeURIComponent('{ systemStatus { version } }')}`, { method: 'GET' });
    expect(response.status).toBe(400);
    const form = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ systemStatus { version } }' }) });
    expect(form.status).toBeGreaterThanOrEqual(400);
  });
});

describe('production mode', () => {
  it('hides introspection, field suggestions and stack traces', async () => {
    const introspection = await post(production, { query: '{ __schema { types { name } } }' });
    expect(introspection.text).toMatch(/introspection/i);
    expect(introspection.text).not.toContain('"types"');
    const typo = await post(production, { query: '{ systemStatu { version } }' });
    expect(typo.text).not.toMatch(/Did you mean/);
    const error = await post(production, { query: '{ viewer { id } }' });
    expect(error.text).not.toMatch(/stacktrace|at \w+ \(/);
  });

  it('limits sign-in attempts per client address however they are sent', async () => {
    const outcomes: string[] = [];
    for (let i = 0; i < 12; i++) {
      const result = await post(production, { query: `mutation { signIn(input: { username: "nobody${i}", password: "wrong-password-1" }) { accessToken } }` });
      outcomes.push(codes(result.text)[0]!);
    }
    expect(outcomes.slice(0, 10).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(outcomes.slice(10)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
  });

  it('counts sign-in attempts packed as aliases one by one, and a refused flood of them not at all', async () => {
    const aliased = (count: number): string => `mutation { ${Array.from({ length: count }, (_, i) => `a${i}: signIn(input: { username: "platform", password: "guess-${i}" }) { accessToken }`).join(' ')} }`;
    expect((await post(packed, { query: aliased(100) })).status).toBe(400);
    // Mutation fields run one after another and the first failed sign-in ends the request, so
    // packing buys nothing: exactly the limit (5) of password checks, then refusals.
    const outcomes: string[] = [];
    for (let i = 0; i < 7; i++) outcomes.push(...codes((await post(packed, { query: aliased(3) })).text));
    expect(outcomes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(outcomes.slice(5)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS']);
    // The right password too is refused once the limit is reached.
    const right = await post(packed, { query: 'mutation($p: String!) { signIn(input: { username: "platform", password: $p }) { accessToken } }', variables: { p: TEST_ADMIN_PASSWORD } });
    expect(codes(right.text)).toEqual(['TOO_MANY_REQUESTS']);
  });
});

describe('cookie-authenticated cross-site requests (CSRF)', () => {
  it('refuses multipart and text/plain mutations carrying the refresh cookie, which stays unspent', async () => {
    const signIn = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($p: String!) { signIn(input: { username: "platform", password: $p }) { accessToken } }', variables: { p: TEST_ADMIN_PASSWORD } }),
    });
    const refreshCookie = /zeren_refresh=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')![0];
    const refresh = JSON.stringify({ query: 'mutation { refreshSession { accessToken } }' });
    const crossSite = { cookie: refreshCookie, origin: 'https://evil.example' };
    const form = new FormData();
    form.append('operations', refresh);
    form.append('map', '{}');
    const multipart = await fetch(`${app.url}/graphql`, { method: 'POST', headers: crossSite, body: form });
    expect(multipart.status).toBe(400);
    const plain = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { ...crossSite, 'content-type': 'text/plain' }, body: refresh });
    expect(plain.status).toBe(400);
    const urlEncoded = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { ...crossSite, 'content-type': 'application/x-www-form-urlencoded' }, body: `query=${encodeURIComponent('mutation { refreshSession { accessToken } }')}` });
    expect(urlEncoded.status).toBe(400);
    // Each refresh token works once: it still working proves none of the above reached the resolver.
    const sameSite = await fetch(`${app.url}/graphql`, { method: 'POST', headers: { cookie: refreshCookie, 'content-type': 'application/json' }, body: refresh });
    expect((await sameSite.json()) as unknown).toMatchObject({ data: { refreshSession: { accessToken: expect.any(String) } } });
  });
});
