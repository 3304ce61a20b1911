import { addDays, chinaDateOf } from '@zeren/domain';
import { eventCatalogue } from '@zeren/events';
import { ProjectionRegistry } from '../commands/projection-registry';
import { replayProjections } from '../maintenance/projection-replay';
import { expectData, setUpDistrictWorld, type Account, type DistrictWorld } from '../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';

let app: TestApp;
let world: DistrictWorld;

const FIELDS = `id tenantId kind status confidential interviewerIds interviewees { personId name unitId } findingIds reason scheduledAt place
  rescheduleCount heldAt minutes commitments { id text dueDate fulfilledAt note overdue } overdueCommitmentCount cancelledAt cancellationReason version asOf`;

interface InterviewFields {
  id: string;
  tenantId: string;
  kind: string;
  status: string;
  confidential: boolean;
  interviewerIds: string[];
  interviewees: Array<{ personId: string; name: string; unitId: string }>;
  findingIds: string[];
  reason: string;
  scheduledAt: string;
  place: string;
  rescheduleCount: number;
  heldAt: string | null;
  minutes: string | null;
  commitments: Array<{ id: string; text: string; dueDate: string; fulfilledAt: string | null; note: string | null; overdue: boolean }>;
  overdueCommitmentCount: number;
  cancelledAt: string | null;
  cancellationReason: string | null;
  version: number;
  asOf: string | null;
}

const SCHEDULE = `mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { ${FIELDS} } }`;
const RESCHEDULE = `mutation($input: RescheduleInterviewInput!) { rescheduleInterview(input: $input) { ${FIELDS} } }`;
const HOLD = `mutation($input: RecordInterviewHeldInput!) { recordInterviewHeld(input: $input) { ${FIELDS} } }`;
const FULFIL = `mutation($input: FulfilCommitmentInput!) { fulfilCommitment(input: $input) { ${FIELDS} } }`;
const CANCEL = `mutation($input: CancelInterviewInput!) { cancelInterview(input: $input) { ${FIELDS} } }`;
const ONE = `query($id: ID!, $asOf: DateTime) { interview(id: $id, asOf: $asOf) { ${FIELDS} } }`;
const LIST = `query($filter: InterviewFilter, $order: InterviewOrder, $first: Int, $after: String) {
  interviews(filter: $filter, order: $order, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id status } } } }`;

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();
const today = (): string => chinaDateOf(new Date());

async function schedule(token: string, input: Record<string, unknown>): Promise<InterviewFields> {
  const data = await expectData<{ scheduleInterview: InterviewFields }>(
    app.graphql,
    SCHEDULE,
    {
      input: {
        kind: 'ADMONITION',
        interviewerIds: [world.districtAdmin.id],
        interviewees: [{ personId: world.officerA.id }],
        reason: '整改进度严重滞后',
        scheduledAt: inDays(3),
        place: '区委第三会议室',
        confidential: false,
        ...input,
      },
    },
    token,
  );
  return data.scheduleInterview;
}

async function errorOf(query: string, variables: Record<string, unknown>, token: string): Promise<{ code: string; message: string; extensions: Record<string, unknown> }> {
  const result = await app.graphql(query, variables, token);
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { code: String(error.extensions?.code), message: error.message, extensions: error.extensions ?? {} };
}

async function listed(token: string, filter: Record<string, unknown> = {}): Promise<{ ids: string[]; totalCount: number }> {
  const data = await expectData<{ interviews: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(app.graphql, LIST, { filter, first: 100 }, token);
  return { ids: data.interviews.edges.map((edge) => edge.node.id), totalCount: data.interviews.totalCount };
}

async function interviewEvents(id: string): Promise<string[]> {
  return withOwner(app.database, async (owner) => (await owner.query<{ type: string }>(`SELECT type FROM events WHERE stream_id = $1 ORDER BY version`, [id])).rows.map((row) => row.type));
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
});
afterAll(() => app.close());

