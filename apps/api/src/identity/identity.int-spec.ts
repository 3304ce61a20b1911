import { createHmac } from 'node:crypto';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { startTestApp, TEST_ADMIN_PASSWORD, TEST_JWT_SECRET, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';

let app: TestApp;
let platformToken: string;
const ids: Record<string, string> = {};
const PASSWORD = 'Demo-password-2026';

const CREATE_CITY = 'mutation($input: CreateCityInput!) { createCity(input: $input) { id name } }';
const CREATE_TENANT = 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id name cityId } }';
const REGISTER = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id username role tenantId version } }';
const VIEWER = '{ viewer { id displayName role tenant { name } city { name } tenantIds } }';

async function register(token: string, input: Record<string, unknown>): Promise<string> {
  const result = await app.graphql<{ registerPerson: { id: string } }>(REGISTER, { input: { initialPassword: PASSWORD, ...input } }, token);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.registerPerson.id;
}

beforeAll(async () => {
  app = await startTestApp();
  platformToken = await app.signIn('platform', TEST_ADMIN_PASSWORD);
  const hangzhou = await app.graphql<{ createCity: { id: string } }>(CREATE_CITY, { input: { name: '杭州市', code: '330100' } }, platformToken);
  const zhengzhou = await app.graphql<{ createCity: { id: string } }>(CREATE_CITY, { input: { name: '郑州市', code: '410100' } }, platformToken);
  ids['hangzhou'] = hangzhou.data!.createCity.id;
  ids['zhengzhou'] = zhengzhou.data!.createCity.id;
  const qiantang = await app.graphql<{ createTenant: { id: string } }>(CREATE_TENANT, { input: { cityId: ids['hangzhou'], name: '钱塘区', code: '330114' } }, platformToken);
  const zhongyuan = await app.graphql<{ createTenant: { id: string } }>(CREATE_TENANT, { input: { cityId: ids['zhengzhou'], name: '中原区', code: '410102' } }, platformToken);
  ids['qiantang'] = qiantang.data!.createTenant.id;
  ids['zhongyuan'] = zhongyuan.data!.createTenant.id;
  ids['qtAdmin'] = await register(platformToken, { username: 'qt.admin', displayName: '钱塘管理员', role: 'district_admin', tenantId: ids['qiantang'] });
  ids['zyAdmin'] = await register(platformToken, { username: 'zy.admin', displayName: '中原管理员', role: 'district_admin', tenantId: ids['zhongyuan'] });
  ids['hzInspector'] = await register(platformToken, { username: 'hz.inspector', displayName: '杭州督查', role: 'city_inspector', cityId: ids['hangzhou'] });
});

afterAll(() => app.close());

