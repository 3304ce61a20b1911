import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';

let app: TestApp;
let world: DistrictWorld;

const UNIT = 'id tenantId parentId name kind status version leader { personId name } head { name } liaison { name } asOf';

interface UnitFields {
  id: string;
  tenantId: string;
  parentId: string | null;
  name: string;
  status: string;
  version: number;
  leader: { personId: string; name: string } | null;
  head: { name: string } | null;
  liaison: { name: string } | null;
  asOf: string | null;
}

const create = async (token: string, input: Record<string, unknown>): Promise<UnitFields> =>
  (await expectData<{ createUnit: UnitFields }>(app.graphql, `mutation($input: CreateUnitInput!) { createUnit(input: $input) { ${UNIT} } }`, { input: { kind: 'COMMUNITY', ...input } }, token))
    .createUnit;

function change(mutation: string, inputType: string) {
  return (token: string, input: Record<string, unknown>) => app.graphql<Record<string, UnitFields>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${UNIT} } }`, { input }, token);
}
const rename = change('renameUnit', 'RenameUnitInput');
const move = change('moveUnit', 'MoveUnitInput');
const deactivate = change('deactivateUnit', 'DeactivateUnitInput');

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
});
afterAll(() => app.close());

describe('the unit tree', () => {
  it('creates, renames, moves and names the people of a unit, each change one version', async () => {
    const community = await create(world.districtAdmin.token, { name: '江东社区', parentId: world.unitA });
    expect(community).toMatchObject({ tenantId: world.tenantId, parentId: world.unitA, status: 'ACTIVE', version: 1 });

    const renamed = await rename(world.districtAdmin.token, { id: community.id, name: '江东一社区', expectedVersion: 1 });
    expect(renamed.data!['renameUnit']).toMatchObject({ name: '江东一社区', version: 2 });

    const leader = await app.graphql<{ assignUnitLeader: UnitFields }>(
      `mutation($input: AssignUnitPersonInput!) { assignUnitLeader(input: $input) { ${UNIT} } }`,
      { input: { id: community.id, personId: world.officerA.id, expectedVersion: 2 } },
      world.districtAdmin.token,
    );
    expect(leader.data!.assignUnitLeader.leader).toEqual({ personId: world.officerA.id, name: '河庄联络员' });

    const moved = await move(world.districtAdmin.token, { id: community.id, parentId: world.unitB, expectedVersion: 3 });
    expect(moved.data!['moveUnit']).toMatchObject({ parentId: world.unitB, version: 4 });

    const tree = await expectData<{ unit: { children: Array<{ id: string }>; parent: null } }>(app.graphql, '{ unit(id: "' + world.unitB + '") { parent { id } children { id } } }', {}, world.districtAdmin.token);
    expect(tree.unit.children.map((child) => child.id)).toContain(community.id);
  });

  it('refuses to move a unit under its own descendant, and names the field', async () => {
    const parent = await create(world.districtAdmin.token, { name: '上级单位' });
    const child = await create(world.districtAdmin.token, { name: '下级单位', parentId: parent.id });
    const grandchild = await create(world.districtAdmin.token, { name: '再下级单位', parentId: child.id });
    const cycle = await move(world.districtAdmin.token, { id: parent.id, parentId: grandchild.id, expectedVersion: parent.version });
    expect(cycle.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { toParentUnitId: expect.any(String) } });

    // Moving the middle unit carries its subtree: the grandchild now sits under the new parent's branch.
    const other = await create(world.districtAdmin.token, { name: '另一上级' });
    await move(world.districtAdmin.token, { id: child.id, parentId: other.id, expectedVersion: child.version });
    const moved = await expectData<{ unit: { parent: { id: string; parent: { id: string } | null } } }>(
      app.graphql,
      `{ unit(id: "${grandchild.id}") { parent { id parent { id } } } }`,
      {},
      world.districtAdmin.token,
    );
    expect(moved.unit.parent).toEqual({ id: child.id, parent: { id: other.id } });
    const { units } = await expectData<{ units: Array<{ id: string }> }>(app.graphql, '{ units { id } }', {}, world.districtAdmin.token);
    // Parents come before their children in the flat tree.
    const order = units.map((unit) => unit.id);
    expect(order.indexOf(other.id)).toBeLessThan(order.indexOf(child.id));
    expect(order.indexOf(child.id)).toBeLessThan(order.indexOf(grandchild.id));
  });

  it('keeps a unit with active children or open findings active', async () => {
    const parent = await create(world.districtAdmin.token, { name: '有下级的单位' });
    await create(world.districtAdmin.token, { name: '下级', parentId: parent.id });
    const refused = await deactivate(world.districtAdmin.token, { id: parent.id, reason: '撤并', expectedVersion: 1 });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { activeChildUnitCount: expect.any(String) } });

    const busy = await create(world.districtAdmin.token, { name: '有问题的单位' });
    const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [busy.id] });
    await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: busy.id });
    const open = await deactivate(world.districtAdmin.token, { id: busy.id, reason: '撤并', expectedVersion: 1 });
    expect(open.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { openFindingCount: expect.any(String) } });

    const idle = await create(world.districtAdmin.token, { name: '空闲单位' });
    const done = await deactivate(world.districtAdmin.token, { id: idle.id, reason: '撤并', expectedVersion: 1 });
    expect(done.data!['deactivateUnit']).toMatchObject({ status: 'DEACTIVATED', version: 2 });
    const again = await rename(world.districtAdmin.token, { id: idle.id, name: '复用', expectedVersion: 2 });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'DEACTIVATED' });
  });

  it('answers CONFLICT for a stale version and the first answer for a retried key', async () => {
    const unit = await create(world.districtAdmin.token, { name: '并发测试' });
    const first = await rename(world.districtAdmin.token, { id: unit.id, name: '第一次', expectedVersion: 1, idempotencyKey: 'rename-1' });
    const retry = await rename(world.districtAdmin.token, { id: unit.id, name: '第一次', expectedVersion: 1, idempotencyKey: 'rename-1' });
    expect(retry.data).toEqual(first.data);
    const stale = await rename(world.districtAdmin.token, { id: unit.id, name: '第二次', expectedVersion: 1 });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
    const reused = await rename(world.districtAdmin.token, { id: unit.id, name: '不同内容', expectedVersion: 2, idempotencyKey: 'rename-1' });
    expect(reused.errors![0]!.extensions!.code).toBe('IDEMPOTENCY_KEY_REUSED');

    const created = await create(world.districtAdmin.token, { name: '幂等新建', idempotencyKey: 'create-unit-1' });
    const recreated = await create(world.districtAdmin.token, { name: '幂等新建', idempotencyKey: 'create-unit-1' });
    expect(recreated.id).toBe(created.id);
  });

  it('shows a unit as it stood at a past instant, and its history', async () => {
    const unit = await create(world.districtAdmin.token, { name: '旧名称' });
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await rename(world.districtAdmin.token, { id: unit.id, name: '新名称', expectedVersion: 1 });
    const past = await expectData<{ unit: UnitFields & { history: Array<{ type: string; version: number; actorRole: string }> } }>(
      app.graphql,
      `query($id: ID!, $asOf: DateTime) { unit(id: $id, asOf: $asOf) { ${UNIT} history { type version actorRole } } }`,
      { id: unit.id, asOf: between.toISOString() },
      world.districtAdmin.token,
    );
    expect(past.unit).toMatchObject({ name: '旧名称', version: 1, asOf: between.toISOString() });
    expect(past.unit.history.map((event) => event.type)).toEqual(['UnitCreated']);
    const now = await expectData<{ unit: { history: Array<{ type: string; actorRole: string }> } }>(app.graphql, `{ unit(id: "${unit.id}") { history { type actorRole } } }`, {}, world.districtAdmin.token);
    expect(now.unit.history).toEqual([
      { type: 'UnitCreated', actorRole: 'district_admin' },
      { type: 'UnitRenamed', actorRole: 'district_admin' },
    ]);
    const before = await app.graphql(`query($asOf: DateTime) { unit(id: "${unit.id}", asOf: $asOf) { id } }`, { asOf: new Date(Date.now() - 86_400_000).toISOString() }, world.districtAdmin.token);
    expect(before.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});

describe('who sees and changes units', () => {
  it('hides another district’s units: NOT_FOUND by id, absent from lists', async () => {
    const byId = await app.graphql(`{ unit(id: "${world.otherCityUnit}") { id } }`, {}, world.districtAdmin.token);
    expect(byId.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const renamed = await rename(world.districtAdmin.token, { id: world.siblingUnit, name: '越权', expectedVersion: 1 });
    expect(renamed.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const { units } = await expectData<{ units: Array<{ tenantId: string }> }>(app.graphql, '{ units { tenantId } }', {}, world.districtAdmin.token);
    expect(new Set(units.map((unit) => unit.tenantId))).toEqual(new Set([world.tenantId]));
  });

  it('lets a city inspector read its city’s districts but not manage their units', async () => {
    const { units } = await expectData<{ units: Array<{ tenantId: string }> }>(app.graphql, '{ units { tenantId } }', {}, world.cityInspector.token);
    expect(new Set(units.map((unit) => unit.tenantId))).toEqual(new Set([world.tenantId, world.siblingTenantId]));
    const refused = await rename(world.cityInspector.token, { id: world.unitA, name: '越权', expectedVersion: 1 });
    expect(refused.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const created = await app.graphql('mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }', { input: { tenantId: world.otherCityTenantId, name: 'x', kind: 'STREET' } }, world.cityInspector.token);
    expect(created.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('shows a unit officer its own unit only', async () => {
    const { units } = await expectData<{ units: Array<{ id: string }> }>(app.graphql, '{ units { id } }', {}, world.officerA.token);
    expect(units.map((unit) => unit.id)).toEqual([world.unitA]);
    const other = await app.graphql(`{ unit(id: "${world.unitB}") { id } }`, {}, world.officerA.token);
    expect(other.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
