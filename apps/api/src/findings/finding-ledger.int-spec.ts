import { Client } from 'pg';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { daysFromToday, FINDING_FIELDS, recordedFinding, startedInspection, uploadEvidence, type FindingFields } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { statementsOf } from '../database/statement-batch';
import { requestContext } from '../logging/request-context';

let app: TestApp;
let world: DistrictWorld;
let evidence: string;

interface Connection<Node> {
  totalCount: number;
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function ledger<Node = { id: string }>(token: string, args: Record<string, unknown>, fields = 'id'): Promise<Connection<Node>> {
  const data = await expectData<{ findings: Connection<Node> }>(
    app.graphql,
    `query($filter: FindingFilter, $first: Int, $after: String, $orderBy: FindingOrder) {
       findings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) { totalCount edges { cursor node { ${fields} } } pageInfo { hasNextPage endCursor } } }`,
    args,
    token,
  );
  return data.findings;
}

const ids = (connection: Connection<{ id: string }>): string[] => connection.edges.map((edge) => edge.node.id);

async function mutate(mutation: string, inputType: string, token: string, input: Record<string, unknown>): Promise<FindingFields> {
  const data = await expectData<Record<string, FindingFields>>(app.graphql, `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${FINDING_FIELDS} } }`, { input }, token);
  return data[mutation]!;
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  evidence = (await uploadEvidence(app.url, world.officerA.token, '整改佐证', '佐证.txt')).body.sha256;
});
afterAll(() => app.close());

