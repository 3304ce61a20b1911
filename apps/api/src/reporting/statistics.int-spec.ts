import { findingDecider, fold, rectificationFigures, type FindingState, type FindingSummary, type RectificationFigures } from '@zeren/domain';
import type { FindingEvent } from '@zeren/events';
import { expectData, setUpDistrictWorld, type Account, type DistrictWorld } from '../../test/fixtures/district';
import { daysFromToday, recordedFinding, startedInspection, uploadEvidence } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';

let app: TestApp;
let world: DistrictWorld;
let inspectionId: string;
const findings: Record<'signedOff' | 'green' | 'yellow' | 'withdrawn' | 'sibling', string> = { signedOff: '', green: '', yellow: '', withdrawn: '', sibling: '' };
/** Before anything was recorded; after everything was recorded but before the sign-off; after it. */
const instants = { start: new Date(0), recorded: new Date(0), signedOff: new Date(0) };

const FIGURES = `asOf recorded verified verifiedOnTime withdrawn rate overdue byState { state count } warningColours { green yellow red none }`;
const STATISTICS = `query($scope: StatisticsScopeInput!, $asOf: DateTime) { rectificationStatistics(scope: $scope, asOf: $asOf) { scopeKind scopeId ${FIGURES} } }`;
const DISTRICT_RANKING = `query($cityId: ID!, $asOf: DateTime) { districtRanking(cityId: $cityId, asOf: $asOf) { rank id name ${FIGURES} } }`;
const UNIT_RANKING = `query($tenantId: ID!, $asOf: DateTime) { unitRanking(tenantId: $tenantId, asOf: $asOf) { rank id name ${FIGURES} } }`;
const TREND = `query($scope: StatisticsScopeInput!, $from: DateTime!, $to: DateTime!) { rectificationTrend(scope: $scope, from: $from, to: $to) { month ${FIGURES} } }`;

interface FiguresFields {
  asOf: string;
  recorded: number;
  verified: number;
  verifiedOnTime: number;
  withdrawn: number;
  rate: number | null;
  overdue: number;
  byState: Array<{ state: string; count: number }>;
  warningColours: { green: number; yellow: number; red: number; none: number };
}
type Scope = { cityId: string } | { tenantId: string } | { unitId: string } | { inspectionId: string };

const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

async function statistics(token: string, scope: Scope, asOf?: Date): Promise<FiguresFields & { scopeKind: string; scopeId: string }> {
  const data = await expectData<{ rectificationStatistics: FiguresFields & { scopeKind: string; scopeId: string } }>(app.graphql, STATISTICS, { scope, asOf: asOf?.toISOString() ?? null }, token);
  return data.rectificationStatistics;
}

async function errorCode(query: string, variables: Record<string, unknown>, token: string): Promise<string> {
  const result = await app.graphql(query, variables, token);
  return String(result.errors?.[0]?.extensions?.code);
}

/** The reference: every finding's events recorded up to the instant, folded by the domain's decider, counted by the domain. */
async function figuresFromEvents(asOf: Date, inScope: (finding: FindingSummary) => boolean): Promise<RectificationFigures> {
  const rows = await withOwner(app.database, async (owner) =>
    (
      await owner.query<{ stream_id: string; tenant_id: string; type: string; data: unknown }>(
        `SELECT stream_id, tenant_id, type, data FROM events WHERE stream_type = 'Finding' AND recorded_at <= $1 ORDER BY tenant_id, stream_id, version`,
        [asOf],
      )
    ).rows,
  );
  const streams = new Map<string, { tenantId: string; events: FindingEvent[] }>();
  for (const row of rows) {
    const stream = streams.get(row.stream_id) ?? { tenantId: row.tenant_id, events: [] };
    stream.events.push({ type: row.type, data: row.data } as FindingEvent);
    streams.set(row.stream_id, stream);
  }
  const summaries = [...streams.values()].flatMap(({ tenantId, events }): FindingSummary[] => {
    const state: FindingState = fold(findingDecider, events);
    if (state.status === 'NONE') return [];
    const { status, deadline, recordedAt, verifiedAt, withdrawnAt, unitId, inspectionId: inspection } = state;
    return [{ state: status, deadline, recordedAt, verifiedAt, withdrawnAt, unitId, tenantId, inspectionId: inspection }];
  });
  return rectificationFigures(summaries.filter(inScope), asOf);
}

