import { DEMO_CITIES, DEMO_PASSWORD, ROLE_LABELS, type DemoCity, type DemoDistrict, type DemoPerson } from './demo-data';
import { seedBusiness, type SeedContext } from './seed-business';
import { seedResponsibility } from './seed-responsibility';
import { GraphQLHttpClient } from './graphql-client';

export { DEMO_PASSWORD } from './demo-data';

export interface DemoAccount {
  username: string;
  role: string;
  roleLabel: string;
  scope: string;
  password: string;
}

export interface SeedOptions {
  log?: (message: string) => void;
}

export interface SeedResult {
  /** False when the demo city was already there: nothing was changed. */
  created: boolean;
  accounts: DemoAccount[];
}

/** Every demo sign-in, for the start script's table and the browser tests. */
export function demoAccounts(platformPassword: string): DemoAccount[] {
  const accounts: DemoAccount[] = [{ username: 'platform', role: 'platform_admin', roleLabel: ROLE_LABELS.platform_admin, scope: '平台', password: platformPassword }];
  for (const city of DEMO_CITIES) {
    for (const person of city.inspectors) accounts.push(accountOf(person, city.name));
    for (const district of city.districts) {
      for (const person of district.people) {
        const unit = district.units.find((candidate) => candidate.key === person.unitKey);
        accounts.push(accountOf(person, unit ? `${district.name}·${unit.name}` : district.name));
      }
    }
  }
  return accounts;
}

function accountOf(person: DemoPerson, scope: string): DemoAccount {
  return { username: person.username, role: person.role, roleLabel: ROLE_LABELS[person.role], scope, password: DEMO_PASSWORD };
}

const CITIES_QUERY = 'query SeedCities { cities { id code } tenants { id code cityId } }';

/** Deterministic idempotency keys: a retried seed step returns its first answer. */
const key = (...parts: string[]): string => `seed-demo:${parts.join(':')}`;

async function registerPerson(client: GraphQLHttpClient, person: DemoPerson, place: { cityId?: string; tenantId?: string; unitId?: string }): Promise<string> {
  const data = await client.request<{ registerPerson: { id: string } }>(
    `mutation SeedRegisterPerson($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }`,
    {
      input: {
        username: person.username,
        displayName: person.displayName,
        role: person.role,
        cityId: place.cityId ?? null,
        tenantId: place.tenantId ?? null,
        unitId: place.unitId ?? null,
        phone: person.phone ?? null,
        initialPassword: DEMO_PASSWORD,
        idempotencyKey: key('person', person.username),
      },
    },
  );
  return data.registerPerson.id;
}

async function createCity(platform: GraphQLHttpClient, city: DemoCity, context: SeedContext): Promise<void> {
  const { createCity: created } = await platform.request<{ createCity: { id: string } }>(
    'mutation SeedCreateCity($input: CreateCityInput!) { createCity(input: $input) { id } }',
    { input: { name: city.name, code: city.code, idempotencyKey: key('city', city.code) } },
  );
  for (const inspector of city.inspectors) context.personIds.set(inspector.username, await registerPerson(platform, inspector, { cityId: created.id }));
  for (const district of city.districts) await createDistrict(platform, created.id, district, context);
}

async function createDistrict(platform: GraphQLHttpClient, cityId: string, district: DemoDistrict, context: SeedContext): Promise<void> {
  const { createTenant: tenant } = await platform.request<{ createTenant: { id: string } }>(
    'mutation SeedCreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { id } }',
    { input: { cityId, name: district.name, code: district.code, idempotencyKey: key('tenant', district.code) } },
  );
  context.tenantIds.set(district.key, tenant.id);
  // The platform creates the district's first administrator; the administrator does the rest.
  const admins = district.people.filter((person) => person.role === 'district_admin');
  for (const admin of admins) context.personIds.set(admin.username, await registerPerson(platform, admin, { tenantId: tenant.id }));
}

/**
 * Creates the demo cities, districts, units, people, inspections, findings in every state of the
 * lifecycle and 约谈, all through the public GraphQL API as the people who would do it. Does nothing
 * when the demo city (杭州市 330100) already exists.
 */
export async function seedDemo(apiUrl: string, platformPassword: string, options: SeedOptions = {}): Promise<SeedResult> {
  const log = options.log ?? (() => undefined);
  const accounts = demoAccounts(platformPassword);
  const platform = await GraphQLHttpClient.signIn(apiUrl, 'platform', platformPassword);
  const existing = await platform.request<{ cities: Array<{ code: string }> }>(CITIES_QUERY);
  if (existing.cities.some((city) => city.code === DEMO_CITIES[0]!.code)) {
    log('the demo city exists already; nothing to do');
    return { created: false, accounts };
  }
  const context: SeedContext = { apiUrl, log, tenantIds: new Map(), personIds: new Map(), unitIds: new Map(), clients: new Map(), findingIds: new Map() };
  for (const city of DEMO_CITIES) {
    await createCity(platform, city, context);
    log(`created ${city.name} with ${city.districts.map((district) => district.name).join('、')}`);
  }
  await seedBusiness(context);
  await seedResponsibility(context);
  return { created: true, accounts };
}