describe('the ledger’s filters and orders', () => {
  let inspection: string;
  let yellow: FindingFields;
  let green: FindingFields;
  let later: FindingFields;

  beforeAll(async () => {
    inspection = await startedInspection(app.graphql, world.districtAdmin.token, { kind: 'MUTUAL_CHECK', unitIds: [world.unitA, world.unitB] });
    const record = (options: Record<string, unknown>) => recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA, ...options });
    yellow = await record({ title: '网络舆情处置不及时', severity: 'SEVERE', category: 'ONLINE_OPINION', deadlineInDays: 5 });
    green = await record({ title: '学习记录缺失', description: '党支部学习记录本缺页', severity: 'MINOR', category: 'STUDY', deadlineInDays: 15 });
    later = await record({ title: '宣传栏内容未及时更新', severity: 'MAJOR', category: 'POSITION_MANAGEMENT', deadlineInDays: 40 });
    await mutate('submitRectificationPlan', 'SubmitRectificationPlanInput', world.officerA.token, {
      id: green.id,
      expectedVersion: 1,
      measures: '补齐记录',
      responsiblePerson: { name: '李华' },
      plannedCompletionDate: daysFromToday(10),
    });
  });

  const within = { inspectionId: '' };
  beforeEach(() => {
    within.inspectionId = inspection;
  });

  it('filters by severity, category, inspection kind, text, deadline range and three-colour status', async () => {
    const token = world.districtAdmin.token;
    expect(ids(await ledger(token, { filter: { ...within, severities: ['SEVERE'] } }))).toEqual([yellow.id]);
    expect(ids(await ledger(token, { filter: { ...within, categories: ['STUDY', 'POSITION_MANAGEMENT'] } })).sort()).toEqual([green.id, later.id].sort());
    expect(ids(await ledger(token, { filter: { ...within, search: '舆情' } }))).toEqual([yellow.id]);
    expect(ids(await ledger(token, { filter: { ...within, search: '缺页' } }))).toEqual([green.id]);
    expect((await ledger(token, { filter: { inspectionKinds: ['MUTUAL_CHECK'] } })).totalCount).toBe(3);
    expect((await ledger(token, { filter: { inspectionKinds: ['PATROL'] } })).totalCount).toBe(0);
    expect(ids(await ledger(token, { filter: { ...within, deadlineFrom: daysFromToday(10), deadlineTo: daysFromToday(20) } }))).toEqual([green.id]);
    expect(ids(await ledger(token, { filter: { ...within, warningLevel: 'YELLOW' } }))).toEqual([yellow.id]);
    expect(ids(await ledger(token, { filter: { ...within, warningLevel: 'GREEN' } }))).toEqual([green.id]);
    expect((await ledger(token, { filter: { ...within, overdue: false } })).totalCount).toBe(3);
    expect((await ledger(token, { filter: { ...within, overdue: true } })).totalCount).toBe(0);
    expect(ids(await ledger(token, { filter: { ...within, statuses: ['PLAN_SUBMITTED'] } }))).toEqual([green.id]);
    const colours = await ledger<{ id: string; warningLevel: string | null; daysRemaining: number }>(token, { filter: within, orderBy: 'DEADLINE_ASC' }, 'id warningLevel daysRemaining');
    expect(colours.edges.map((edge) => [edge.node.warningLevel, edge.node.daysRemaining])).toEqual([
      ['YELLOW', 5],
      ['GREEN', 15],
      [null, 40],
    ]);
  });

  it('sorts by deadline, severity, status and recorded time', async () => {
    const token = world.districtAdmin.token;
    const order = async (orderBy: string) => ids(await ledger(token, { filter: within, orderBy }));
    expect(await order('DEADLINE_ASC')).toEqual([yellow.id, green.id, later.id]);
    expect(await order('DEADLINE_DESC')).toEqual([later.id, green.id, yellow.id]);
    expect(await order('SEVERITY_DESC')).toEqual([yellow.id, later.id, green.id]);
    expect(await order('RECORDED_AT_ASC')).toEqual([yellow.id, green.id, later.id]);
    expect(await order('RECORDED_AT_DESC')).toEqual([later.id, green.id, yellow.id]);
    expect((await order('STATUS_DESC'))[0]).toBe(green.id);
  });

  it('pages stably through ties, and refuses a cursor of another order', async () => {
    const ties = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitB] });
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: ties, unitId: world.unitB, deadlineInDays: 30 })).id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const result: Connection<{ id: string }> = await ledger(world.districtAdmin.token, { filter: { inspectionId: ties }, orderBy: 'DEADLINE_ASC', first: 2, after });
      expect(result.totalCount).toBe(5);
      seen.push(...ids(result));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    // Same deadline throughout: the id breaks the ties, so the pages are the ids in order.
    expect(seen).toEqual([...made].sort());

    const first = await ledger(world.districtAdmin.token, { filter: { inspectionId: ties }, orderBy: 'DEADLINE_ASC', first: 1 });
    const wrongOrder = await app.graphql('query($after: String) { findings(after: $after, orderBy: SEVERITY_DESC) { totalCount } }', { after: first.pageInfo.endCursor }, world.districtAdmin.token);
    expect(wrongOrder.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const garbage = await app.graphql('{ findings(after: "not-a-cursor") { totalCount } }', {}, world.districtAdmin.token);
    expect(garbage.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('turns a finding red once its deadline has passed (time moved on in the projection)', async () => {
    // Only the read model is moved: it stands in for the days passing, which a test cannot wait for.
    await withOwner(app.database, (owner) => owner.query(`UPDATE findings SET deadline = $2::date WHERE id = $1`, [later.id, daysFromToday(-2)]));
    expect(ids(await ledger(world.districtAdmin.token, { filter: { ...within, overdue: true } }))).toEqual([later.id]);
    expect(ids(await ledger(world.districtAdmin.token, { filter: { ...within, warningLevel: 'RED' } }))).toEqual([later.id]);
    const shown = await ledger<{ overdue: boolean; warningLevel: string; daysRemaining: number }>(world.districtAdmin.token, { filter: { ...within, overdue: true } }, 'overdue warningLevel daysRemaining');
    expect(shown.edges[0]!.node).toEqual({ overdue: true, warningLevel: 'RED', daysRemaining: -2 });
    await withOwner(app.database, (owner) => owner.query(`UPDATE findings SET deadline = $2::date WHERE id = $1`, [later.id, later.deadline]));
  });
});

