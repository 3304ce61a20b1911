import fc from 'fast-check';
import { addDays, findingDecider, fold, type FindingState } from '@zeren/domain';
import { eventCatalogue, type FindingEvent } from '@zeren/events';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { daysFromToday, FINDING_FIELDS, FINDING_MUTATION_INPUT_TYPES, recordedFinding, startedInspection, uploadEvidence, type FindingFields } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { ProjectionRegistry } from '../commands/projection-registry';
import { replayProjections } from '../maintenance/projection-replay';
import { findingColumns, toFindingRecord, type FindingRow } from './findings.repository';
import { DueWarningsJob } from './warnings/due-warnings.job';

let app: TestApp;
let world: DistrictWorld;
let inspection: string;
let followUp: string;
let evidence: string;

beforeAll(async () => {
  // No background warning rounds: the walk issues them itself.
  app = await startTestApp({ ZEREN_WARNING_INTERVAL_MS: '86400000' });
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  inspection = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA, world.unitB] });
  followUp = await startedInspection(app.graphql, world.cityInspector.token, { tenantId: world.tenantId, unitIds: [world.unitA, world.unitB], kind: 'FOLLOW_UP', followUpOfId: inspection });
  evidence = (await uploadEvidence(app.url, world.officerA.token, '佐证材料', '佐证.txt')).body.sha256;
});
afterAll(() => app.close());

interface Step {
  move: number;
  percent: number;
  withEvidence: boolean;
  hoursLate: number | null;
}

type Move = (finding: FindingFields, step: Step) => Promise<unknown>;

