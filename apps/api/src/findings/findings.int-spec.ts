import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import {
  daysFromToday,
  FINDING_FIELDS,
  FINDING_MUTATION_INPUT_TYPES,
  recordedFinding,
  recordFindingInput,
  startedInspection,
  uploadEvidence,
  type FindingFields,
} from '../../test/fixtures/rectification';
import { startTestApp, type GraphQLResponse, type TestApp } from '../../test/test-app';

let app: TestApp;
let world: DistrictWorld;
/** A city inspection of the district, targeting both units, and a district self-check. */
let cityInspection: string;
let selfCheck: string;
let evidence: string[];

/** Runs a lifecycle mutation on a finding at its current version. */
async function act(mutation: string, token: string, finding: Pick<FindingFields, 'id' | 'version'>, input: Record<string, unknown> = {}): Promise<GraphQLResponse<Record<string, FindingFields>>> {
  return app.graphql<Record<string, FindingFields>>(
    `mutation($input: ${FINDING_MUTATION_INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { ${FINDING_FIELDS} } }`,
    { input: { id: finding.id, expectedVersion: finding.version, ...input } },
    token,
  );
}

/** The same, failing the test unless it succeeds; returns the finding as written. */
async function done(mutation: string, token: string, finding: Pick<FindingFields, 'id' | 'version'>, input: Record<string, unknown> = {}): Promise<FindingFields> {
  const result = await act(mutation, token, finding, input);
  if (!result.data) throw new Error(`${mutation}: ${JSON.stringify(result.errors)}`);
  return result.data[mutation]!;
}

const code = (result: GraphQLResponse<unknown>): unknown => result.errors?.[0]?.extensions?.code;

const plan = { measures: '制定学习计划，补足学习次数', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(30) };

/** Plan, then check in to 100% with evidence: ready to submit. */
async function rectified(finding: FindingFields, token = world.officerA.token): Promise<FindingFields> {
  const planned = await done('submitRectificationPlan', token, finding, plan);
  return done('checkInProgress', token, planned, { percent: 100, narrative: '已全部完成', evidence: [evidence[0]] });
}

async function newFinding(unitId = world.unitA, inspectionId = selfCheck): Promise<FindingFields> {
  return recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId });
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  cityInspection = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA, world.unitB] });
  selfCheck = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA, world.unitB] });
  evidence = [];
  for (const [content, name] of [
    ['中心组学习记录（第7至12次）', '学习记录.txt'],
    ['整改完成情况报告', '整改报告.txt'],
  ] as const) {
    const upload = await uploadEvidence(app.url, world.officerA.token, content, name);
    expect(upload.status).toBe(201);
    evidence.push(upload.body.sha256);
  }
});
afterAll(() => app.close());

