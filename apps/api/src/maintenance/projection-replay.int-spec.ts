import { randomUUID } from 'node:crypto';
import { addDays, chinaDateOf, findingDecider, fold, interviewDecider, unitDecider, type Actor, type Decider } from '@zeren/domain';
import { eventCatalogue } from '@zeren/events';
import { ProjectionRegistry } from '../commands/projection-registry';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import { setUpDistrictWorld, type Account, type DistrictWorld } from '../../test/fixtures/district';
import { startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { replayProjections } from './projection-replay';

let app: TestApp;
let world: DistrictWorld;

const MINUTE = 60_000;
/** The instants the history below is decided at: minute n after the start of the test's next minute. */
const start = Math.ceil(Date.now() / MINUTE) * MINUTE;
const at = (minute: number): Date => new Date(start + minute * MINUTE);
const dayOf = (minute: number): string => chinaDateOf(at(minute));
const EVIDENCE = ['a', 'b'].map((digit) => digit.repeat(64));

const ids = { reopened: randomUUID(), withdrawnAtOnce: randomUUID(), rejected: randomUUID(), held: randomUUID(), cancelled: randomUUID(), moved: randomUUID(), child: randomUUID() };
const commitments = [randomUUID(), randomUUID()];

function actor(account: Account, role: Actor['role'], unitId: string | null = null): Actor {
  return { kind: 'user', id: account.id, role, cityId: role === 'city_inspector' ? world.cityId : null, tenantId: role === 'city_inspector' ? null : world.tenantId, unitId };
}

/**
 * Decides a command with the domain's decider at an instant of the test's choosing (so several
 * changes can share one instant) and appends it through the product's append path: the event
 * store, then the inline projections, in one scoped transaction.
 */
async function decideAt<State, Command>(decider: Decider<State, Command, { type: string; data: unknown }>, streamId: string, command: Command, by: Actor, minute: number): Promise<void> {
  const store = app.server.app.get(EventStore);
  const tenantId = world.tenantId;
  await app.server.app.get(ScopedTransactions).run({ tenantIds: [tenantId] }, async (sql) => {
    const history = await store.readStream(sql, tenantId, streamId);
    const events = decider.decide(fold(decider, history), command, { actor: by, now: at(minute), tenantId });
    const appended = await store.append(sql, {
      tenantId,
      streamId,
      expectedVersion: history.length,
      events: events.map(({ type, data }) => ({ type, data })),
      metadata: { actorId: by.id, actorRole: by.role, actingForTenantId: tenantId, requestId: randomUUID() },
      recordedAt: at(minute),
    });
    await app.server.app.get(ProjectionRegistry).apply(sql, appended.recorded);
  });
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  const inspection = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA, world.unitB] });
  const followUp = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA, world.unitB], kind: 'FOLLOW_UP', followUpOfId: inspection });
  const inspector = actor(world.cityInspector, 'city_inspector');
  const admin = actor(world.districtAdmin, 'district_admin');
  const officerA = actor(world.officerA, 'unit_officer', world.unitA);
  const officerB = actor(world.officerB, 'unit_officer', world.unitB);

  const record = (findingId: string, minute: number) =>
    decideAt(
      findingDecider,
      findingId,
      {
        type: 'RecordFinding',
        findingId,
        inspection: { inspectionId: inspection, status: 'IN_PROGRESS', level: 'CITY' },
        unitId: world.unitA,
        title: '理论学习中心组学习制度落实不到位',
        description: '年度中心组集体学习次数少于规定次数。',
        category: 'STUDY',
        severity: 'MAJOR',
        basis: { kind: 'RESPONSIBILITY_ITEM', reference: '责任清单第3条', text: '每年集体学习不少于12次。' },
        deadline: addDays(dayOf(minute), 30),
      },
      inspector,
      minute,
    );
  const finding = (findingId: string) => (command: Parameters<typeof findingDecider.decide>[1], by: Actor, minute: number) => decideAt(findingDecider, findingId, command, by, minute);
  const plan = { type: 'SubmitRectificationPlan', measures: '逐项整改', responsiblePerson: { personId: null, name: '王明' }, plannedCompletionDate: addDays(dayOf(0), 20) } as const;

  // Verified with three status changes in one instant, reopened by a follow-up, its deadline extended, then reassigned.
  const reopened = finding(ids.reopened);
  await record(ids.reopened, 0);
  await reopened(plan, officerA, 1);
  await reopened({ type: 'CheckInProgress', percent: 40, narrative: '已完成四成', evidence: [EVIDENCE[0]!] }, officerA, 2);
  await reopened({ type: 'CheckInProgress', percent: 100, narrative: '全部完成', evidence: [EVIDENCE[1]!] }, officerA, 3);
  await reopened({ type: 'SubmitForSignOff' }, officerA, 4);
  await reopened({ type: 'PassDistrictReview' }, admin, 4);
  await reopened({ type: 'SignOffFinding' }, inspector, 4);
  await reopened({ type: 'ReopenFinding', followUpInspection: { inspectionId: followUp, kind: 'FOLLOW_UP', status: 'IN_PROGRESS' }, reason: '回头看发现反弹', deadline: addDays(dayOf(5), 40) }, inspector, 5);
  await reopened({ type: 'RequestExtension', requestedDeadline: addDays(dayOf(5), 60), reason: '需要更多时间' }, officerA, 6);
  await reopened({ type: 'ApproveExtension' }, inspector, 6);
  await reopened({ type: 'ReassignFinding', toUnitId: world.unitB, reason: '职责调整' }, admin, 7);
  await reopened({ type: 'CheckInProgress', percent: 10, narrative: '重新整改', decreaseReason: '回头看发现反弹', evidence: [] }, officerB, 8);

  // Withdrawn in the instant it was recorded: its first status period is taken over.
  await record(ids.withdrawnAtOnce, 2);
  await finding(ids.withdrawnAtOnce)({ type: 'WithdrawFinding', reason: '经核实不属于问题' }, admin, 2);

  // Rejected at district review, then withdrawn.
  const rejected = finding(ids.rejected);
  await record(ids.rejected, 1);
  await rejected(plan, officerA, 2);
  await rejected({ type: 'CheckInProgress', percent: 100, narrative: '全部完成', evidence: [EVIDENCE[0]!] }, officerA, 3);
  await rejected({ type: 'SubmitForSignOff' }, officerA, 4);
  await rejected({ type: 'RejectDistrictReview', reason: '材料不全' }, admin, 5);
  await rejected({ type: 'WithdrawFinding', reason: '合并到其他问题' }, admin, 6);

  // An interview held with two commitments, one fulfilled; another cancelled.
  const interviewee = { personId: world.officerA.id, name: '河庄联络员', unitId: world.unitA };
  const schedule = (interviewId: string, minute: number) =>
    decideAt(
      interviewDecider,
      interviewId,
      { type: 'ScheduleInterview', interviewId, kind: 'ADMONITION', interviewerIds: [world.districtAdmin.id], interviewees: [interviewee], reason: '整改进度滞后', findingIds: [ids.reopened], scheduledAt: at(minute + 60).toISOString(), place: '区委第三会议室', confidential: false },
      admin,
      minute,
    );
  await schedule(ids.held, 1);
  await decideAt(interviewDecider, ids.held, { type: 'RescheduleInterview', scheduledAt: at(90).toISOString(), reason: '会议冲突' }, admin, 2);
  const held = { type: 'RecordInterviewHeld', minutes: '指出问题，提出要求。', commitments: commitments.map((commitmentId, index) => ({ commitmentId, text: `承诺${index + 1}`, dueDate: addDays(dayOf(3), 30) })) } as const;
  await decideAt(interviewDecider, ids.held, held, admin, 3);
  await decideAt(interviewDecider, ids.held, { type: 'FulfilCommitment', commitmentId: commitments[0]!, note: '已落实' }, admin, 4);
  await schedule(ids.cancelled, 2);
  await decideAt(interviewDecider, ids.cancelled, { type: 'CancelInterview', reason: '被约谈人已调离' }, admin, 3);

  // A unit with a child, moved under another unit: the child's ancestors follow.
  await decideAt(unitDecider, ids.moved, { type: 'CreateUnit', unitId: ids.moved, parentUnitId: world.unitA, name: '河庄社区', kind: 'COMMUNITY' }, admin, 0);
  await decideAt(unitDecider, ids.child, { type: 'CreateUnit', unitId: ids.child, parentUnitId: ids.moved, name: '河庄网格', kind: 'COMMUNITY' }, admin, 1);
  await decideAt(unitDecider, ids.moved, { type: 'MoveUnit', toParentUnitId: world.unitB, toParentAncestorIds: [] }, admin, 2);
});
afterAll(() => app.close());