/** Sends one mutation; a refusal is part of the walk (it must change nothing), anything else is a failure. */
async function send(mutation: string, token: string, finding: FindingFields, input: Record<string, unknown> = {}): Promise<void> {
  const result = await app.graphql(`mutation($input: ${FINDING_MUTATION_INPUT_TYPES[mutation]}!) { ${mutation}(input: $input) { id } }`, { input: { id: finding.id, expectedVersion: finding.version, ...input } }, token);
  const code = result.errors?.[0]?.extensions?.code;
  if (code && !['INVALID_STATE', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND'].includes(code)) throw new Error(`${mutation}: ${JSON.stringify(result.errors)}`);
}

const officerOf = (finding: FindingFields): string => (finding.unitId === world.unitA ? world.officerA.token : world.officerB.token);

/** Every lifecycle command, each by the actor who normally issues it. */
const MOVES = {
  plan: (f) => send('submitRectificationPlan', officerOf(f), f, { measures: '整改措施', responsiblePerson: { name: '王明' }, plannedCompletionDate: f.deadline }),
  checkIn: (f, s) => {
    const percent = s.percent > 60 ? 100 : s.percent;
    const falls = f.latestPercent !== null && percent < f.latestPercent;
    return send('checkInProgress', officerOf(f), f, {
      percent,
      narrative: '进展说明',
      decreaseReason: falls ? '返工' : null,
      evidence: s.withEvidence ? [evidence] : [],
      effectiveAt: s.hoursLate === null ? null : new Date(Date.now() - s.hoursLate * 3_600_000).toISOString(),
    });
  },
  submit: (f) => send('submitForSignOff', officerOf(f), f),
  pass: (f) => send('passDistrictReview', world.districtAdmin.token, f),
  rejectDistrict: (f) => send('rejectDistrictReview', world.districtAdmin.token, f, { reason: '区级退回' }),
  signOff: (f) => send('signOffFinding', world.cityInspector.token, f),
  rejectSignOff: (f) => send('rejectSignOff', world.cityInspector.token, f, { reason: '市级退回' }),
  requestExtension: (f) => send('requestExtension', officerOf(f), f, { requestedDeadline: addDays(f.deadline, 10), reason: '申请延期' }),
  approveExtension: (f) => send('approveExtension', world.cityInspector.token, f),
  refuseExtension: (f) => send('refuseExtension', world.districtAdmin.token, f, { reason: '不同意' }),
  reassign: (f) => send('reassignFinding', world.districtAdmin.token, f, { toUnitId: f.unitId === world.unitA ? world.unitB : world.unitA, reason: '改派' }),
  withdraw: (f) => send('withdrawFinding', world.districtAdmin.token, f, { reason: '撤销' }),
  reopen: (f) => send('reopenFinding', world.cityInspector.token, f, { followUpInspectionId: followUp, reason: '回头看发现反弹', deadline: daysFromToday(18) }),
  warn: () => app.server.app.get(DueWarningsJob).runDueWarnings(),
} satisfies Record<string, Move>;
type MoveName = keyof typeof MOVES;
const MOVE_NAMES = Object.keys(MOVES) as MoveName[];

/** The walk's own model of the lifecycle: what makes sense from each status, progress weighted up. */
const FORWARD: Record<string, MoveName[]> = {
  RECORDED: ['plan', 'plan'],
  PLAN_SUBMITTED: ['checkIn', 'checkIn', 'plan'],
  IN_PROGRESS: ['checkIn', 'submit', 'submit'],
  SUBMITTED: ['pass', 'pass', 'rejectDistrict'],
  DISTRICT_REVIEW_PASSED: ['signOff', 'signOff', 'rejectSignOff'],
  VERIFIED: ['reopen', 'warn'],
  WITHDRAWN: ['warn'],
};

/** Mostly a sensible next move; one step in eight any command at all, to exercise refusals. */
function moveFor(finding: FindingFields, step: Step): MoveName {
  if (step.move % 8 === 0) return MOVE_NAMES[Math.floor(step.move / 8) % MOVE_NAMES.length]!;
  const side: MoveName[] = ['warn', 'reassign', finding.pendingExtension ? 'approveExtension' : 'requestExtension'];
  if (finding.pendingExtension) side.push('refuseExtension');
  const forward = FORWARD[finding.status]!;
  const choices = [...forward, ...forward, ...forward, ...side];
  return choices[step.move % choices.length]!;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.record({
  move: fc.nat({ max: 10_000 }),
  percent: fc.integer({ min: 0, max: 100 }),
  withEvidence: fc.boolean(),
  hoursLate: fc.option(fc.integer({ min: 0, max: 72 }), { nil: null }),
});

async function current(id: string): Promise<FindingFields> {
  return (await expectData<{ finding: FindingFields }>(app.graphql, `{ finding(id: "${id}") { ${FINDING_FIELDS} } }`, {}, world.districtAdmin.token)).finding;
}

/** What the events say, folded by the domain, and what the projection row says. */
async function foldedAndProjected(id: string): Promise<{ folded: FindingState; projected: unknown; checkIns: number; periods: Array<{ status: string; unit_id: string; deadline: string; valid_from: Date; valid_to: Date | null }> }> {
  return withOwner(app.database, async (owner) => {
    const events = await owner.query<{ type: string; data: unknown }>(`SELECT type, data FROM events WHERE stream_id = $1 ORDER BY version`, [id]);
    const folded = fold<FindingState, FindingEvent>(findingDecider, events.rows as FindingEvent[]);
    const row = await owner.query<FindingRow>(`SELECT ${findingColumns('f')} FROM findings f WHERE f.id = $1`, [id]);
    const { tenantId: _tenantId, id: _id, ...projected } = toFindingRecord(row.rows[0]!);
    const checkIns = await owner.query<{ n: number }>(`SELECT count(*)::int AS n FROM finding_check_ins WHERE finding_id = $1`, [id]);
    const periods = await owner.query(`SELECT status, unit_id, deadline::text AS deadline, valid_from, valid_to FROM finding_status_periods WHERE finding_id = $1 ORDER BY valid_from`, [id]);
    return { folded, projected, checkIns: checkIns.rows[0]!.n, periods: periods.rows };
  });
}

describe('the findings projection', () => {
  it('equals the fold of the finding’s events after any sequence of commands', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 4, maxLength: 24 }), fc.boolean(), async (steps, withdrawAtEnd) => {
        // 15 days out: inside the green warning window, so the walk's warning rounds have something to send.
        let finding = await recordedFinding(app.graphql, world.cityInspector.token, { inspectionId: inspection, unitId: world.unitA, deadlineInDays: 15 });
        for (const step of steps) {
          await MOVES[moveFor(finding, step)](finding, step);
          finding = await current(finding.id);
        }
        if (withdrawAtEnd) await MOVES.withdraw(finding);

        const { folded, projected, checkIns, periods } = await foldedAndProjected(finding.id);
        expect(projected).toEqual(folded);
        if (folded.status === 'NONE') throw new Error('the finding was recorded');
        expect(checkIns).toBe(folded.checkInCount);
        // The first stretch starts when the finding was recorded (statistics rely on it); they are contiguous, and the open one is the finding as it is now.
        expect(periods[0]!.valid_from.toISOString()).toBe(folded.recordedAt);
        for (let i = 1; i < periods.length; i++) expect(periods[i - 1]!.valid_to).toEqual(periods[i]!.valid_from);
        expect(periods[periods.length - 1]).toMatchObject({ status: folded.status, unit_id: folded.unitId, deadline: folded.deadline, valid_to: null });
      }),
      { numRuns: 10 },
    );
  });

  it('is rebuilt from the event log into exactly the live tables', async () => {
    const projections = app.server.app.get(ProjectionRegistry).all();
    expect(projections.map((projection) => projection.name)).toEqual(expect.arrayContaining(['units', 'inspections', 'findings']));
    const report = await withOwner(app.database, (owner) => replayProjections(owner, eventCatalogue, projections));
    const ours = ['units', 'inspections', 'findings', 'finding_check_ins', 'finding_status_periods'];
    const differences = report.differences.filter((difference) => ours.includes(difference.table));
    expect(differences.map((difference) => difference.table).sort()).toEqual([...ours].sort());
    for (const difference of differences) expect(difference).toEqual({ table: difference.table, onlyLive: 0, onlyRebuilt: 0 });
  });
});