describe('the rectification lifecycle', () => {
  it('runs record → plan → check-ins (one late) → submit → district review → city sign-off (销号)', async () => {
    const recorded = await recordedFinding(app.graphql, world.cityInspector.token, { inspectionId: cityInspection, unitId: world.unitA });
    expect(recorded).toMatchObject({ status: 'RECORDED', version: 1, tenantId: world.tenantId, unitId: world.unitA, checkInCount: 0 });

    const planned = await done('submitRectificationPlan', world.officerA.token, recorded, plan);
    expect(planned).toMatchObject({ status: 'PLAN_SUBMITTED', version: 2 });

    const first = await done('checkInProgress', world.officerA.token, planned, { percent: 40, narrative: '已开展3次集中学习', evidence: [evidence[0]] });
    expect(first).toMatchObject({ status: 'IN_PROGRESS', latestPercent: 40, checkInCount: 1, lateCheckInCount: 0, evidenceCount: 1 });

    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000);
    const late = await done('checkInProgress', world.officerA.token, first, { percent: 70, narrative: '补报上周的学习', evidence: [], effectiveAt: threeDaysAgo.toISOString() });
    expect(late).toMatchObject({ latestPercent: 70, checkInCount: 2, lateCheckInCount: 1 });

    const complete = await done('checkInProgress', world.officerA.token, late, { percent: 100, narrative: '全部完成', evidence: [evidence[0], evidence[1]] });
    expect(complete).toMatchObject({ latestPercent: 100, evidenceCount: 2 });

    const submitted = await done('submitForSignOff', world.officerA.token, complete, { note: '请审核' });
    expect(submitted.status).toBe('SUBMITTED');
    const passed = await done('passDistrictReview', world.districtAdmin.token, submitted, { comment: '同意' });
    expect(passed.status).toBe('DISTRICT_REVIEW_PASSED');
    const verified = await done('signOffFinding', world.cityInspector.token, passed, { comment: '予以销号' });
    expect(verified).toMatchObject({ status: 'VERIFIED', version: 8 });

    // The late check-in is visibly late: flagged, and its event carries the stated effective time.
    const detail = await expectData<{
      finding: { checkIns: { totalCount: number; edges: Array<{ node: { percent: number; late: boolean; effectiveAt: string | null; evidence: Array<{ filename: string }> } }> }; history: Array<{ type: string; effectiveAt: string | null; actorRole: string }> };
    }>(
      app.graphql,
      `{ finding(id: "${recorded.id}") { checkIns { totalCount edges { node { percent late effectiveAt evidence { filename } } } } history { type effectiveAt actorRole } } }`,
      {},
      world.districtAdmin.token,
    );
    expect(detail.finding.checkIns.totalCount).toBe(3);
    expect(detail.finding.checkIns.edges.map((edge) => [edge.node.percent, edge.node.late])).toEqual([
      [100, false],
      [70, true],
      [40, false],
    ]);
    expect(detail.finding.checkIns.edges[1]!.node.effectiveAt).toBe(threeDaysAgo.toISOString());
    expect(detail.finding.checkIns.edges[0]!.node.evidence.map((file) => file.filename)).toEqual(['学习记录.txt', '整改报告.txt']);
    const lateEvent = detail.finding.history.find((event) => event.type === 'ProgressCheckedIn' && event.effectiveAt);
    expect(lateEvent).toMatchObject({ effectiveAt: threeDaysAgo.toISOString(), actorRole: 'unit_officer' });
    expect(detail.finding.history.map((event) => event.type)).toEqual([
      'FindingRecorded',
      'RectificationPlanSubmitted',
      'ProgressCheckedIn',
      'ProgressCheckedIn',
      'ProgressCheckedIn',
      'RectificationSubmitted',
      'DistrictReviewPassed',
      'FindingVerified',
    ]);

    // 回头看: a follow-up of the city inspection reopens it with a fresh deadline.
    const followUp = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA], kind: 'FOLLOW_UP', followUpOfId: cityInspection });
    const reopened = await done('reopenFinding', world.cityInspector.token, verified, { followUpInspectionId: followUp, reason: '回头看发现学习记录不实', deadline: daysFromToday(30) });
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', reopenCount: 1, deadline: daysFromToday(30) });
    const notFollowUp = await act('reopenFinding', world.cityInspector.token, reopened, { followUpInspectionId: cityInspection, reason: 'x', deadline: daysFromToday(30) });
    expect(code(notFollowUp)).toBe('INVALID_STATE');
  });

  it('sends a rejected submission back to work, district and city alike, and asks for a new check-in first', async () => {
    const ready = await rectified(await newFinding());
    const submitted = await done('submitForSignOff', world.officerA.token, ready);
    const rejected = await done('rejectDistrictReview', world.districtAdmin.token, submitted, { reason: '佐证材料不全' });
    expect(rejected).toMatchObject({ status: 'IN_PROGRESS', lastRejection: { by: 'DISTRICT', reason: '佐证材料不全' } });
    const tooSoon = await act('submitForSignOff', world.officerA.token, rejected);
    expect(tooSoon.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'IN_PROGRESS' });

    const again = await done('checkInProgress', world.officerA.token, rejected, { percent: 100, narrative: '补充材料', evidence: [evidence[1]] });
    const passed = await done('passDistrictReview', world.districtAdmin.token, await done('submitForSignOff', world.officerA.token, again));
    const cityRejected = await done('rejectSignOff', world.cityInspector.token, passed, { reason: '整改不彻底' });
    expect(cityRejected).toMatchObject({ status: 'IN_PROGRESS', lastRejection: { by: 'CITY' } });
  });

  it('approves and refuses deadline extensions', async () => {
    const finding = await newFinding();
    const requested = await done('requestExtension', world.officerA.token, finding, { requestedDeadline: daysFromToday(90), reason: '需协调多部门' });
    expect(requested.pendingExtension).toEqual({ requestedDeadline: daysFromToday(90) });
    const twice = await act('requestExtension', world.officerA.token, requested, { requestedDeadline: daysFromToday(100), reason: '再次申请' });
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE' });
    const approved = await done('approveExtension', world.districtAdmin.token, requested, { comment: '同意' });
    expect(approved).toMatchObject({ deadline: daysFromToday(90), pendingExtension: null });

    const second = await done('requestExtension', world.officerA.token, approved, { requestedDeadline: daysFromToday(120), reason: '仍需时间' });
    const refused = await done('refuseExtension', world.cityInspector.token, second, { reason: '不予延期' });
    expect(refused).toMatchObject({ deadline: daysFromToday(90), pendingExtension: null });
    const nothingPending = await act('approveExtension', world.districtAdmin.token, refused);
    expect(nothingPending.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('reassigns a finding to another unit, which then sees it while the first one no longer does', async () => {
    const finding = await newFinding();
    const reassigned = await done('reassignFinding', world.districtAdmin.token, finding, { toUnitId: world.unitB, reason: '职责调整' });
    expect(reassigned.unitId).toBe(world.unitB);
    expect(code(await app.graphql(`{ finding(id: "${finding.id}") { id } }`, {}, world.officerA.token))).toBe('NOT_FOUND');
    expect((await expectData<{ finding: { id: string } }>(app.graphql, `{ finding(id: "${finding.id}") { id } }`, {}, world.officerB.token)).finding.id).toBe(finding.id);
    const foreign = await act('reassignFinding', world.districtAdmin.token, reassigned, { toUnitId: world.siblingUnit, reason: '越界' });
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { toUnitId: expect.any(String) } });
  });

  it('withdraws a finding; a withdrawn finding takes no more progress', async () => {
    const finding = await newFinding();
    const withdrawn = await done('withdrawFinding', world.districtAdmin.token, finding, { reason: '登记有误' });
    expect(withdrawn.status).toBe('WITHDRAWN');
    const refused = await act('submitRectificationPlan', world.officerA.token, withdrawn, plan);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'WITHDRAWN' });
    expect(refused.errors![0]!.message).toContain('已撤销');
  });

  it('refuses illegal transitions with INVALID_STATE naming the state', async () => {
    const finding = await newFinding();
    const early = await act('submitForSignOff', world.officerA.token, finding);
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'RECORDED', command: 'SubmitForSignOff' });
    expect(early.errors![0]!.message).toContain('待制定整改方案');
    // Review and sign-off are the district's and the city's at their stage only.
    expect(code(await act('signOffFinding', world.cityInspector.token, finding))).toBe('FORBIDDEN');
    expect(code(await act('passDistrictReview', world.officerA.token, finding))).toBe('FORBIDDEN');
    expect(code(await act('withdrawFinding', world.auditor.token, finding, { reason: 'x' }))).toBe('FORBIDDEN');
  });

  it('refuses a finding in an inspection that is not under way, or against another district’s unit', async () => {
    const planned = await expectData<{ planInspection: { id: string } }>(
      app.graphql,
      'mutation($input: PlanInspectionInput!) { planInspection(input: $input) { id } }',
      { input: { title: '未开始', kind: 'SELF_CHECK', target: { scope: 'UNITS', unitIds: [world.unitA] }, periodStart: daysFromToday(0), periodEnd: daysFromToday(1), team: [{ name: '组长' }] } },
      world.districtAdmin.token,
    );
    const notStarted = await app.graphql('mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }', { input: recordFindingInput({ inspectionId: planned.planInspection.id, unitId: world.unitA }) }, world.districtAdmin.token);
    expect(notStarted.errors![0]!.extensions).toMatchObject({ code: 'INVALID_STATE', currentState: 'PLANNED' });
    const foreign = await app.graphql('mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }', { input: recordFindingInput({ inspectionId: selfCheck, unitId: world.siblingUnit }) }, world.districtAdmin.token);
    expect(foreign.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { unitId: expect.any(String) } });
    const byOfficer = await app.graphql('mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }', { input: recordFindingInput({ inspectionId: selfCheck, unitId: world.unitA }) }, world.officerA.token);
    expect(code(byOfficer)).toBe('FORBIDDEN');
  });

  it('refuses a check-in citing evidence that was never uploaded', async () => {
    const planned = await done('submitRectificationPlan', world.officerA.token, await newFinding(), plan);
    const missing = await act('checkInProgress', world.officerA.token, planned, { percent: 10, narrative: '开始', evidence: ['f'.repeat(64)] });
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { evidence: expect.stringContaining('f'.repeat(64)) } });
  });
});