describe('time travel', () => {
  const SHOWN = `${FINDING_FIELDS} statusLabel plan { measures } latestCheckIn { percent } checkIns { totalCount } history { type }`;

  it('reproduces every past state of a finding exactly, and the ledger as of each instant', async () => {
    const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA] });
    const states: Array<{ at: string; finding: Record<string, unknown> }> = [];
    const snapshot = async (id: string) => {
      // A moment after the write, and a moment before the next one: an instant strictly between them.
      await new Promise((resolve) => setTimeout(resolve, 3));
      const at = new Date().toISOString();
      const { finding } = await expectData<{ finding: Record<string, unknown> }>(app.graphql, `{ finding(id: "${id}") { ${SHOWN} } }`, {}, world.districtAdmin.token);
      states.push({ at, finding });
      await new Promise((resolve) => setTimeout(resolve, 3));
    };
    const recorded = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA });
    await snapshot(recorded.id);
    let current = await mutate('submitRectificationPlan', 'SubmitRectificationPlanInput', world.officerA.token, {
      id: recorded.id,
      expectedVersion: 1,
      measures: '第一版方案',
      responsiblePerson: { name: '王明' },
      plannedCompletionDate: daysFromToday(20),
    });
    await snapshot(recorded.id);
    current = await mutate('checkInProgress', 'CheckInProgressInput', world.officerA.token, { id: recorded.id, expectedVersion: current.version, percent: 50, narrative: '过半', evidence: [evidence] });
    await snapshot(recorded.id);
    await mutate('reassignFinding', 'ReassignFindingInput', world.districtAdmin.token, { id: recorded.id, expectedVersion: current.version, toUnitId: world.unitB, reason: '调整' });
    await snapshot(recorded.id);
    const other = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: world.unitA });
    await snapshot(recorded.id);
    await mutate('withdrawFinding', 'FindingReasonInput', world.districtAdmin.token, { id: other.id, expectedVersion: 1, reason: '重复登记' });
    await snapshot(recorded.id);

    for (const state of states) {
      const past = await expectData<{ finding: Record<string, unknown> }>(app.graphql, `query($asOf: DateTime) { finding(id: "${recorded.id}", asOf: $asOf) { ${SHOWN} } }`, { asOf: state.at }, world.districtAdmin.token);
      expect(past.finding).toEqual({ ...state.finding, asOf: state.at });

      // The ledger as of the same instant: which findings existed, and their statuses, from the status periods,
      // must be what folding each finding's events gives.
      const asOfLedger = await expectData<{ findingsAsOf: Connection<{ id: string; status: string; unitId: string; version: number }> }>(
        app.graphql,
        `query($asOf: DateTime!) { findingsAsOf(asOf: $asOf, filter: { inspectionId: "${inspection}" }, first: 100) { totalCount edges { node { id status unitId version } } } }`,
        { asOf: state.at },
        world.districtAdmin.token,
      );
      const folded = [];
      for (const id of [recorded.id, other.id]) {
        const one = await app.graphql<{ finding: { id: string; status: string; unitId: string; version: number } }>(
          `query($asOf: DateTime) { finding(id: "${id}", asOf: $asOf) { id status unitId version } }`,
          { asOf: state.at },
          world.districtAdmin.token,
        );
        if (one.data) folded.push(one.data.finding);
      }
      expect(asOfLedger.findingsAsOf.edges.map((edge) => edge.node).sort((a, b) => a.id.localeCompare(b.id))).toEqual(folded.sort((a, b) => a.id.localeCompare(b.id)));
      expect(asOfLedger.findingsAsOf.totalCount).toBe(folded.length);
      for (const status of ['RECORDED', 'PLAN_SUBMITTED', 'IN_PROGRESS', 'WITHDRAWN']) {
        const filtered = await expectData<{ findingsAsOf: { totalCount: number } }>(
          app.graphql,
          `query($asOf: DateTime!) { findingsAsOf(asOf: $asOf, filter: { inspectionId: "${inspection}", statuses: [${status}] }) { totalCount } }`,
          { asOf: state.at },
          world.districtAdmin.token,
        );
        expect(filtered.findingsAsOf.totalCount).toBe(folded.filter((finding) => finding.status === status).length);
      }
    }

    // As of a time it belonged to unit A, unit A's officer finds it in the ledger; now it is unit B's.
    const whenA = states[2]!.at;
    const officerThen = await expectData<{ findingsAsOf: { totalCount: number } }>(
      app.graphql,
      `query($asOf: DateTime!) { findingsAsOf(asOf: $asOf, filter: { inspectionId: "${inspection}" }) { totalCount } }`,
      { asOf: whenA },
      world.officerA.token,
    );
    expect(officerThen.findingsAsOf.totalCount).toBe(1);
  });
});