describe('scheduling and recording an interview (约谈)', () => {
  it('schedules one, naming people from the district’s records, as an event in its chain', async () => {
    const interview = await schedule(world.districtAdmin.token, { kind: 'REMINDER' });
    expect(interview).toMatchObject({
      tenantId: world.tenantId,
      kind: 'REMINDER',
      status: 'SCHEDULED',
      confidential: false,
      interviewerIds: [world.districtAdmin.id],
      interviewees: [{ personId: world.officerA.id, name: '河庄联络员', unitId: world.unitA }],
      rescheduleCount: 0,
      minutes: null,
      commitments: [],
      version: 1,
      asOf: null,
    });
    expect(await interviewEvents(interview.id)).toEqual(['InterviewScheduled']);
  });

  it('answers a retry with the same idempotency key with the first interview, and refuses the key for another request', async () => {
    const idempotencyKey = `schedule-${Date.now()}`;
    const first = await schedule(world.districtAdmin.token, { idempotencyKey, place: '会议室甲' });
    const retry = await schedule(world.districtAdmin.token, { idempotencyKey, place: '会议室甲', scheduledAt: first.scheduledAt });
    expect(retry.id).toBe(first.id);
    expect(await interviewEvents(first.id)).toEqual(['InterviewScheduled']);
    const reused = await errorOf(SCHEDULE, { input: { kind: 'ADMONITION', interviewerIds: [world.districtAdmin.id], interviewees: [{ personId: world.officerB.id }], reason: '另一件事', scheduledAt: inDays(4), place: '会议室乙', confidential: false, idempotencyKey } }, world.districtAdmin.token);
    expect(reused.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('reschedules with the version read, and refuses a stale version with CONFLICT', async () => {
    const interview = await schedule(world.districtAdmin.token, {});
    const moved = await expectData<{ rescheduleInterview: InterviewFields }>(
      app.graphql,
      RESCHEDULE,
      { input: { id: interview.id, expectedVersion: 1, scheduledAt: inDays(5), place: '区委第一会议室', reason: '会议冲突' } },
      world.districtAdmin.token,
    );
    expect(moved.rescheduleInterview).toMatchObject({ rescheduleCount: 1, place: '区委第一会议室', version: 2 });
    const stale = await errorOf(RESCHEDULE, { input: { id: interview.id, expectedVersion: 1, scheduledAt: inDays(6), reason: '再次调整' } }, world.districtAdmin.token);
    expect(stale).toMatchObject({ code: 'CONFLICT', extensions: expect.objectContaining({ expectedVersion: 1, actualVersion: 2 }) });
  });

  it('records it as held with minutes and commitments, tracks a commitment to fulfilment once, and refuses what the state forbids', async () => {
    const interview = await schedule(world.districtAdmin.token, {});
    const held = (
      await expectData<{ recordInterviewHeld: InterviewFields }>(
        app.graphql,
        HOLD,
        {
          input: {
            id: interview.id,
            expectedVersion: 1,
            minutes: '指出问题，提出要求，被约谈人作出表态。',
            commitments: [
              { text: '月底前完成全部整改', dueDate: addDays(today(), 20) },
              { text: '每周报送整改进展', dueDate: addDays(today(), 7) },
            ],
          },
        },
        world.districtAdmin.token,
      )
    ).recordInterviewHeld;
    expect(held).toMatchObject({ status: 'HELD', minutes: '指出问题，提出要求，被约谈人作出表态。', version: 2, overdueCommitmentCount: 0 });
    expect(held.heldAt).not.toBeNull();
    expect(held.commitments.map((c) => [c.text, c.fulfilledAt, c.overdue])).toEqual([
      ['月底前完成全部整改', null, false],
      ['每周报送整改进展', null, false],
    ]);

    const fulfil = { id: interview.id, expectedVersion: 2, commitmentId: held.commitments[1]!.id, note: '已按周报送' };
    const officerTry = await errorOf(FULFIL, { input: fulfil }, world.officerA.token);
    expect(officerTry.code).toBe('FORBIDDEN');
    const fulfilled = (await expectData<{ fulfilCommitment: InterviewFields }>(app.graphql, FULFIL, { input: fulfil }, world.districtAdmin.token)).fulfilCommitment;
    expect(fulfilled.commitments[1]).toMatchObject({ note: '已按周报送', fulfilledAt: expect.any(String) });
    expect(fulfilled.commitments[0]!.fulfilledAt).toBeNull();

    expect((await errorOf(FULFIL, { input: { ...fulfil, expectedVersion: 3 } }, world.districtAdmin.token)).code).toBe('INVALID_STATE');
    expect((await errorOf(FULFIL, { input: { ...fulfil, expectedVersion: 3, commitmentId: interview.id } }, world.districtAdmin.token)).code).toBe('BAD_USER_INPUT');
    expect((await errorOf(CANCEL, { input: { id: interview.id, expectedVersion: 3, reason: '取消' } }, world.districtAdmin.token)).code).toBe('INVALID_STATE');
    expect(await interviewEvents(interview.id)).toEqual(['InterviewScheduled', 'InterviewHeld', 'CommitmentFulfilled']);
  });

  it('refuses commitments due before the interview and a held time in the future', async () => {
    const interview = await schedule(world.districtAdmin.token, {});
    const early = await errorOf(HOLD, { input: { id: interview.id, expectedVersion: 1, minutes: '纪要', commitments: [{ text: '整改', dueDate: addDays(today(), -1) }] } }, world.districtAdmin.token);
    expect(early).toMatchObject({ code: 'BAD_USER_INPUT', extensions: expect.objectContaining({ fields: { 'commitments.0.dueDate': expect.any(String) } }) });
    const future = await errorOf(HOLD, { input: { id: interview.id, expectedVersion: 1, minutes: '纪要', heldAt: inDays(1) } }, world.districtAdmin.token);
    expect(future).toMatchObject({ code: 'BAD_USER_INPUT', extensions: expect.objectContaining({ fields: { heldAt: expect.any(String) } }) });
  });

  it('cancels a scheduled interview, after which nothing more can be recorded', async () => {
    const interview = await schedule(world.districtAdmin.token, {});
    const cancelled = (await expectData<{ cancelInterview: InterviewFields }>(app.graphql, CANCEL, { input: { id: interview.id, expectedVersion: 1, reason: '被约谈人已调离' } }, world.districtAdmin.token))
      .cancelInterview;
    expect(cancelled).toMatchObject({ status: 'CANCELLED', cancellationReason: '被约谈人已调离', cancelledAt: expect.any(String) });
    expect((await errorOf(HOLD, { input: { id: interview.id, expectedVersion: 2, minutes: '纪要' } }, world.districtAdmin.token)).code).toBe('INVALID_STATE');
  });

  it('lets a city inspector schedule in a district of its city, naming itself, but not without naming the district', async () => {
    const interview = await schedule(world.cityInspector.token, { tenantId: world.tenantId, interviewerIds: [world.cityInspector.id], kind: 'CAUTION' });
    expect(interview).toMatchObject({ tenantId: world.tenantId, kind: 'CAUTION', interviewerIds: [world.cityInspector.id] });
    const noDistrict = await errorOf(SCHEDULE, { input: { kind: 'CAUTION', interviewerIds: [world.cityInspector.id], interviewees: [{ personId: world.officerA.id }], reason: '诫勉', scheduledAt: inDays(2), place: '市委', confidential: false } }, world.cityInspector.token);
    expect(noDistrict).toMatchObject({ code: 'BAD_USER_INPUT', extensions: expect.objectContaining({ fields: { tenantId: expect.any(String) } }) });
  });

  it('links findings of the district, and refuses people and findings that are not the district’s', async () => {
    const inspectionId = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA] });
    const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA });
    const linked = await schedule(world.districtAdmin.token, { findingIds: [finding.id] });
    expect(linked.findingIds).toEqual([finding.id]);
    expect((await listed(world.districtAdmin.token, { findingId: finding.id })).ids).toEqual([linked.id]);

    const bad = await errorOf(
      SCHEDULE,
      {
        input: {
          kind: 'ADMONITION',
          interviewerIds: [world.otherCityAdmin.id],
          interviewees: [{ personId: world.siblingAdmin.id }, { personId: world.auditor.id }],
          reason: '越界',
          findingIds: [world.unitA],
          scheduledAt: inDays(2),
          place: '某地',
          confidential: false,
        },
      },
      world.districtAdmin.token,
    );
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(Object.keys(bad.extensions['fields'] as object).sort()).toEqual(['findingIds.0', 'interviewees.0.personId', 'interviewees.1.unitId', 'interviewerIds.0']);
  });

  it('refuses a unit officer (FORBIDDEN) and a district of another city (NOT_FOUND)', async () => {
    expect((await errorOf(SCHEDULE, { input: { kind: 'ADMONITION', interviewerIds: [world.officerA.id], interviewees: [{ personId: world.officerB.id }], reason: '越权', scheduledAt: inDays(2), place: '某地', confidential: false } }, world.officerA.token)).code).toBe('FORBIDDEN');
    const foreign = await errorOf(
      SCHEDULE,
      { input: { tenantId: world.tenantId, kind: 'ADMONITION', interviewerIds: [world.otherCityAdmin.id], interviewees: [{ personId: world.officerA.id }], reason: '越权', scheduledAt: inDays(2), place: '某地', confidential: false } },
      world.otherCityAdmin.token,
    );
    expect(foreign.code).toBe('NOT_FOUND');
    const interview = await schedule(world.districtAdmin.token, {});
    expect((await errorOf(CANCEL, { input: { id: interview.id, expectedVersion: 1, reason: '越权' } }, world.otherCityAdmin.token)).code).toBe('NOT_FOUND');
    expect((await errorOf(CANCEL, { input: { id: interview.id, expectedVersion: 1, reason: '越权' } }, world.auditor.token)).code).toBe('FORBIDDEN');
  });
});