describe('concurrency and retries', () => {
  it('answers CONFLICT with both versions when the finding moved on', async () => {
    const finding = await newFinding();
    await done('submitRectificationPlan', world.officerA.token, finding, plan);
    const stale = await act('requestExtension', world.officerA.token, finding, { requestedDeadline: daysFromToday(90), reason: '迟到的请求' });
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 1, actualVersion: 2 });
  });

  it('answers a retry with the first answer, and refuses the same key for a different request', async () => {
    const finding = await newFinding();
    const input = { ...plan, idempotencyKey: `plan-${finding.id}` };
    const first = await act('submitRectificationPlan', world.officerA.token, finding, input);
    const retry = await act('submitRectificationPlan', world.officerA.token, finding, input);
    expect(retry.data).toEqual(first.data);
    const history = await expectData<{ finding: { history: unknown[] } }>(app.graphql, `{ finding(id: "${finding.id}") { history { type } } }`, {}, world.officerA.token);
    expect(history.finding.history).toHaveLength(2);
    const reused = await act('submitRectificationPlan', world.officerA.token, finding, { ...input, measures: '另一套措施' });
    expect(code(reused)).toBe('IDEMPOTENCY_KEY_REUSED');

    const recordedOnce = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: selfCheck, unitId: world.unitA, idempotencyKey: 'record-once' });
    const recordedAgain = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: selfCheck, unitId: world.unitA, idempotencyKey: 'record-once' });
    expect(recordedAgain.id).toBe(recordedOnce.id);
    const different = await app.graphql('mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }', { input: recordFindingInput({ inspectionId: selfCheck, unitId: world.unitA, idempotencyKey: 'record-once', title: '另一个问题' }) }, world.districtAdmin.token);
    expect(code(different)).toBe('IDEMPOTENCY_KEY_REUSED');
  });
});