describe('rebuilding projections from the event log', () => {
  it('starts from live tables holding the cases a bulk fold could get wrong', async () => {
    await withOwner(app.database, async (owner) => {
      const periods = async (findingId: string) =>
        (await owner.query<{ status: string; unit_id: string; valid_from: Date; valid_to: Date | null }>(`SELECT status, unit_id, valid_from, valid_to FROM finding_status_periods WHERE finding_id = $1 ORDER BY valid_from`, [findingId])).rows;
      const reopened = await periods(ids.reopened);
      expect(reopened.map((period) => period.status)).toEqual(['RECORDED', 'PLAN_SUBMITTED', 'IN_PROGRESS', 'VERIFIED', 'IN_PROGRESS', 'IN_PROGRESS', 'IN_PROGRESS']);
      expect(reopened.filter((period) => period.valid_to?.getTime() === period.valid_from.getTime())).toEqual([]);
      expect(reopened.at(-1)).toMatchObject({ unit_id: world.unitB, valid_to: null });
      expect(await periods(ids.withdrawnAtOnce)).toEqual([{ status: 'WITHDRAWN', unit_id: world.unitA, valid_from: at(2), valid_to: null }]);
      const child = await owner.query<{ ancestor_ids: string[] }>('SELECT ancestor_ids FROM units WHERE id = $1', [ids.child]);
      expect(child.rows[0]!.ancestor_ids).toEqual([world.unitB, ids.moved]);
      const kept = await owner.query<{ id: string; fulfilled: boolean }>('SELECT id, fulfilled_at IS NOT NULL AS fulfilled FROM interview_commitments WHERE interview_id = $1 ORDER BY position', [ids.held]);
      expect(kept.rows).toEqual([{ id: commitments[0], fulfilled: true }, { id: commitments[1], fulfilled: false }]);
    });
  });

  it.each([
    ['at the end of each chain', undefined],
    ['after every event', 1],
  ])('gives tables equal to the live ones, row for row, with the folds writing %s', async (_when, pendingRowsLimit) => {
    const projections = app.server.app.get(ProjectionRegistry).all();
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, projections, undefined, pendingRowsLimit));
    const tables = report.differences.map((difference) => difference.table);
    expect(tables).toEqual(expect.arrayContaining(['findings', 'finding_check_ins', 'finding_status_periods', 'interviews', 'interview_commitments', 'units', 'people', 'tenants']));
    expect(report.events).toBeGreaterThan(40);
    for (const difference of report.differences) expect(difference).toEqual({ table: difference.table, onlyLive: 0, onlyRebuilt: 0 });
  });

  it('notices a live table that drifted from the events', async () => {
    await withOwner(app.database, (owner) => owner.query(`UPDATE people SET display_name = '被篡改' WHERE username = 'qt.admin'`));
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, app.server.app.get(ProjectionRegistry).all()));
    expect(report.differences.find((d) => d.table === 'people')).toEqual({ table: 'people', onlyLive: 1, onlyRebuilt: 1 });
  });
});