describe('sign-in and the caller', () => {
  it('signs a district admin in and tells who, which role and which district', async () => {
    const token = await app.signIn('qt.admin', PASSWORD);
    const { data } = await app.graphql<{ viewer: { role: string; tenant: { name: string }; tenantIds: string[] } }>(VIEWER, {}, token);
    expect(data!.viewer).toMatchObject({ role: 'district_admin', tenant: { name: '钱塘区' }, tenantIds: [ids['qiantang']] });
  });

  it('gives a city inspector the districts of its own city only', async () => {
    const token = await app.signIn('hz.inspector', PASSWORD);
    const { data } = await app.graphql<{ viewer: { city: { name: string }; tenantIds: string[] } }>(VIEWER, {}, token);
    expect(data!.viewer.city.name).toBe('杭州市');
    expect(data!.viewer.tenantIds).toEqual([ids['qiantang']]);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const wrong = await app.graphql('mutation { signIn(input: { username: "qt.admin", password: "nope-123456" }) { accessToken } }');
    const unknown = await app.graphql('mutation { signIn(input: { username: "nobody", password: "nope-123456" }) { accessToken } }');
    expect(wrong.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(wrong.errors![0]!.message).toBe(unknown.errors![0]!.message);
  });

  it('locks an account after five failures in a row, even with the right password', async () => {
    await register(await app.signIn('qt.admin', PASSWORD), { username: 'qt.locked', displayName: '锁定测试', role: 'auditor', tenantId: ids['qiantang'] });
    for (let attempt = 0; attempt < 5; attempt++) {
      await app.graphql('mutation { signIn(input: { username: "qt.locked", password: "wrong-password-1" }) { accessToken } }');
    }
    const locked = await app.graphql(`mutation { signIn(input: { username: "qt.locked", password: "${PASSWORD}" }) { accessToken } }`);
    expect(locked.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });

  it('answers anonymous calls to protected operations with UNAUTHENTICATED', async () => {
    const result = await app.graphql(VIEWER);
    expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });
});

describe('token attacks', () => {
  const claims = () => ({ sid: 'x', role: 'platform_admin', cid: null, tid: null, uid: null, name: 'x' });
  const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  async function refused(token: string): Promise<void> {
    const result = await app.graphql(VIEWER, {}, token);
    expect(result.status).toBe(401);
    expect(result.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  }

  it('refuses alg:none', async () => {
    const header = base64url({ alg: 'none', typ: 'JWT' });
    const payload = base64url({ ...claims(), sub: ids['qtAdmin'], iss: 'zeren', aud: 'zeren-api', exp: Math.floor(Date.now() / 1000) + 600 });
    await refused(`${header}.${payload}.`);
  });

  it('refuses a token signed with another key, another algorithm, audience or issuer, or expired', async () => {
    const key = new TextEncoder().encode(TEST_JWT_SECRET);
    const sign = (overrides: { alg?: string; aud?: string; iss?: string; exp?: number; secret?: Uint8Array }) =>
      new SignJWT(claims())
        .setProtectedHeader({ alg: overrides.alg ?? 'HS256' })
        .setSubject(ids['qtAdmin']!)
        .setIssuer(overrides.iss ?? 'zeren')
        .setAudience(overrides.aud ?? 'zeren-api')
        .setExpirationTime(overrides.exp ?? Math.floor(Date.now() / 1000) + 600)
        .sign(overrides.secret ?? key);
    await refused(await sign({ secret: new TextEncoder().encode('another-secret-another-secret-0000') }));
    await refused(await sign({ alg: 'HS512' }));
    await refused(await sign({ aud: 'someone-else' }));
    await refused(await sign({ iss: 'someone-else' }));
    await refused(await sign({ exp: Math.floor(Date.now() / 1000) - 10 }));
  });

  it('refuses RS/HS algorithm confusion: an RS256 token, and an HS256 token keyed with an RSA public key', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const token = (alg: string) =>
      new SignJWT(claims()).setProtectedHeader({ alg }).setSubject(ids['qtAdmin']!).setIssuer('zeren').setAudience('zeren-api').setExpirationTime('10m');
    await refused(await token('RS256').sign(privateKey));
    await refused(await token('HS256').sign(new TextEncoder().encode(await exportSPKI(publicKey))));
  });

  it('refuses a genuine token whose payload was changed', async () => {
    const token = await app.signIn('qt.admin', PASSWORD);
    const [header, payload, signature] = token.split('.');
    const changed = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'platform_admin' };
    await refused(`${header}.${base64url(changed)}.${signature}`);
    // The HMAC really covers header and payload: recomputing it with the right key would pass.
    const resigned = createHmac('sha256', TEST_JWT_SECRET).update(`${header}.${base64url(changed)}`).digest('base64url');
    expect(resigned).not.toBe(signature);
  });
});

describe('sessions', () => {
  const REFRESH = 'mutation($token: String) { refreshSession(refreshToken: $token) { accessToken refreshToken } }';

  it('rotates refresh tokens, and a reused one revokes the whole session', async () => {
    const signIn = await app.graphql<{ signIn: { refreshToken: string } }>(`mutation { signIn(input: { username: "qt.admin", password: "${PASSWORD}" }) { refreshToken } }`);
    const first = signIn.data!.signIn.refreshToken;
    const rotated = await app.graphql<{ refreshSession: { refreshToken: string } }>(REFRESH, { token: first });
    const second = rotated.data!.refreshSession.refreshToken;
    expect(second).not.toBe(first);

    const reused = await app.graphql(REFRESH, { token: first });
    expect(reused.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const afterTheft = await app.graphql(REFRESH, { token: second });
    expect(afterTheft.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('signs out: the session’s refresh token stops working', async () => {
    const signIn = await app.graphql<{ signIn: { accessToken: string; refreshToken: string } }>(
      `mutation { signIn(input: { username: "qt.admin", password: "${PASSWORD}" }) { accessToken refreshToken } }`,
    );
    const { accessToken, refreshToken } = signIn.data!.signIn;
    expect((await app.graphql<{ signOut: boolean }>('mutation { signOut }', {}, accessToken)).data).toEqual({ signOut: true });
    const refreshed = await app.graphql(REFRESH, { token: refreshToken });
    expect(refreshed.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('changes a password: the old one stops working, the new one works, and the change is an event', async () => {
    const changerId = await register(await app.signIn('qt.admin', PASSWORD), { username: 'qt.changer', displayName: '改密测试', role: 'auditor', tenantId: ids['qiantang'] });
    const token = await app.signIn('qt.changer', PASSWORD);
    const weak = await app.graphql('mutation { changePassword(input: { currentPassword: "Demo-password-2026", newPassword: "short" }) }', {}, token);
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { newPassword: expect.any(String) } });
    const changed = await app.graphql('mutation { changePassword(input: { currentPassword: "Demo-password-2026", newPassword: "New-password-2027" }) }', {}, token);
    expect(changed.data).toEqual({ changePassword: true });
    await expect(app.signIn('qt.changer', PASSWORD)).rejects.toThrow(/sign-in of qt.changer failed/);
    await expect(app.signIn('qt.changer', 'New-password-2027')).resolves.toEqual(expect.any(String));
    const events = await withOwner(app.database, async (owner) =>
      (await owner.query(`SELECT type, data->>'reason' AS reason, metadata->>'actorId' AS actor FROM events WHERE stream_id = $1 ORDER BY version`, [changerId])).rows,
    );
    expect(events).toEqual([
      { type: 'PersonRegistered', reason: null, actor: ids['qtAdmin'] },
      { type: 'PasswordSet', reason: 'INITIAL', actor: ids['qtAdmin'] },
      { type: 'PasswordSet', reason: 'CHANGED_BY_SELF', actor: changerId },
    ]);
  });
});

describe('API tokens', () => {
  it('issues a token shown once, which then authenticates as a read-only service of its district until revoked', async () => {
    const admin = await app.signIn('qt.admin', PASSWORD);
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const issued = await app.graphql<{ issueApiToken: { token: string; apiToken: { id: string; version: number } } }>(
      'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token apiToken { id version readOnly } } }',
      { input: { name: '大屏', tenantId: ids['qiantang'], readOnly: true, expiresAt } },
      admin,
    );
    expect(issued.errors).toBeUndefined();
    const { token, apiToken } = issued.data!.issueApiToken;
    expect(token).toMatch(/^zr_[0-9a-f-]{36}_/);

    const asService = await app.graphql<{ viewer: { role: string; displayName: string; tenantIds: string[] } }>(VIEWER, {}, token);
    expect(asService.data!.viewer).toMatchObject({ role: 'service', displayName: '大屏', tenantIds: [ids['qiantang']] });
    const listed = await app.graphql<{ apiTokens: Array<{ id: string; lastUsedAt: string | null }> }>('{ apiTokens { id lastUsedAt } }', {}, admin);
    expect(listed.data!.apiTokens.find((t) => t.id === apiToken.id)!.lastUsedAt).not.toBeNull();

    const revoked = await app.graphql('mutation($id: ID!, $v: Int!) { revokeApiToken(id: $id, reason: "停用", expectedVersion: $v) { revokedAt } }', { id: apiToken.id, v: apiToken.version }, admin);
    expect(revoked.errors).toBeUndefined();
    const after = await app.graphql(VIEWER, {}, token);
    expect(after.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const tampered = await app.graphql(VIEWER, {}, `${token.slice(0, -2)}xx`);
    expect(tampered.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('expired API tokens', () => {
  it('refuses an API token past its expiry, like a revoked one', async () => {
    const admin = await app.signIn('qt.admin', PASSWORD);
    const issued = await app.graphql<{ issueApiToken: { token: string; apiToken: { id: string } } }>(
      'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token apiToken { id } } }',
      { input: { name: '过期测试', tenantId: ids['qiantang'], readOnly: true, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } },
      admin,
    );
    const { token, apiToken } = issued.data!.issueApiToken;
    expect((await app.graphql(VIEWER, {}, token)).errors).toBeUndefined();
    // Time passes: the token's expiry is now behind us.
    await withOwner(app.database, (owner) => owner.query(`UPDATE api_tokens SET expires_at = now() - interval '1 minute' WHERE id = $1`, [apiToken.id]));
    const expired = await app.graphql(VIEWER, {}, token);
    expect(expired.status).toBe(401);
    expect(expired.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});

describe('people across districts', () => {
  it('shows a district admin the people of its own district only, and another district’s person as not found', async () => {
    const qt = await app.signIn('qt.admin', PASSWORD);
    const people = await app.graphql<{ people: Array<{ username: string }> }>('{ people { username } }', {}, qt);
    const usernames = people.data!.people.map((p) => p.username);
    expect(usernames).toContain('qt.admin');
    expect(usernames).not.toContain('zy.admin');
    const other = await app.graphql('query($id: ID!) { person(id: $id) { username } }', { id: ids['zyAdmin'] }, qt);
    const missing = await app.graphql('query($id: ID!) { person(id: $id) { username } }', { id: '6c1e0f3a-1111-4111-8111-111111111111' }, qt);
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(other.errors![0]!.message).toBe(missing.errors![0]!.message);
  });

  it('refuses a district admin registering someone in another district, or a city inspector', async () => {
    const qt = await app.signIn('qt.admin', PASSWORD);
    const elsewhere = await app.graphql(REGISTER, { input: { username: 'intruder', displayName: '越权', role: 'auditor', tenantId: ids['zhongyuan'], initialPassword: PASSWORD } }, qt);
    expect(elsewhere.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const inspector = await app.graphql(REGISTER, { input: { username: 'fake.inspector', displayName: '越权', role: 'city_inspector', cityId: ids['hangzhou'], initialPassword: PASSWORD } }, qt);
    expect(inspector.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('records every registration as an event in the district’s chain, with the actor', async () => {
    const rows = await withOwner(app.database, async (owner) =>
      (await owner.query(`SELECT type, metadata->>'actorRole' AS role FROM events WHERE tenant_id = $1 AND stream_id = $2 ORDER BY version`, [ids['qiantang'], ids['qtAdmin']])).rows,
    );
    expect(rows).toEqual([
      { type: 'PersonRegistered', role: 'platform_admin' },
      { type: 'PasswordSet', role: 'platform_admin' },
    ]);
  });
});

describe('retries with an idempotency key', () => {
  async function twice<T>(query: string, input: Record<string, unknown>, token: string): Promise<[T, T]> {
    const first = await app.graphql<T>(query, { input }, token);
    const retry = await app.graphql<T>(query, { input }, token);
    expect([first.errors, retry.errors]).toEqual([undefined, undefined]);
    return [first.data!, retry.data!];
  }

  it('returns the first city, district and person instead of IDEMPOTENCY_KEY_REUSED', async () => {
    const [city, cityRetry] = await twice<{ createCity: { id: string } }>(CREATE_CITY, { name: '温州市', code: '330300', idempotencyKey: 'city-wenzhou' }, platformToken);
    expect(cityRetry.createCity.id).toBe(city.createCity.id);
    const [tenant, tenantRetry] = await twice<{ createTenant: { id: string } }>(
      CREATE_TENANT,
      { cityId: city.createCity.id, name: '鹿城区', code: '330302', idempotencyKey: 'tenant-lucheng' },
      platformToken,
    );
    expect(tenantRetry.createTenant.id).toBe(tenant.createTenant.id);
    const [person, personRetry] = await twice<{ registerPerson: { id: string; version: number } }>(
      REGISTER,
      { username: 'lc.admin', displayName: '鹿城管理员', role: 'district_admin', tenantId: tenant.createTenant.id, initialPassword: PASSWORD, idempotencyKey: 'person-lc-admin' },
      platformToken,
    );
    expect(personRetry.registerPerson).toEqual(person.registerPerson);
    const cities = await app.graphql<{ cities: Array<{ name: string }> }>('{ cities { name } }', {}, platformToken);
    expect(cities.data!.cities.filter((c) => c.name === '温州市')).toHaveLength(1);
  });

  it('still refuses the same key for a different request', async () => {
    await app.graphql(CREATE_CITY, { input: { name: '宁波市', code: '330200', idempotencyKey: 'city-ningbo' } }, platformToken);
    const changed = await app.graphql(CREATE_CITY, { input: { name: '绍兴市', code: '330600', idempotencyKey: 'city-ningbo' } }, platformToken);
    expect(changed.errors![0]!.extensions!.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('returns the first API token with a fresh secret, and the unseen first secret stops working', async () => {
    const admin = await app.signIn('qt.admin', PASSWORD);
    const ISSUE = 'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token apiToken { id version } } }';
    const input = { name: '督查督办系统', tenantId: ids['qiantang'], readOnly: true, expiresAt: new Date(Date.now() + 86_400_000).toISOString(), idempotencyKey: 'token-duban' };
    const [first, retry] = await twice<{ issueApiToken: { token: string; apiToken: { id: string; version: number } } }>(ISSUE, input, admin);
    expect(retry.issueApiToken.apiToken).toEqual(first.issueApiToken.apiToken);
    expect((await app.graphql(VIEWER, {}, retry.issueApiToken.token)).errors).toBeUndefined();
    expect((await app.graphql(VIEWER, {}, first.issueApiToken.token)).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
