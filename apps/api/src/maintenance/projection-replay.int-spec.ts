import { eventCatalogue } from '@zeren/events';
import { ProjectionRegistry } from '../commands/projection-registry';
import { startTestApp, TEST_ADMIN_PASSWORD, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { replayProjections } from './projection-replay';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  const platform = await app.signIn('platform', TEST_ADMIN_PASSWORD);
  const city = await app.graphql<{ createCity: { id: string } }>('mutation { createCity(input: { name: "杭州市", code: "330100" }) { id } }', {}, platform);
  const tenant = await app.graphql<{ createTenant: { id: string } }>(
    'mutation($c: ID!) { createTenant(input: { cityId: $c, name: "钱塘区", code: "330114" }) { id } }',
    { c: city.data!.createCity.id },
    platform,
  );
  await app.graphql(
    'mutation($t: ID!) { registerPerson(input: { username: "qt.admin", displayName: "管理员", role: district_admin, tenantId: $t, initialPassword: "Demo-password-2026" }) { id } }',
    { t: tenant.data!.createTenant.id },
    platform,
  );
});
afterAll(() => app.close());

describe('rebuilding projections from the event log', () => {
  it('gives tables equal to the live ones, row for row', async () => {
    const projections = app.server.app.get(ProjectionRegistry).all();
    expect(projections.map((p) => p.name)).toEqual(expect.arrayContaining(['identity', 'tenancy']));
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, projections));
    expect(report.events).toBeGreaterThanOrEqual(5);
    expect(report.differences.length).toBeGreaterThanOrEqual(4);
    for (const difference of report.differences) expect(difference).toEqual({ table: difference.table, onlyLive: 0, onlyRebuilt: 0 });
  });

  it('notices a live table that drifted from the events', async () => {
    await withOwner(app.database, (owner) => owner.query(`UPDATE people SET display_name = '被篡改' WHERE username = 'qt.admin'`));
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, app.server.app.get(ProjectionRegistry).all()));
    expect(report.differences.find((d) => d.table === 'people')).toEqual({ table: 'people', onlyLive: 1, onlyRebuilt: 1 });
  });
});
