import { chinaDateOf } from '@zeren/domain';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../../test/fixtures/district';
import { recordFindingInput, startedInspection } from '../../../test/fixtures/rectification';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../../test/test-app';
import { withOwner } from '../../../test/test-database';

let app: TestApp;
let world: DistrictWorld;
let selfCheck: string;
let cityInspection: string;
/** A 责任清单 of unit A with one item, and one of the sibling district's unit. */
let list: { id: string; itemId: string };
let siblingItemId: string;

const YEAR = Number(chinaDateOf(new Date()).slice(0, 4));
const RECORD = 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id tenantId basis { kind reference text } } }';

async function listWithItem(token: string, unitId: string): Promise<{ id: string; itemId: string }> {
  const created = await expectData<{ createResponsibilityList: { id: string } }>(
    app.graphql,
    'mutation($input: CreateResponsibilityListInput!) { createResponsibilityList(input: $input) { id } }',
    { input: { unitId, year: YEAR, title: `${YEAR}年度意识形态工作责任清单` } },
    token,
  );
  const added = await expectData<{ addResponsibilityItem: { items: Array<{ id: string }> } }>(
    app.graphql,
    'mutation($input: AddResponsibilityItemInput!) { addResponsibilityItem(input: $input) { items { id } } }',
    { input: { id: created.createResponsibilityList.id, expectedVersion: 1, title: '中心组学习', content: '每年集体学习不少于12次', firstResponsible: { name: '李华' } } },
    token,
  );
  return { id: created.createResponsibilityList.id, itemId: added.addResponsibilityItem.items[0]!.id };
}

const citing = (inspectionId: string, reference: string) => ({
  input: { ...recordFindingInput({ inspectionId, unitId: world.unitA }), basis: { kind: 'RESPONSIBILITY_ITEM', reference, text: '每年集体学习不少于12次' } },
});

/** Events of the first district's log, but the warnings the schedulers may add on their own. */
const eventCount = (): Promise<number> =>
  withOwner(app.database, async (owner) => {
    const { rows } = await owner.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM events WHERE tenant_id = $1 AND type NOT IN ('WarningIssued', 'MonthlyReportWarningIssued')`,
      [world.tenantId],
    );
    return rows[0]!.n;
  });

const refusal = (result: GraphQLResponse<unknown>) => ({ data: result.data ?? null, code: result.errors?.[0]?.extensions?.code, fields: result.errors?.[0]?.extensions?.['fields'], message: result.errors?.[0]?.message });

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  selfCheck = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA, world.unitB] });
  cityInspection = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA] });
  list = await listWithItem(world.districtAdmin.token, world.unitA);
  siblingItemId = (await listWithItem(world.siblingAdmin.token, world.siblingUnit)).itemId;
});
afterAll(() => app.close());

describe('a finding citing a 责任清单 item as its basis', () => {
  it('is recorded when the item is one of the district’s, with the item’s id as its reference', async () => {
    const recorded = await expectData<{ recordFinding: { basis: { kind: string; reference: string } } }>(
      app.graphql,
      RECORD,
      citing(selfCheck, ` ${list.itemId.toUpperCase()} `),
      world.districtAdmin.token,
    );
    expect(recorded.recordFinding.basis).toEqual({ kind: 'RESPONSIBILITY_ITEM', reference: list.itemId, text: '每年集体学习不少于12次' });
  });

  it('is refused, alike and with nothing stored, when the item does not exist, is no item or is another district’s', async () => {
    const before = await eventCount();
    const missing = refusal(await app.graphql(RECORD, citing(selfCheck, '6c1e0f3a-1111-4111-8111-000000000001'), world.districtAdmin.token));
    expect(missing).toEqual({
      data: null,
      code: 'BAD_USER_INPUT',
      fields: { 'basis.reference': 'no responsibility item of the inspected district has this id' },
      message: '依据的责任清单事项不存在：请选择本区责任清单中的事项',
    });
    const answers = {
      // Free text, the id of the list itself, and of a unit: none is an item.
      freeText: refusal(await app.graphql(RECORD, citing(selfCheck, '意识形态工作责任清单 第3项'), world.districtAdmin.token)),
      theList: refusal(await app.graphql(RECORD, citing(selfCheck, list.id), world.districtAdmin.token)),
      aUnit: refusal(await app.graphql(RECORD, citing(selfCheck, world.unitA), world.districtAdmin.token)),
      // The sibling district's item: even the city inspector, who reads both districts, may not cite it here.
      siblingItem: refusal(await app.graphql(RECORD, citing(selfCheck, siblingItemId), world.districtAdmin.token)),
      siblingItemByTheCity: refusal(await app.graphql(RECORD, citing(cityInspection, siblingItemId), world.cityInspector.token)),
    };
    expect(answers).toEqual({ freeText: missing, theList: missing, aUnit: missing, siblingItem: missing, siblingItemByTheCity: missing });
    expect(await eventCount()).toBe(before);
    const findings = await expectData<{ findings: { totalCount: number } }>(app.graphql, `query($id: ID) { findings(filter: { inspectionId: $id }) { totalCount } }`, { id: selfCheck }, world.districtAdmin.token);
    expect(findings.findings.totalCount).toBe(1);
  });

  it('is not needed for a basis that is a rule, whose reference stays as written', async () => {
    const recorded = await expectData<{ recordFinding: { basis: { kind: string; reference: string } } }>(
      app.graphql,
      RECORD,
      { input: recordFindingInput({ inspectionId: selfCheck, unitId: world.unitB }) },
      world.districtAdmin.token,
    );
    expect(recorded.recordFinding.basis).toMatchObject({ kind: 'RULE', reference: '《党委（党组）意识形态工作责任制实施办法》第三条' });
  });
});
