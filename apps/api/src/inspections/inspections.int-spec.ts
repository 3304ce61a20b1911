import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { daysFromToday, recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';

let app: TestApp;
let world: DistrictWorld;

const INSPECTION = 'id tenantId title kind level status version target { scope unitIds } periodStart periodEnd followUpOfId reportSummary asOf';

interface InspectionFields {
  id: string;
  tenantId: string;
  kind: string;
  level: string;
  status: string;
  version: number;
  target: { scope: string; unitIds: string[] };
  reportSummary: string | null;
  asOf: string | null;
}

function plan(token: string, input: Record<string, unknown>) {
  return app.graphql<{ planInspection: InspectionFields }>(
    `mutation($input: PlanInspectionInput!) { planInspection(input: $input) { ${INSPECTION} } }`,
    {
      input: {
        title: '意识形态工作专项督查',
        kind: 'SPECIAL_SUPERVISION',
        target: { scope: 'UNITS', unitIds: [world.unitA] },
        periodStart: daysFromToday(0),
        periodEnd: daysFromToday(14),
        team: [{ name: '督查组' }],
        ...input,
      },
    },
    token,
  );
}

function step(mutation: string, inputType: string) {
  return (token: string, input: Record<string, unknown>) =>
    app.graphql<Record<string, InspectionFields>>(`mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${INSPECTION} } }`, { input }, token);
}
const start = step('startInspection', 'ChangeInspectionInput');
const report = step('issueInspectionReport', 'IssueInspectionReportInput');
const close = step('closeInspection', 'ChangeInspectionInput');
const cancel = step('cancelInspection', 'CancelInspectionInput');

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
});
afterAll(() => app.close());

describe('an inspection’s life', () => {
  it('is planned, started, reported on and closed by the office that runs it', async () => {
    const planned = (await plan(world.districtAdmin.token, {})).data!.planInspection;
    expect(planned).toMatchObject({ tenantId: world.tenantId, level: 'DISTRICT', status: 'PLANNED', version: 1, target: { scope: 'UNITS', unitIds: [world.unitA] } });
    const started = await start(world.districtAdmin.token, { id: planned.id, expectedVersion: 1 });
    expect(started.data!['startInspection']).toMatchObject({ status: 'IN_PROGRESS', version: 2 });
    const reported = await report(world.districtAdmin.token, { id: planned.id, expectedVersion: 2, summary: '发现问题3个' });
    expect(reported.data!['issueInspectionReport']).toMatchObject({ status: 'REPORT_ISSUED', reportSummary: '发现问题3个' });
    const closed = await close(world.districtAdmin.token, { id: planned.id, expectedVersion: 3 });
    expect(closed.data!['closeInspection']).toMatchObject({ status: 'CLOSED', version: 4 });
  });

  it('refuses steps out of order with INVALID_STATE naming the state', async () => {
    const planned = (await plan(world.districtAdmin.token, {})).data!.planInspection;
    const early = await close(world.districtAdmin.token, { id: planned.id, expectedVersion: 1 });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'PLANNED' });
    expect(early.errors![0]!.message).toContain('已计划');
    const cancelled = await cancel(world.districtAdmin.token, { id: planned.id, expectedVersion: 1, reason: '计划调整' });
    expect(cancelled.data!['cancelInspection']).toMatchObject({ status: 'CANCELLED' });
    const late = await start(world.districtAdmin.token, { id: planned.id, expectedVersion: 2 });
    expect(late.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'CANCELLED' });
  });

  it('lets a city inspector inspect a district of its city, not of another city, and keeps the district out of it', async () => {
    const city = (await plan(world.cityInspector.token, { tenantId: world.tenantId, kind: 'PATROL', target: { scope: 'DISTRICT' } })).data!.planInspection;
    expect(city).toMatchObject({ level: 'CITY', tenantId: world.tenantId, target: { scope: 'DISTRICT', unitIds: [] } });
    const byDistrict = await start(world.districtAdmin.token, { id: city.id, expectedVersion: 1 });
    expect(byDistrict.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const otherCity = await plan(world.cityInspector.token, { tenantId: world.otherCityTenantId, target: { scope: 'DISTRICT' } });
    expect(otherCity.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    const selfCheck = await plan(world.cityInspector.token, { tenantId: world.tenantId, kind: 'SELF_CHECK' });
    expect(selfCheck.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('validates targets and follow-ups against the district', async () => {
    const foreignUnit = await plan(world.districtAdmin.token, { target: { scope: 'UNITS', unitIds: [world.siblingUnit] } });
    expect(foreignUnit.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'target.unitIds': expect.any(String) } });
    const original = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA], kind: 'SELF_CHECK' });
    const followUp = (await plan(world.districtAdmin.token, { kind: 'FOLLOW_UP', followUpOfId: original })).data!.planInspection;
    expect(followUp).toMatchObject({ kind: 'FOLLOW_UP', followUpOfId: original });
    const missing = await plan(world.districtAdmin.token, { kind: 'FOLLOW_UP' });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows the inspection as of a past instant, with its history', async () => {
    const planned = (await plan(world.districtAdmin.token, {})).data!.planInspection;
    const between = new Date();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await start(world.districtAdmin.token, { id: planned.id, expectedVersion: 1 });
    const past = await expectData<{ inspection: InspectionFields & { history: Array<{ type: string }> } }>(
      app.graphql,
      `query($id: ID!, $asOf: DateTime) { inspection(id: $id, asOf: $asOf) { ${INSPECTION} history { type } } }`,
      { id: planned.id, asOf: between.toISOString() },
      world.districtAdmin.token,
    );
    expect(past.inspection).toMatchObject({ status: 'PLANNED', version: 1, asOf: between.toISOString() });
    expect(past.inspection.history.map((event) => event.type)).toEqual(['InspectionPlanned']);
  });
});