describe('who sees which finding', () => {
  let ofA: FindingFields;
  let ofB: FindingFields;

  beforeAll(async () => {
    ofA = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: selfCheck, unitId: world.unitA, title: '可见性测试：河庄的问题' });
    ofB = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: selfCheck, unitId: world.unitB, title: '可见性测试：义蓬的问题' });
  });

  const ledger = async (token: string, filter: Record<string, unknown>) =>
    (
      await expectData<{ findings: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
        app.graphql,
        'query($filter: FindingFilter) { findings(first: 100, filter: $filter) { totalCount edges { node { id } } } }',
        { filter },
        token,
      )
    ).findings;

  it('keeps a unit officer to its own unit: NOT_FOUND by id, absent from lists and counts', async () => {
    expect(code(await app.graphql(`{ finding(id: "${ofB.id}") { id } }`, {}, world.officerA.token))).toBe('NOT_FOUND');
    expect(code(await act('checkInProgress', world.officerA.token, ofB, { percent: 10, narrative: 'x', evidence: [] }))).toBe('NOT_FOUND');
    const officer = await ledger(world.officerA.token, { search: '可见性测试' });
    expect(officer).toEqual({ totalCount: 1, edges: [{ node: { id: ofA.id } }] });
    const admin = await ledger(world.districtAdmin.token, { search: '可见性测试' });
    expect(admin.totalCount).toBe(2);
    const byUnit = await ledger(world.officerA.token, { unitId: world.unitB });
    expect(byUnit.totalCount).toBe(0);
  });

  it('keeps other districts out: by id, through an inspection, and through filters', async () => {
    for (const token of [world.otherCityAdmin.token, world.siblingAdmin.token]) {
      expect(code(await app.graphql(`{ finding(id: "${ofA.id}") { id } }`, {}, token))).toBe('NOT_FOUND');
      expect(code(await app.graphql(`{ inspection(id: "${selfCheck}") { findings { totalCount } } }`, {}, token))).toBe('NOT_FOUND');
      expect((await ledger(token, { inspectionId: selfCheck })).totalCount).toBe(0);
      expect((await ledger(token, { tenantId: world.tenantId })).totalCount).toBe(0);
      expect(code(await act('withdrawFinding', token, ofA, { reason: '越权' }))).toBe('NOT_FOUND');
    }
    const otherCityInspector = await app.graphql(`{ finding(id: "${ofA.id}", asOf: "${new Date().toISOString()}") { id } }`, {}, world.otherCityAdmin.token);
    expect(code(otherCityInspector)).toBe('NOT_FOUND');
  });

  it('lets the city inspector and the auditor read the district’s findings', async () => {
    expect((await ledger(world.cityInspector.token, { search: '可见性测试' })).totalCount).toBe(2);
    expect((await ledger(world.auditor.token, { search: '可见性测试' })).totalCount).toBe(2);
    expect((await ledger(world.platformToken, {})).totalCount).toBe(0);
  });
});
