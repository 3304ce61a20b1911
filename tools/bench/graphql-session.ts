import { BENCH_ADMIN_PASSWORD } from './bench-environment';

const PERSON_PASSWORD = 'Bench-person-2026';

export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function signIn(url: string, username: string, password: string): Promise<string> {
  const data = await graphql<{ signIn: { accessToken: string } }>(url, 'mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }', {
    input: { username, password },
  });
  return data.signIn.accessToken;
}

/**
 * Registers a person through the API as the platform administrator and signs them in: the
 * benchmarks read as a real district administrator or city inspector would.
 */
export async function signedInPerson(
  url: string,
  person: { username: string; role: 'district_admin' | 'city_inspector'; tenantId?: string; cityId?: string },
): Promise<string> {
  const platform = await signIn(url, 'platform', BENCH_ADMIN_PASSWORD);
  await graphql(
    url,
    'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    { input: { username: person.username, displayName: '测试', role: person.role, tenantId: person.tenantId, cityId: person.cityId, initialPassword: PERSON_PASSWORD } },
    platform,
  );
  return signIn(url, person.username, PERSON_PASSWORD);
}