describe('batching nested fields', () => {
  /**
   * Counts the data statements sent on behalf of GraphQL requests (not transaction control or the
   * scope setting, and not the background consumers, which run outside any request).
   */
  function countStatements(): { stop(): string[] } {
    const statements: string[] = [];
    const original = Client.prototype.query;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (this: Client, ...args: unknown[]) {
      // Several statements may travel in one message (database/statement-batch.ts): each counts.
      const text = typeof args[0] === 'string' ? args[0] : '';
      if (requestContext.getStore()) {
        statements.push(...statementsOf(text).filter((statement) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SET TRANSACTION|SELECT set_config)/i.test(statement)));
      }
      return (original as (...all: unknown[]) => unknown).apply(this, args);
    } as typeof original);
    return {
      stop() {
        spy.mockRestore();
        return statements;
      },
    };
  }

  it('reads a page of 50 findings with unit, inspection, latest check-in and evidence count in a constant number of statements', async () => {
    const inspection = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA, world.unitB] });
    for (let i = 0; i < 50; i++) {
      const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId: inspection, unitId: i % 2 ? world.unitA : world.unitB });
      if (i % 5 === 0) {
        const token = i % 2 ? world.officerA.token : world.officerB.token;
        const planned = await mutate('submitRectificationPlan', 'SubmitRectificationPlanInput', token, {
          id: finding.id,
          expectedVersion: 1,
          measures: '措施',
          responsiblePerson: { name: '张三' },
          plannedCompletionDate: daysFromToday(30),
        });
        await mutate('checkInProgress', 'CheckInProgressInput', token, { id: finding.id, expectedVersion: planned.version, percent: 30, narrative: '进展', evidence: [] });
      }
    }
    const query = (first: number) =>
      `{ findings(first: ${first}, filter: { inspectionId: "${inspection}" }) { totalCount edges { node { id evidenceCount unit { name } inspection { title } latestCheckIn { percent evidence { filename } } } } } }`;

    let counter = countStatements();
    const page = await expectData<{ findings: Connection<{ unit: { name: string }; latestCheckIn: { percent: number } | null }> }>(app.graphql, query(50), {}, world.districtAdmin.token);
    const forFifty = counter.stop();
    expect(page.findings.edges).toHaveLength(50);
    expect(page.findings.edges.every((edge) => edge.node.unit !== null)).toBe(true);
    expect(page.findings.edges.filter((edge) => edge.node.latestCheckIn).length).toBe(10);

    counter = countStatements();
    await expectData(app.graphql, query(5), {}, world.districtAdmin.token);
    const forFive = counter.stop();

    // count + page, units, inspections, latest check-ins: the same few statements for 5 rows or 50.
    expect(forFifty.length).toBeGreaterThanOrEqual(5);
    expect(forFifty.length).toBeLessThanOrEqual(6);
    expect(forFifty.length).toBe(forFive.length);
  });
});