function asFields(figures: RectificationFigures): FiguresFields {
  return {
    asOf: figures.asOf,
    recorded: figures.recorded,
    verified: figures.verified,
    verifiedOnTime: figures.verifiedOnTime,
    withdrawn: figures.withdrawn,
    rate: figures.rectificationRate,
    overdue: figures.overdue,
    byState: Object.entries(figures.byState).map(([state, count]) => ({ state, count })),
    warningColours: { green: figures.warningColours.GREEN, yellow: figures.warningColours.YELLOW, red: figures.warningColours.RED, none: figures.warningColours.NONE },
  };
}

async function change(mutation: string, inputType: string, input: Record<string, unknown>, account: Account): Promise<number> {
  const data = await expectData<Record<string, { version: number }>>(app.graphql, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { version } }`, { input }, account.token);
  return data[mutation]!.version;
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  instants.start = new Date();
  await pause();
  inspectionId = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA, world.unitB] });
  const record = async (unitId: string, deadlineInDays: number, token = world.districtAdmin.token, inspection = inspectionId) =>
    (await recordedFinding(app.graphql, token, { inspectionId: inspection, unitId, deadlineInDays })).id;
  findings.signedOff = await record(world.unitA, 60);
  findings.green = await record(world.unitA, 15);
  findings.yellow = await record(world.unitB, 5);
  findings.withdrawn = await record(world.unitB, 60);
  await change('withdrawFinding', 'FindingReasonInput', { id: findings.withdrawn, expectedVersion: 1, reason: '经核实不属于问题' }, world.districtAdmin);
  const siblingInspection = await startedInspection(app.graphql, world.siblingAdmin.token, { unitIds: [world.siblingUnit] });
  findings.sibling = await record(world.siblingUnit, 30, world.siblingAdmin.token, siblingInspection);
  await pause();
  instants.recorded = new Date();
  await pause();

  const id = findings.signedOff;
  const evidence = await uploadEvidence(app.url, world.officerA.token, '整改佐证：学习记录', '学习记录.txt');
  let version = await change(
    'submitRectificationPlan',
    'SubmitRectificationPlanInput',
    { id, expectedVersion: 1, measures: '每月开展一次集体学习', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(30) },
    world.officerA,
  );
  version = await change('checkInProgress', 'CheckInProgressInput', { id, expectedVersion: version, percent: 100, narrative: '已补充开展集体学习6次', evidence: [evidence.body.sha256] }, world.officerA);
  version = await change('submitForSignOff', 'SubmitForSignOffInput', { id, expectedVersion: version }, world.officerA);
  version = await change('passDistrictReview', 'FindingCommentInput', { id, expectedVersion: version }, world.districtAdmin);
  await change('signOffFinding', 'FindingCommentInput', { id, expectedVersion: version }, world.cityInspector);
  await pause();
  instants.signedOff = new Date();
});
afterAll(() => app.close());

describe('整改率 and its figures', () => {
  it('counts a district now: withdrawn findings out, the signed-off one verified on time, open ones by deadline colour', async () => {
    const figures = await statistics(world.districtAdmin.token, { tenantId: world.tenantId });
    expect(figures).toMatchObject({ scopeKind: 'TENANT', scopeId: world.tenantId, recorded: 3, verified: 1, verifiedOnTime: 1, withdrawn: 1, overdue: 0 });
    expect(figures.rate).toBeCloseTo(1 / 3);
    expect(figures.warningColours).toEqual({ green: 1, yellow: 1, red: 0, none: 0 });
    expect(figures.byState).toEqual(expect.arrayContaining([{ state: 'VERIFIED', count: 1 }, { state: 'RECORDED', count: 2 }, { state: 'WITHDRAWN', count: 1 }]));
  });

  it('as of a past instant ignores everything recorded later', async () => {
    const beforeSignOff = await statistics(world.districtAdmin.token, { tenantId: world.tenantId }, instants.recorded);
    expect(beforeSignOff).toMatchObject({ asOf: instants.recorded.toISOString(), recorded: 3, verified: 0, rate: 0 });
    const beforeAnything = await statistics(world.districtAdmin.token, { tenantId: world.tenantId }, instants.start);
    expect(beforeAnything).toMatchObject({ recorded: 0, verified: 0, withdrawn: 0, rate: null });
  });

  it('counts a deadline passed as of a later instant as overdue (红色)', async () => {
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const figures = await statistics(world.districtAdmin.token, { tenantId: world.tenantId }, inAWeek);
    expect(figures).toMatchObject({ overdue: 1, warningColours: { red: 1, yellow: 1, green: 0, none: 0 } });
  });

  it('equals recomputing from the events with the domain’s decider and figures, for every scope and instant', async () => {
    const scopes: Array<[Scope, (finding: FindingSummary) => boolean]> = [
      [{ cityId: world.cityId }, (finding) => [world.tenantId, world.siblingTenantId].includes(finding.tenantId)],
      [{ tenantId: world.tenantId }, (finding) => finding.tenantId === world.tenantId],
      [{ unitId: world.unitA }, (finding) => finding.unitId === world.unitA],
      [{ unitId: world.unitB }, (finding) => finding.unitId === world.unitB],
      [{ inspectionId }, (finding) => finding.inspectionId === inspectionId],
    ];
    const checked = [instants.start, instants.recorded, instants.signedOff, new Date(Date.now() + 20 * 86_400_000), new Date(Date.now() + 90 * 86_400_000)];
    for (const [scope, inScope] of scopes) {
      for (const asOf of checked) {
        const { scopeKind: _kind, scopeId: _id, ...fromApi } = await statistics(world.cityInspector.token, scope, asOf);
        expect({ scope, ...fromApi }).toEqual({ scope, ...asFields(await figuresFromEvents(asOf, inScope)) });
      }
    }
  });
});

describe('rankings and trends', () => {
  it('ranks the districts of a city by rate, then fewest overdue; equal figures share a place', async () => {
    const now = (await expectData<{ districtRanking: Array<FiguresFields & { rank: number; id: string; name: string }> }>(app.graphql, DISTRICT_RANKING, { cityId: world.cityId }, world.cityInspector.token))
      .districtRanking;
    expect(now.map(({ rank, id, name }) => ({ rank, id, name }))).toEqual([
      { rank: 1, id: world.tenantId, name: '钱塘区' },
      { rank: 2, id: world.siblingTenantId, name: '西湖区' },
    ]);
    expect(now[0]!.rate).toBeCloseTo(1 / 3);
    const before = (
      await expectData<{ districtRanking: Array<{ rank: number; id: string; rate: number | null }> }>(app.graphql, DISTRICT_RANKING, { cityId: world.cityId, asOf: instants.recorded.toISOString() }, world.cityInspector.token)
    ).districtRanking;
    expect(before.map(({ rank, rate }) => ({ rank, rate }))).toEqual([
      { rank: 1, rate: 0 },
      { rank: 1, rate: 0 },
    ]);
  });

  it('ranks the units of a district, units without findings last', async () => {
    const ranking = (await expectData<{ unitRanking: Array<FiguresFields & { rank: number; id: string; name: string }> }>(app.graphql, UNIT_RANKING, { tenantId: world.tenantId }, world.districtAdmin.token))
      .unitRanking;
    expect(ranking.map(({ rank, id, name, recorded, verified }) => ({ rank, id, name, recorded, verified }))).toEqual([
      { rank: 1, id: world.unitA, name: '河庄街道', recorded: 2, verified: 1 },
      { rank: 2, id: world.unitB, name: '义蓬街道', recorded: 1, verified: 0 },
    ]);
  });

  it('gives the figures at each month’s end, the current month as of now', async () => {
    const from = new Date(Date.now() - 62 * 86_400_000);
    const points = (await expectData<{ rectificationTrend: Array<FiguresFields & { month: string }> }>(app.graphql, TREND, { scope: { tenantId: world.tenantId }, from: from.toISOString(), to: new Date().toISOString() }, world.districtAdmin.token))
      .rectificationTrend;
    expect(points.length).toBeGreaterThanOrEqual(3);
    const last = points[points.length - 1]!;
    const [earlier] = points;
    expect(earlier).toMatchObject({ recorded: 0, rate: null });
    expect(last).toMatchObject({ recorded: 3, verified: 1 });
    expect(new Date(earlier!.asOf).getTime()).toBeLessThan(new Date(last.asOf).getTime());
    expect(points.map((point) => point.month)).toEqual([...new Set(points.map((point) => point.month))].sort());
    expect(await errorCode(TREND, { scope: { tenantId: world.tenantId }, from: new Date().toISOString(), to: from.toISOString() }, world.districtAdmin.token)).toBe('BAD_USER_INPUT');
  });
});

describe('who may see which figures', () => {
  it('gives a city inspector its city and its districts, nothing of another city', async () => {
    expect((await statistics(world.cityInspector.token, { cityId: world.cityId })).recorded).toBe(4);
    expect((await statistics(world.cityInspector.token, { tenantId: world.siblingTenantId })).recorded).toBe(1);
    expect(await errorCode(STATISTICS, { scope: { cityId: world.otherCityId } }, world.cityInspector.token)).toBe('NOT_FOUND');
    expect(await errorCode(STATISTICS, { scope: { tenantId: world.otherCityTenantId } }, world.cityInspector.token)).toBe('NOT_FOUND');
    expect(await errorCode(DISTRICT_RANKING, { cityId: world.otherCityId }, world.cityInspector.token)).toBe('NOT_FOUND');
  });

  it('gives a district office its district and units, not its city or a sibling district', async () => {
    expect((await statistics(world.districtAdmin.token, { unitId: world.unitB })).recorded).toBe(1);
    expect(await errorCode(STATISTICS, { scope: { cityId: world.cityId } }, world.districtAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(STATISTICS, { scope: { tenantId: world.siblingTenantId } }, world.districtAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(STATISTICS, { scope: { unitId: world.siblingUnit } }, world.districtAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(DISTRICT_RANKING, { cityId: world.cityId }, world.districtAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(UNIT_RANKING, { tenantId: world.siblingTenantId }, world.districtAdmin.token)).toBe('NOT_FOUND');
  });

  it('gives a unit officer its own unit only', async () => {
    expect((await statistics(world.officerA.token, { unitId: world.unitA })).recorded).toBe(2);
    for (const scope of [{ unitId: world.unitB }, { tenantId: world.tenantId }, { inspectionId }, { cityId: world.cityId }]) {
      expect(await errorCode(STATISTICS, { scope }, world.officerA.token)).toBe('NOT_FOUND');
    }
    expect(await errorCode(UNIT_RANKING, { tenantId: world.tenantId }, world.officerA.token)).toBe('NOT_FOUND');
  });

  it('answers another city’s office as if the district did not exist, and refuses a scope that is not exactly one thing', async () => {
    expect(await errorCode(STATISTICS, { scope: { tenantId: world.tenantId } }, world.otherCityAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(STATISTICS, { scope: { unitId: world.unitA } }, world.otherCityAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(STATISTICS, { scope: { tenantId: world.tenantId, unitId: world.unitA } }, world.districtAdmin.token)).toBe('BAD_USER_INPUT');
    expect(await errorCode(STATISTICS, { scope: {} }, world.districtAdmin.token)).toBe('BAD_USER_INPUT');
  });
});
