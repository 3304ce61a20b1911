import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ScopedTransactions } from '../../database/scoped-transactions';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../../test/fixtures/district';
import { daysFromToday, FINDING_FIELDS, recordedFinding, startedInspection, type FindingFields } from '../../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../../test/test-app';
import { withOwner } from '../../../test/test-database';
import { FindingCommands } from '../finding-commands';
import { DueWarningsJob, WARNING_SCHEDULER_ID } from './due-warnings.job';

let app: TestApp;
let world: DistrictWorld;
let inspection: string;

beforeAll(async () => {
  // No background rounds during the test: every round here is one the test starts.
  app = await startTestApp({ ZEREN_WARNING_INTERVAL_MS: '86400000' });
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  inspection = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA, world.unitB] });
});
afterAll(() => app.close());

/** A job as a freshly started instance would have it: no memory but the database. */
function newInstance(): DueWarningsJob {
  const nest = app.server.app;
  return new DueWarningsJob(nest.get(ScopedTransactions), nest.get(FindingCommands), nest.get<AppConfig>(APP_CONFIG));
}

async function warningEvents(findingIds: string[]): Promise<Array<{ stream_id: string; data: { level: string; deadline: string; recipients: string[] }; actor_id: string; actor_role: string }>> {
  return withOwner(app.database, async (owner) =>
    (
      await owner.query(
        `SELECT stream_id, data, metadata->>'actorId' AS actor_id, metadata->>'actorRole' AS actor_role FROM events
          WHERE type = 'WarningIssued' AND stream_id = ANY ($1::uuid[]) ORDER BY position`,
        [findingIds],
      )
    ).rows,
  );
}

const read = async (id: string): Promise<FindingFields> =>
  (await expectData<{ finding: FindingFields }>(app.graphql, `{ finding(id: "${id}") { ${FINDING_FIELDS} } }`, {}, world.districtAdmin.token)).finding;

describe('三色预警 scheduler', () => {
  it('warns each open finding of the colour its deadline is in, exactly once, and nothing after a restart', async () => {
    const yellow = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 5 });
    const green = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitB, deadlineInDays: 15 });
    const far = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 40 });
    const withdrawn = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 5 });
    await expectData(app.graphql, 'mutation($input: FindingReasonInput!) { withdrawFinding(input: $input) { id } }', { input: { id: withdrawn.id, expectedVersion: 1, reason: '撤销' } }, world.districtAdmin.token);
    const ours = [yellow.id, green.id, far.id, withdrawn.id];

    const job = app.server.app.get(DueWarningsJob);
    const first = await job.runDueWarnings(new Date());
    expect(first).toEqual({ candidates: 2, issued: 2 });
    const events = await warningEvents(ours);
    expect(events.map((event) => [event.stream_id, event.data.level])).toEqual([
      [yellow.id, 'YELLOW'],
      [green.id, 'GREEN'],
    ]);
    expect(events[0]).toMatchObject({ actor_id: WARNING_SCHEDULER_ID, actor_role: 'service', data: { deadline: daysFromToday(5), recipients: ['UNIT_LIAISON', 'UNIT_LEADER'] } });
    expect(await read(yellow.id)).toMatchObject({ lastWarningLevel: 'YELLOW', warningLevel: 'YELLOW', version: 2 });

    expect(await job.runDueWarnings(new Date())).toEqual({ candidates: 0, issued: 0 });
    expect(await newInstance().runDueWarnings(new Date())).toEqual({ candidates: 0, issued: 0 });
    expect(await warningEvents(ours)).toHaveLength(2);
  });

  it('issues a warning once when several instances run the same round at the same time', async () => {
    const due = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 3 });
    const rounds = await Promise.all([newInstance(), newInstance(), newInstance()].map((job) => job.runDueWarnings(new Date())));
    // One instance holds the round; the others skip it (null), or find nothing left to do.
    expect(rounds.reduce((issued, round) => issued + (round?.issued ?? 0), 0)).toBe(1);
    expect(await warningEvents([due.id])).toHaveLength(1);
  });

  it('leaves a change read before a 三色预警 current, decided on the warned finding; a change read before another change is still a CONFLICT', async () => {
    const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 4 });
    await newInstance().runDueWarnings(new Date());
    expect(await read(finding.id)).toMatchObject({ version: 2, lastWarningLevel: 'YELLOW' });
    // The officer opened the finding at version 1, before the scheduler's warning: the plan still goes in.
    const plan = `mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { ${FINDING_FIELDS} } }`;
    const planInput = { id: finding.id, measures: '逐项整改', responsiblePerson: { name: '张三' }, plannedCompletionDate: daysFromToday(3) };
    const planned = await expectData<{ submitRectificationPlan: FindingFields }>(app.graphql, plan, { input: { ...planInput, expectedVersion: 1 } }, world.officerA.token);
    expect(planned.submitRectificationPlan).toMatchObject({ version: 3, lastWarningLevel: 'YELLOW' });
    // Read at the warning's version, before the plan: the plan is a change, so this is stale.
    const stale = await app.graphql(
      `mutation($input: CheckInProgressInput!) { checkInProgress(input: $input) { id } }`,
      { input: { id: finding.id, expectedVersion: 2, percent: 10, narrative: '进展', evidence: [] } },
      world.officerA.token,
    );
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: 2, actualVersion: 3 });
  });

  it('warns again when the deadline moves: warnings are per deadline', async () => {
    const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 8 });
    await newInstance().runDueWarnings(new Date());
    const requested = await expectData<{ requestExtension: FindingFields }>(
      app.graphql,
      `mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { ${FINDING_FIELDS} } }`,
      { input: { id: finding.id, expectedVersion: 2, requestedDeadline: daysFromToday(18), reason: '需协调' } },
      world.officerA.token,
    );
    const approved = await expectData<{ approveExtension: FindingFields }>(
      app.graphql,
      `mutation($input: FindingCommentInput!) { approveExtension(input: $input) { ${FINDING_FIELDS} } }`,
      { input: { id: finding.id, expectedVersion: requested.requestExtension.version } },
      world.districtAdmin.token,
    );
    expect(approved.approveExtension.lastWarningLevel).toBeNull();
    await newInstance().runDueWarnings(new Date());
    expect((await warningEvents([finding.id])).map((event) => [event.data.level, event.data.deadline])).toEqual([
      ['YELLOW', daysFromToday(8)],
      ['GREEN', daysFromToday(18)],
    ]);
  });
});
