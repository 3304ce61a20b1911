import { chinaDateOf } from '@zeren/domain';
import { eventCatalogue } from '@zeren/events';
import { ProjectionRegistry } from '../commands/projection-registry';
import { replayProjections } from '../maintenance/projection-replay';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { recordedFinding, recordFindingInput, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';

let app: TestApp;
let world: DistrictWorld;

/** Everything happens now, so the cycle is this (China) year's. */
const today = chinaDateOf(new Date());
const YEAR = Number(today.slice(0, 4));
const THIS_MONTH = today.slice(0, 7);
const JANUARY = `${YEAR}-01`;

const LIST_FIELDS = `id tenantId unitId year title version items { id title firstResponsible { personId name } }`;
const LETTER_FIELDS = `id tenantId year level unitId terms status signatories { party name title } signedOn version`;
const PLAN_FIELDS = `id tenantId year ownerUnitId status totalWeight weightedCompletion version projects { id category title weight completionPercent }`;
const REPORT_FIELDS = `id tenantId month dueDate status content attachmentHashes standing warning version`;
const ASSESSMENT = `query($year: Int!, $tenantId: ID, $rulesVersion: String) { assessment(year: $year, tenantId: $tenantId, rulesVersion: $rulesVersion) {
  year rulesVersion asOf ranking { tenantId unitId name rank total lines { criterion measured points events { tenantId tenantPosition streamId version type } } } } }`;

interface Line {
  criterion: string;
  measured: number;
  points: number;
  events: Array<{ tenantId: string; tenantPosition: string; streamId: string; version: number; type: string }>;
}
interface Score {
  tenantId: string;
  unitId: string | null;
  name: string;
  rank: number;
  total: number;
  lines: Line[];
}

const call = <T>(query: string, variables: Record<string, unknown>, token: string) => expectData<T>(app.graphql, query, variables, token);

async function errorCode(query: string, variables: Record<string, unknown>, token: string): Promise<{ code: unknown; message: string }> {
  const result = await app.graphql(query, variables, token);
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { code: error.extensions?.code, message: error.message };
}

const mutation = (name: string, input: string, fields: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} } }`;
const CREATE_LIST = mutation('createResponsibilityList', 'CreateResponsibilityListInput', LIST_FIELDS);
const ADD_ITEM = mutation('addResponsibilityItem', 'AddResponsibilityItemInput', LIST_FIELDS);
const DRAFT_LETTER = mutation('draftTargetLetter', 'DraftTargetLetterInput', LETTER_FIELDS);
const SIGN_LETTER = mutation('signTargetLetter', 'SignTargetLetterInput', LETTER_FIELDS);
const DRAFT_PLAN = mutation('draftKeyProjectPlan', 'DraftKeyProjectPlanInput', PLAN_FIELDS);
const ADD_PROJECT = mutation('addKeyProject', 'AddKeyProjectInput', PLAN_FIELDS);
const CONFIRM_PLAN = mutation('confirmKeyProjectPlan', 'ConfirmKeyProjectPlanInput', PLAN_FIELDS);
const REPORT_PROGRESS = mutation('reportKeyProjectProgress', 'ReportKeyProjectProgressInput', PLAN_FIELDS);
const SCHEDULE_REPORT = mutation('scheduleMonthlyReport', 'ScheduleMonthlyReportInput', REPORT_FIELDS);
const SUBMIT_REPORT = mutation('submitMonthlyReport', 'SubmitMonthlyReportInput', REPORT_FIELDS);

const signatories = [
  { party: 'ISSUER', name: '王明', title: '区委书记' },
  { party: 'RECIPIENT', name: '李华', title: '街道党工委书记' },
];
const project = (title: string, weight: number) => ({ category: 'REFORM_INNOVATION', title, weight, goal: '建成新时代文明实践站', milestones: [{ month: JANUARY, target: '完成选址' }] });

async function eventAt(tenantId: string, tenantPosition: string): Promise<{ stream_id: string; version: number; type: string }> {
  return withOwner(app.database, async (owner) => {
    const { rows } = await owner.query<{ stream_id: string; version: number; type: string }>(
      `SELECT stream_id, version, type FROM events WHERE tenant_id = $1 AND tenant_position = $2`,
      [tenantId, tenantPosition],
    );
    return rows[0]!;
  });
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
});
afterAll(() => app.close());

describe('the annual responsibility cycle', () => {
  let itemId: string;
  let listId: string;

  it('keeps a unit’s 责任清单 for the year; a second list for the same unit and year is refused', async () => {
    const created = await call<{ createResponsibilityList: { id: string; version: number } }>(
      CREATE_LIST,
      { input: { unitId: world.unitA, year: YEAR, title: `${YEAR}年度意识形态工作责任清单` } },
      world.districtAdmin.token,
    );
    listId = created.createResponsibilityList.id;
    const added = await call<{ addResponsibilityItem: { items: Array<{ id: string; firstResponsible: { name: string } }>; version: number } }>(
      ADD_ITEM,
      { input: { id: listId, expectedVersion: 1, title: '中心组学习', content: '每年集体学习不少于12次', firstResponsible: { name: '李华' } } },
      world.districtAdmin.token,
    );
    expect(added.addResponsibilityItem).toMatchObject({ version: 2, items: [{ firstResponsible: { name: '李华' } }] });
    itemId = added.addResponsibilityItem.items[0]!.id;
    expect(await errorCode(CREATE_LIST, { input: { unitId: world.unitA, year: YEAR, title: '重复' } }, world.districtAdmin.token)).toMatchObject({ code: 'INVALID_STATE' });
    expect(await errorCode(ADD_ITEM, { input: { id: listId, expectedVersion: 1, title: '旧版本', content: '内容', firstResponsible: { name: '李华' } } }, world.districtAdmin.token)).toMatchObject({
      code: 'CONFLICT',
    });
  });

  it('returns the first answer to a retried creation with the same idempotency key', async () => {
    const input = { unitId: world.unitB, year: YEAR, title: '义蓬责任清单', idempotencyKey: 'list-unit-b' };
    const first = await call<{ createResponsibilityList: { id: string; version: number } }>(CREATE_LIST, { input }, world.districtAdmin.token);
    const again = await call<{ createResponsibilityList: { id: string; version: number } }>(CREATE_LIST, { input }, world.districtAdmin.token);
    expect(again.createResponsibilityList).toEqual(first.createResponsibilityList);
  });

  it('lists under an item the findings whose basis cites it', async () => {
    const inspectionId = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'SELF_CHECK', unitIds: [world.unitA, world.unitB] });
    const citing = await call<{ recordFinding: { id: string } }>(
      `mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }`,
      { input: { ...recordFindingInput({ inspectionId, unitId: world.unitA }), basis: { kind: 'RESPONSIBILITY_ITEM', reference: itemId, text: '每年集体学习不少于12次' } } },
      world.districtAdmin.token,
    );
    await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA, title: '不引用清单的问题' });
    const lists = await call<{ responsibilityLists: Array<{ id: string }> }>(
      `query($year: Int!, $unitId: ID) { responsibilityLists(year: $year, unitId: $unitId) { id } }`,
      { year: YEAR, unitId: world.unitA },
      world.districtAdmin.token,
    );
    expect(lists.responsibilityLists.map((list) => list.id)).toEqual([listId]);
    const list = await call<{ responsibilityList: { items: Array<{ findings: Array<{ id: string }> }> } }>(
      `query($id: ID!) { responsibilityList(id: $id) { items { findings { id title status unitId } } } }`,
      { id: listId },
      world.districtAdmin.token,
    );
    expect(list.responsibilityList.items[0]!.findings.map((finding) => finding.id)).toEqual([citing.recordFinding.id]);
    // Unit B's liaison reads neither unit A's list nor its findings.
    const seenByB = await call<{ responsibilityLists: unknown[] }>(`query($year: Int!) { responsibilityLists(year: $year) { id unitId } }`, { year: YEAR }, world.officerB.token);
    expect(seenByB.responsibilityLists).toEqual([expect.objectContaining({ unitId: world.unitB })]);
  });

  it('signs letters city → district and district → unit, and shows the district which units have not signed', async () => {
    const cityLetter = await call<{ draftTargetLetter: { id: string; version: number } }>(
      DRAFT_LETTER,
      { input: { tenantId: world.tenantId, year: YEAR, level: 'CITY_DISTRICT', terms: ['落实意识形态工作责任制'] } },
      world.cityInspector.token,
    );
    const signed = await call<{ signTargetLetter: { status: string; signedOn: string } }>(
      SIGN_LETTER,
      { input: { id: cityLetter.draftTargetLetter.id, expectedVersion: 1, signatories, signedOn: today } },
      world.cityInspector.token,
    );
    expect(signed.signTargetLetter).toEqual({ ...signed.signTargetLetter, status: 'SIGNED', signedOn: today });
    // The district keeps its units' letters, not the city's.
    expect(await errorCode(DRAFT_LETTER, { input: { year: YEAR, level: 'CITY_DISTRICT', terms: ['条款'] } }, world.districtAdmin.token)).toMatchObject({ code: 'FORBIDDEN' });

    const unitLetter = await call<{ draftTargetLetter: { id: string } }>(DRAFT_LETTER, { input: { year: YEAR, level: 'DISTRICT_UNIT', unitId: world.unitA, terms: ['条款'] } }, world.districtAdmin.token);
    const UNSIGNED = `query($year: Int!) { unitsWithoutSignedLetter(year: $year) { id name } }`;
    const before = await call<{ unitsWithoutSignedLetter: Array<{ id: string }> }>(UNSIGNED, { year: YEAR }, world.districtAdmin.token);
    expect(before.unitsWithoutSignedLetter.map((unit) => unit.id).sort()).toEqual([world.unitA, world.unitB].sort());
    await call(SIGN_LETTER, { input: { id: unitLetter.draftTargetLetter.id, expectedVersion: 1, signatories, signedOn: today } }, world.districtAdmin.token);
    const after = await call<{ unitsWithoutSignedLetter: Array<{ id: string; name: string }> }>(UNSIGNED, { year: YEAR }, world.districtAdmin.token);
    expect(after.unitsWithoutSignedLetter).toEqual([{ id: world.unitB, name: '义蓬街道' }]);
  });

  it('confirms a key project plan only when its weights sum to 100, then takes monthly progress with evidence', async () => {
    const drafted = await call<{ draftKeyProjectPlan: { id: string } }>(DRAFT_PLAN, { input: { tenantId: world.tenantId, year: YEAR } }, world.cityInspector.token);
    const planId = drafted.draftKeyProjectPlan.id;
    await call(ADD_PROJECT, { input: { id: planId, expectedVersion: 1, ...project('阵地建设', 60) } }, world.cityInspector.token);
    const refused = await app.graphql(CONFIRM_PLAN, { input: { id: planId, expectedVersion: 2 } }, world.cityInspector.token);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    const two = await call<{ addKeyProject: { projects: Array<{ id: string }> } }>(ADD_PROJECT, { input: { id: planId, expectedVersion: 2, ...project('网络舆情', 40) } }, world.cityInspector.token);
    const confirmed = await call<{ confirmKeyProjectPlan: { status: string; totalWeight: number } }>(CONFIRM_PLAN, { input: { id: planId, expectedVersion: 3 } }, world.cityInspector.token);
    expect(confirmed.confirmKeyProjectPlan).toMatchObject({ status: 'CONFIRMED', totalWeight: 100 });
    const [first, second] = two.addKeyProject.projects;
    await call(REPORT_PROGRESS, { input: { id: planId, expectedVersion: 4, projectId: first!.id, month: JANUARY, completionPercent: 100, summary: '已建成', evidenceHashes: ['e'.repeat(64)] } }, world.districtAdmin.token);
    const reported = await call<{ reportKeyProjectProgress: { weightedCompletion: number } }>(
      REPORT_PROGRESS,
      { input: { id: planId, expectedVersion: 5, projectId: second!.id, month: JANUARY, completionPercent: 50, summary: '过半', evidenceHashes: [] } },
      world.districtAdmin.token,
    );
    // 60% × 100 + 40% × 50.
    expect(reported.reportKeyProjectProgress.weightedCompletion).toBe(80);
    const detail = await call<{ keyProjectPlan: { projects: Array<{ milestones: Array<{ month: string; standing: string; report: { completionPercent: number; evidenceHashes: string[] } }> }> } }>(
      `query($id: ID!) { keyProjectPlan(id: $id) { projects { milestones { month standing report { completionPercent evidenceHashes } } } } }`,
      { id: planId },
      world.districtAdmin.token,
    );
    expect(detail.keyProjectPlan.projects[0]!.milestones).toEqual([
      { month: JANUARY, standing: expect.stringMatching(/^(REPORTED|LATE)$/), report: { completionPercent: 100, evidenceHashes: ['e'.repeat(64)] } },
    ]);
  });

  it('flags monthly reports never sent or sent late, with the three-colour warning of one still owed', async () => {
    const schedule = (month: string, dueDate: string) =>
      call<{ scheduleMonthlyReport: { id: string; standing: string; warning: string | null } }>(SCHEDULE_REPORT, { input: { tenantId: world.tenantId, month, dueDate } }, world.cityInspector.token);
    const missing = await schedule(JANUARY, `${JANUARY}-01`);
    expect(missing.scheduleMonthlyReport).toMatchObject({ standing: 'MISSING', warning: 'RED' });
    const owed = await schedule(THIS_MONTH, `${YEAR}-12-31`);
    expect(owed.scheduleMonthlyReport.standing).toBe('PENDING');
    const submitted = await call<{ submitMonthlyReport: { standing: string; status: string } }>(
      SUBMIT_REPORT,
      { input: { id: missing.scheduleMonthlyReport.id, expectedVersion: 1, content: '一月舆情研判', attachmentHashes: ['f'.repeat(64)] } },
      world.districtAdmin.token,
    );
    expect(submitted.submitMonthlyReport).toMatchObject({ standing: 'LATE', status: 'SUBMITTED', warning: null, attachmentHashes: ['f'.repeat(64)] });
    expect(await errorCode(SCHEDULE_REPORT, { input: { tenantId: world.tenantId, month: JANUARY, dueDate: `${JANUARY}-05` } }, world.cityInspector.token)).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('ranks the district’s units with every score traced to events, and the city’s districts', async () => {
    const scheduled = await call<{ scheduleInterview: { id: string } }>(
      `mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }`,
      { input: { kind: 'ADMONITION', interviewerIds: [world.districtAdmin.id], interviewees: [{ personId: world.officerA.id }], reason: '整改滞后', scheduledAt: new Date().toISOString(), place: '区委会议室', confidential: false } },
      world.districtAdmin.token,
    );
    await call(
      `mutation($input: RecordInterviewHeldInput!) { recordInterviewHeld(input: $input) { id } }`,
      { input: { id: scheduled.scheduleInterview.id, expectedVersion: 1, minutes: '纪要' } },
      world.districtAdmin.token,
    );

    const units = await call<{ assessment: { rulesVersion: string; ranking: Score[] } }>(ASSESSMENT, { year: YEAR }, world.districtAdmin.token);
    const [best, worst] = units.assessment.ranking;
    // Unit B: no findings (full rectification marks) and nothing else; unit A: two open findings, one 约谈.
    expect(best).toMatchObject({ unitId: world.unitB, rank: 1 });
    expect(worst).toMatchObject({ unitId: world.unitA, rank: 2 });
    const line = (score: Score, criterion: string) => score.lines.find((candidate) => candidate.criterion === criterion)!;
    expect(line(worst!, 'RECTIFICATION_RATE')).toMatchObject({ measured: 0, points: 0 });
    expect(line(worst!, 'RECTIFICATION_RATE').events.map((event) => event.type)).toEqual(['FindingRecorded', 'FindingRecorded']);
    expect(line(worst!, 'INTERVIEWS_RECEIVED')).toMatchObject({ measured: 1, points: -5, events: [expect.objectContaining({ type: 'InterviewHeld' })] });
    expect(worst!.total).toBe(worst!.lines.reduce((sum, scoreLine) => sum + scoreLine.points, 0));

    // Each event named is in the district's chain at the place given.
    for (const event of worst!.lines.flatMap((scoreLine) => scoreLine.events)) {
      expect(await eventAt(event.tenantId, event.tenantPosition)).toEqual({ stream_id: event.streamId, version: event.version, type: event.type });
    }

    const districts = await call<{ assessment: { ranking: Score[] } }>(ASSESSMENT, { year: YEAR }, world.cityInspector.token);
    const qiantang = districts.assessment.ranking.find((score) => score.tenantId === world.tenantId)!;
    expect(qiantang.unitId).toBeNull();
    const lines = Object.fromEntries(qiantang.lines.map((scoreLine) => [scoreLine.criterion, scoreLine]));
    expect(lines.PROJECT_COMPLETION).toMatchObject({ measured: 80 });
    expect(lines.PROJECT_COMPLETION!.events.map((event) => event.type)).toEqual(['KeyProjectPlanConfirmed', 'KeyProjectProgressReported', 'KeyProjectProgressReported']);
    // January's report was sent late; this month's is not yet due.
    expect(lines.MONTHLY_REPORTS).toMatchObject({ measured: 1 });
    expect(districts.assessment.ranking.map((score) => score.tenantId)).not.toContain(world.otherCityTenantId);
  });

  it('recomputes the same year under another rule set, and refuses an unknown one', async () => {
    const [current, earlier] = await Promise.all(
      ['2026.1', '2025.1'].map((rulesVersion) => call<{ assessment: { rulesVersion: string; ranking: Score[] } }>(ASSESSMENT, { year: YEAR, rulesVersion }, world.districtAdmin.token)),
    );
    expect(earlier!.assessment.rulesVersion).toBe('2025.1');
    const unitB = (result: typeof current) => result!.assessment.ranking.find((score) => score.unitId === world.unitB)!.total;
    // Full rectification marks are worth 60 points under 2026.1 and 50 under 2025.1.
    expect([unitB(current), unitB(earlier)]).toEqual([60, 50]);
    expect(await errorCode(ASSESSMENT, { year: YEAR, rulesVersion: '1999.9' }, world.districtAdmin.token)).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('counts a confidential 约谈 for everyone but names it only to the people in it', async () => {
    const scheduled = await call<{ scheduleInterview: { id: string } }>(
      `mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }`,
      { input: { kind: 'ADMONITION', interviewerIds: [world.districtAdmin.id], interviewees: [{ personId: world.officerA.id }], reason: '保密约谈', scheduledAt: new Date().toISOString(), place: '区委会议室', confidential: true } },
      world.districtAdmin.token,
    );
    await call(
      `mutation($input: RecordInterviewHeldInput!) { recordInterviewHeld(input: $input) { id } }`,
      { input: { id: scheduled.scheduleInterview.id, expectedVersion: 1, minutes: '纪要' } },
      world.districtAdmin.token,
    );
    const interviewLine = async (token: string) => {
      const data = await call<{ assessment: { ranking: Score[] } }>(ASSESSMENT, { year: YEAR, tenantId: world.tenantId }, token);
      return data.assessment.ranking.find((score) => score.unitId === world.unitA)!.lines.find((line) => line.criterion === 'INTERVIEWS_RECEIVED')!;
    };
    const named = await interviewLine(world.districtAdmin.token);
    const notNamed = await interviewLine(world.auditor.token);
    expect([named.measured, notNamed.measured]).toEqual([2, 2]);
    expect(named.events.map((event) => event.streamId)).toContain(scheduled.scheduleInterview.id);
    expect(notNamed.events.map((event) => event.streamId)).not.toContain(scheduled.scheduleInterview.id);
    expect(notNamed.events).toHaveLength(1);
  });

  it('shows another district nothing', async () => {
    const LISTS = `query($year: Int!) { responsibilityLists(year: $year) { id } targetLetters(year: $year) { id } keyProjectPlans(year: $year) { id } monthlyReports(year: $year) { id } }`;
    const seen = await call<Record<string, unknown[]>>(LISTS, { year: YEAR }, world.siblingAdmin.token);
    expect(seen).toEqual({ responsibilityLists: [], targetLetters: [], keyProjectPlans: [], monthlyReports: [] });
    expect(await errorCode(ASSESSMENT, { year: YEAR, tenantId: world.tenantId }, world.siblingAdmin.token)).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('the responsibility projection', () => {
  it('rebuilds from the event log to exactly the live table', async () => {
    const projections = app.server.app.get(ProjectionRegistry).all().filter((projection) => projection.name === 'responsibility_records');
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, projections));
    expect(report.differences).toEqual([{ table: 'responsibility_records', onlyLive: 0, onlyRebuilt: 0 }]);
  });
});