describe('lists of inspections', () => {
  it('pages through the caller’s inspections with filters and a stable order', async () => {
    for (let i = 0; i < 5; i++) await plan(world.siblingAdmin.token, { title: `西湖自查${i}`, kind: 'SELF_CHECK', target: { scope: 'UNITS', unitIds: [world.siblingUnit] } });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { inspections: { edges: Array<{ node: { id: string; tenantId: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } } =
        await expectData(
          app.graphql,
          'query($after: String) { inspections(first: 2, after: $after, filter: { kinds: [SELF_CHECK], search: "西湖" }) { edges { node { id tenantId } } pageInfo { hasNextPage endCursor } totalCount } }',
          { after },
          world.siblingAdmin.token,
        );
      expect(page.inspections.totalCount).toBe(5);
      seen.push(...page.inspections.edges.map((edge) => edge.node.id));
      if (!page.inspections.pageInfo.hasNextPage) break;
      after = page.inspections.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(5);

    // The sibling district's inspections are the city's to see, not another district's.
    const own = await expectData<{ inspections: { totalCount: number } }>(app.graphql, '{ inspections(filter: { search: "西湖" }) { totalCount } }', {}, world.districtAdmin.token);
    expect(own.inspections.totalCount).toBe(0);
    const city = await expectData<{ inspections: { totalCount: number } }>(app.graphql, '{ inspections(filter: { search: "西湖" }) { totalCount } }', {}, world.cityInspector.token);
    expect(city.inspections.totalCount).toBe(5);
    const otherCity = await expectData<{ inspections: { totalCount: number } }>(app.graphql, '{ inspections { totalCount } }', {}, world.otherCityAdmin.token);
    expect(otherCity.inspections.totalCount).toBe(0);
  });

  it('shows a unit officer only the inspections that target its unit or the whole district', async () => {
    const ofA = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA], title: '仅河庄' });
    const ofB = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitB], title: '仅义蓬' });
    const { inspections } = await expectData<{ inspections: { edges: Array<{ node: { id: string } }> } }>(app.graphql, '{ inspections(first: 100) { edges { node { id } } } }', {}, world.officerA.token);
    const ids = inspections.edges.map((edge) => edge.node.id);
    expect(ids).toContain(ofA);
    expect(ids).not.toContain(ofB);
    const direct = await app.graphql(`{ inspection(id: "${ofB}") { id } }`, {}, world.officerA.token);
    expect(direct.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('lists an inspection’s findings, only those the caller may see', async () => {
    const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA, world.unitB] });
    await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA });
    await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitB });
    const query = `{ inspection(id: "${inspection}") { findings { totalCount edges { node { unitId } } } } }`;
    const admin = await expectData<{ inspection: { findings: { totalCount: number } } }>(app.graphql, query, {}, world.districtAdmin.token);
    expect(admin.inspection.findings.totalCount).toBe(2);
    const officer = await expectData<{ inspection: { findings: { totalCount: number; edges: Array<{ node: { unitId: string } }> } } }>(app.graphql, query, {}, world.officerA.token);
    expect(officer.inspection.findings).toEqual({ totalCount: 1, edges: [{ node: { unitId: world.unitA } }] });
  });
});