describe('who sees an interview', () => {
  let open: InterviewFields;
  let secret: InterviewFields;
  const missingId = '6c1e0f3a-1111-4111-8111-111111111111';

  beforeAll(async () => {
    open = await schedule(world.districtAdmin.token, { reason: '公开约谈' });
    secret = await schedule(world.districtAdmin.token, { reason: '保密约谈', confidential: true, interviewees: [{ personId: world.officerB.id }] });
    await expectData(app.graphql, HOLD, { input: { id: secret.id, expectedVersion: 1, minutes: '保密纪要' } }, world.districtAdmin.token);
  });

  const visibleTo = async (account: Account, id: string): Promise<boolean> => {
    const result = await app.graphql<{ interview: InterviewFields }>(ONE, { id }, account.token);
    if (result.data?.interview) return true;
    const missing = await app.graphql(ONE, { id: missingId }, account.token);
    // Invisible answers exactly like absent: same code, same message.
    expect(result.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect(result.errors![0]!.message).toBe(missing.errors![0]!.message);
    return false;
  };

  it('shows a confidential interview, minutes included, only to the people named in it', async () => {
    expect(await visibleTo(world.districtAdmin, secret.id)).toBe(true);
    expect(await visibleTo(world.officerB, secret.id)).toBe(true);
    expect(await visibleTo(world.officerA, secret.id)).toBe(false);
    expect(await visibleTo(world.auditor, secret.id)).toBe(false);
    expect(await visibleTo(world.cityInspector, secret.id)).toBe(false);
    expect(await visibleTo(world.otherCityAdmin, secret.id)).toBe(false);
    const asNamed = await expectData<{ interview: InterviewFields }>(app.graphql, ONE, { id: secret.id }, world.officerB.token);
    expect(asNamed.interview.minutes).toBe('保密纪要');
  });

  it('leaves it out of the lists and counts of everyone else', async () => {
    for (const account of [world.auditor, world.cityInspector, world.officerA]) {
      const { ids, totalCount } = await listed(account.token);
      expect(ids).not.toContain(secret.id);
      expect(totalCount).toBe(ids.length);
    }
    const forNamed = await listed(world.officerB.token);
    expect(forNamed.ids).toContain(secret.id);
  });

  it('shows a non-confidential interview to the district’s readers and its city, to a unit officer only when named, to no other city', async () => {
    expect(await visibleTo(world.auditor, open.id)).toBe(true);
    expect(await visibleTo(world.cityInspector, open.id)).toBe(true);
    expect(await visibleTo(world.officerA, open.id)).toBe(true);
    expect(await visibleTo(world.officerB, open.id)).toBe(false);
    expect(await visibleTo(world.siblingAdmin, open.id)).toBe(false);
    expect(await visibleTo(world.otherCityAdmin, open.id)).toBe(false);
    expect((await listed(world.otherCityAdmin.token)).totalCount).toBe(0);
    const asAuditor = await expectData<{ interview: InterviewFields }>(app.graphql, ONE, { id: open.id }, world.auditor.token);
    expect(asAuditor.interview.reason).toBe('公开约谈');
  });
});

describe('the interview list and calendar', () => {
  let march: InterviewFields;
  let overdue: InterviewFields;

  beforeAll(async () => {
    march = await schedule(world.districtAdmin.token, { scheduledAt: '2027-03-15T02:00:00.000Z', kind: 'CAUTION', interviewees: [{ personId: world.officerB.id }] });
    await schedule(world.districtAdmin.token, { scheduledAt: '2027-04-01T01:00:00.000Z', kind: 'CAUTION' });
    overdue = await schedule(world.districtAdmin.token, { kind: 'REMINDER' });
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000);
    await expectData(
      app.graphql,
      HOLD,
      { input: { id: overdue.id, expectedVersion: 1, heldAt: tenDaysAgo.toISOString(), minutes: '补记', commitments: [{ text: '五天内整改', dueDate: addDays(chinaDateOf(tenDaysAgo), 5) }] } },
      world.districtAdmin.token,
    );
  });

  it('finds the interviews of a calendar month (China time), by kind, status and unit', async () => {
    // 2027-04-01T01:00Z is 09:00 on 1 April in China: April, not March.
    expect((await listed(world.districtAdmin.token, { months: { from: '2027-03' } })).ids).toEqual([march.id]);
    expect((await listed(world.districtAdmin.token, { months: { from: '2027-03', to: '2027-04' }, kind: 'CAUTION' })).totalCount).toBe(2);
    expect((await listed(world.districtAdmin.token, { months: { from: '2027-03', to: '2027-04' }, unitId: world.unitB })).ids).toEqual([march.id]);
    const held = await listed(world.districtAdmin.token, { statuses: ['HELD'] });
    expect(held.ids).toContain(overdue.id);
    expect(held.ids).not.toContain(march.id);
    const badMonth = await errorOf(LIST, { filter: { months: { from: '2027-3' } } }, world.districtAdmin.token);
    expect(badMonth).toMatchObject({ code: 'BAD_USER_INPUT', extensions: expect.objectContaining({ fields: { 'filter.months.from': expect.any(String) } }) });
  });

  it('finds interviews with overdue commitments, and shows which are overdue', async () => {
    const withOverdue = await listed(world.districtAdmin.token, { hasOverdueCommitments: true });
    expect(withOverdue.ids).toEqual([overdue.id]);
    expect((await listed(world.districtAdmin.token, { hasOverdueCommitments: false })).ids).not.toContain(overdue.id);
    const shown = await expectData<{ interview: InterviewFields }>(app.graphql, ONE, { id: overdue.id }, world.districtAdmin.token);
    expect(shown.interview).toMatchObject({ overdueCommitmentCount: 1, commitments: [{ overdue: true }] });
  });

  it('serves a full page of interviews with every field in one query, within the query cost limit', async () => {
    const full = await app.graphql<{ interviews: { edges: Array<{ node: InterviewFields }> } }>(
      `query { interviews(first: 20) { totalCount edges { cursor node { ${FIELDS} } } } }`,
      {},
      world.districtAdmin.token,
    );
    expect(full.errors).toBeUndefined();
    expect(full.data!.interviews.edges.length).toBeGreaterThan(0);
  });

  it('pages with cursors in either order, and refuses a forged cursor', async () => {
    const all = await listed(world.districtAdmin.token);
    const pages: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { interviews: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ node: { id: string } }>; totalCount: number } } = await expectData(
        app.graphql,
        LIST,
        { first: 3, after, order: 'SCHEDULED_AT_DESC' },
        world.districtAdmin.token,
      );
      pages.push(...page.interviews.edges.map((edge) => edge.node.id));
      expect(page.interviews.totalCount).toBe(all.totalCount);
      if (!page.interviews.pageInfo.hasNextPage) break;
      after = page.interviews.pageInfo.endCursor;
    }
    expect(pages).toEqual([...all.ids].reverse());
    expect((await errorOf(LIST, { first: 3, after: 'not-a-cursor' }, world.districtAdmin.token)).code).toBe('BAD_USER_INPUT');
  });
});

