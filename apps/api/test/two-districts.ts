import { TEST_ADMIN_PASSWORD } from './test-app';

export const PEOPLE_PASSWORD = 'Demo-password-2026';

export interface TwoDistricts {
  cityId: string;
  /** 钱塘区 (杭州市), the district a test works in. */
  qiantang: string;
  /** 中原区 (郑州市), which must see nothing of 钱塘区. */
  zhongyuan: string;
  platformToken: string;
  qiantangAdmin: { id: string; token: string };
  zhongyuanAdmin: { id: string; token: string };
}

type Call = (query: string, variables?: Record<string, unknown>, token?: string) => Promise<{ data?: unknown; errors?: unknown }>;

async function ok<T>(call: Call, query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await call(query, variables, token);
  if (!result.data || result.errors) throw new Error(`${query.slice(0, 60)}…: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** Registers a person through GraphQL and returns the id. */
export async function registerPerson(call: Call, token: string, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ registerPerson: { id: string } }>(
    call,
    'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    { input: { initialPassword: PEOPLE_PASSWORD, ...input } },
    token,
  );
  return data.registerPerson.id;
}

/**
 * Two cities with one district each and a district administrator in each, made through GraphQL,
 * so a test can do its work in one district and check the other sees none of it.
 * `call` is any GraphQL client of the app (in-process or a server process).
 */
export async function setUpTwoDistricts(call: Call, signIn: (username: string, password: string) => Promise<string>): Promise<TwoDistricts> {
  const platformToken = await signIn('platform', TEST_ADMIN_PASSWORD);
  const city = (name: string, code: string) =>
    ok<{ createCity: { id: string } }>(call, 'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }', { input: { name, code } }, platformToken);
  const tenant = (cityId: string, name: string, code: string) =>
    ok<{ createTenant: { id: string } }>(call, 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }', { input: { cityId, name, code } }, platformToken);
  const hangzhou = (await city('杭州市', '330100')).createCity.id;
  const zhengzhou = (await city('郑州市', '410100')).createCity.id;
  const qiantang = (await tenant(hangzhou, '钱塘区', '330114')).createTenant.id;
  const zhongyuan = (await tenant(zhengzhou, '中原区', '410102')).createTenant.id;
  const qtAdmin = await registerPerson(call, platformToken, { username: 'qt.admin', displayName: '钱塘管理员', role: 'district_admin', tenantId: qiantang, email: 'admin@qiantang.gov.cn' });
  const zyAdmin = await registerPerson(call, platformToken, { username: 'zy.admin', displayName: '中原管理员', role: 'district_admin', tenantId: zhongyuan });
  return {
    cityId: hangzhou,
    qiantang,
    zhongyuan,
    platformToken,
    qiantangAdmin: { id: qtAdmin, token: await signIn('qt.admin', PEOPLE_PASSWORD) },
    zhongyuanAdmin: { id: zyAdmin, token: await signIn('zy.admin', PEOPLE_PASSWORD) },
  };
}