describe('an interview as of a past instant', () => {
  it('is folded from the events recorded up to then: no minutes before it was held, nothing before it was scheduled', async () => {
    const before = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const interview = await schedule(world.districtAdmin.token, {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    const scheduledOnly = new Date();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expectData(app.graphql, HOLD, { input: { id: interview.id, expectedVersion: 1, minutes: '后来的纪要' } }, world.districtAdmin.token);

    const then = await expectData<{ interview: InterviewFields }>(app.graphql, ONE, { id: interview.id, asOf: scheduledOnly.toISOString() }, world.districtAdmin.token);
    expect(then.interview).toMatchObject({ status: 'SCHEDULED', minutes: null, version: 1, asOf: scheduledOnly.toISOString() });
    const now = await expectData<{ interview: InterviewFields }>(app.graphql, ONE, { id: interview.id }, world.districtAdmin.token);
    expect(now.interview).toMatchObject({ status: 'HELD', minutes: '后来的纪要', version: 2 });
    expect((await errorOf(ONE, { id: interview.id, asOf: before.toISOString() }, world.districtAdmin.token)).code).toBe('NOT_FOUND');
  });
});

describe('the interviews projection', () => {
  it('rebuilds from the event log to exactly the live tables', async () => {
    const projections = app.server.app.get(ProjectionRegistry).all().filter((projection) => projection.name === 'interviews');
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, projections));
    expect(report.differences).toEqual([
      { table: 'interviews', onlyLive: 0, onlyRebuilt: 0 },
      { table: 'interview_commitments', onlyLive: 0, onlyRebuilt: 0 },
    ]);
  });
});
