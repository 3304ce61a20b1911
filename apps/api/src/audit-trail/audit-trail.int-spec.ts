import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';

let app: TestApp;
let world: DistrictWorld;
let openInterviewId: string;
let secretInterviewId: string;
let findingId: string;

interface AuditEventFields {
  position: string;
  tenantPosition: string;
  tenantId: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  actorId: string;
  actorRole: string;
  recordedAt: string;
  effectiveAt: string | null;
  data: Record<string, unknown> | null;
  redacted: boolean;
  metadata: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

interface Page {
  auditEvents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: AuditEventFields }> };
}

const AUDIT_EVENTS = `query($filter: AuditEventFilter, $order: AuditEventOrder, $first: Int, $after: String) {
  auditEvents(filter: $filter, order: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { position tenantPosition tenantId streamType streamId version type schemaVersion actorId actorRole recordedAt effectiveAt data redacted metadata prevHash hash } }
  } }`;
const CHAIN_STATUS = `query($tenantId: ID!) { chainStatus(tenantId: $tenantId) {
  tenantId ok verifiedAt verifiedEvents headPosition headHash failure { tenantPosition fault detail } checkpointsConfirmed lastConfirmedPosition keysPinned evidenceReferenced evidenceIntact } }`;
const SCHEDULE = 'mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }';

async function page(token: string, variables: Record<string, unknown>): Promise<Page['auditEvents']> {
  return (await expectData<Page>(app.graphql, AUDIT_EVENTS, { first: 100, ...variables }, token)).auditEvents;
}

async function errorCode(query: string, variables: Record<string, unknown>, token: string): Promise<string> {
  const result = await app.graphql(query, variables, token);
  return String(result.errors?.[0]?.extensions?.code);
}

async function storedCount(tenantId: string): Promise<number> {
  return withOwner(app.database, async (owner) => Number((await owner.query<{ n: string }>('SELECT count(*) AS n FROM events WHERE tenant_id = $1', [tenantId])).rows[0]!.n));
}

beforeAll(async () => {
  app = await startTestApp();
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  const schedule = async (confidential: boolean, minutesFor: string): Promise<string> =>
    (
      await expectData<{ scheduleInterview: { id: string } }>(
        app.graphql,
        SCHEDULE,
        {
          input: {
            kind: 'ADMONITION',
            interviewerIds: [world.districtAdmin.id],
            interviewees: [{ personId: world.officerB.id }],
            reason: minutesFor,
            scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
            place: '区委第三会议室',
            confidential,
          },
        },
        world.districtAdmin.token,
      )
    ).scheduleInterview.id;
  openInterviewId = await schedule(false, '公开约谈事由');
  secretInterviewId = await schedule(true, '保密约谈事由');
  const inspectionId = await startedInspection(app.graphql, world.districtAdmin.token, { unitIds: [world.unitA] });
  findingId = (await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA })).id;
  await startedInspection(app.graphql, world.siblingAdmin.token, { unitIds: [world.siblingUnit] });
});
afterAll(() => app.close());

describe('the audit trail', () => {
  it('lists a district’s events as stored, each linked to the one before it in its chain', async () => {
    const { edges, totalCount } = await page(world.auditor.token, { filter: { tenantId: world.tenantId }, order: 'OLDEST_FIRST' });
    expect(totalCount).toBe(await storedCount(world.tenantId));
    expect(edges).toHaveLength(totalCount);
    const events = edges.map((edge) => edge.node);
    events.forEach((event, index) => {
      expect(event).toMatchObject({ tenantId: world.tenantId, tenantPosition: String(index + 1), schemaVersion: 1 });
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
      if (index > 0) expect(event.prevHash).toBe(events[index - 1]!.hash);
    });
    const recorded = events.find((event) => event.type === 'FindingRecorded')!;
    expect(recorded).toMatchObject({ streamType: 'Finding', streamId: findingId, version: 1, actorId: world.districtAdmin.id, actorRole: 'district_admin', redacted: false });
    expect(recorded.data).toMatchObject({ findingId, unitId: world.unitA });
    expect(recorded.metadata).toMatchObject({ actorId: world.districtAdmin.id, actingForTenantId: world.tenantId });
  });

  it('withholds the payload of a confidential interview’s events from anyone it does not name, but keeps the event in the trail', async () => {
    const ofSecret = async (token: string) => (await page(token, { filter: { streamId: secretInterviewId } })).edges.map((edge) => edge.node);
    const [forAuditor] = await ofSecret(world.auditor.token);
    expect(forAuditor).toMatchObject({ type: 'InterviewScheduled', redacted: true, data: null });
    expect(forAuditor!.hash).toMatch(/^[0-9a-f]{64}$/);
    const [forNamed] = await ofSecret(world.districtAdmin.token);
    expect(forNamed).toMatchObject({ redacted: false, data: expect.objectContaining({ reason: '保密约谈事由', confidential: true }) });
    const [openForAuditor] = (await page(world.auditor.token, { filter: { streamId: openInterviewId } })).edges.map((edge) => edge.node);
    expect(openForAuditor).toMatchObject({ redacted: false, data: expect.objectContaining({ reason: '公开约谈事由' }) });
  });

  it('filters by actor, type, record and time', async () => {
    const byType = await page(world.auditor.token, { filter: { types: ['InterviewScheduled'] } });
    expect(byType.edges.map((edge) => edge.node.streamId).sort()).toEqual([openInterviewId, secretInterviewId].sort());
    const byActor = await page(world.auditor.token, { filter: { actorId: world.districtAdmin.id.toUpperCase() } });
    expect(byActor.totalCount).toBeGreaterThan(0);
    expect(byActor.edges.every((edge) => edge.node.actorId === world.districtAdmin.id)).toBe(true);
    const byRecord = await page(world.auditor.token, { filter: { streamId: findingId } });
    expect(byRecord.edges.map((edge) => edge.node.type)).toEqual(['FindingRecorded']);
    const recordedAt = byRecord.edges[0]!.node.recordedAt;
    const from = await page(world.auditor.token, { filter: { from: recordedAt } });
    expect(from.edges.every((edge) => edge.node.recordedAt >= recordedAt)).toBe(true);
    const to = await page(world.auditor.token, { filter: { to: recordedAt } });
    expect(to.edges.every((edge) => edge.node.recordedAt < recordedAt)).toBe(true);
    expect(from.totalCount + to.totalCount).toBe(await storedCount(world.tenantId));
  });

  it('pages newest first with cursors that neither skip nor repeat, and refuses a forged cursor', async () => {
    const all = await page(world.auditor.token, {});
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const next: Page['auditEvents'] = await page(world.auditor.token, { first: 4, after });
      seen.push(...next.edges.map((edge) => edge.node.position));
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((edge) => edge.node.position));
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
    expect(await errorCode(AUDIT_EVENTS, { first: 4, after: 'WyJ4Il0' }, world.auditor.token)).toBe('BAD_USER_INPUT');
  });

  it('gives a city inspector every district of its city, and nobody anything outside their scope', async () => {
    const forInspector = await page(world.cityInspector.token, {});
    const tenants = new Set(forInspector.edges.map((edge) => edge.node.tenantId));
    expect([...tenants].sort()).toEqual([world.tenantId, world.siblingTenantId].sort());
    expect(forInspector.totalCount).toBe((await storedCount(world.tenantId)) + (await storedCount(world.siblingTenantId)));
    expect((await page(world.cityInspector.token, { filter: { tenantId: world.otherCityTenantId } })).totalCount).toBe(0);
    expect((await page(world.otherCityAdmin.token, { filter: { tenantId: world.tenantId } })).totalCount).toBe(0);
    const forOfficer = await page(world.officerA.token, {});
    expect(forOfficer).toMatchObject({ totalCount: 0, edges: [] });
  });
});

describe('chain status', () => {
  it('verifies a district’s chain for its office, its auditor and its city', async () => {
    const events = await storedCount(world.tenantId);
    for (const token of [world.districtAdmin.token, world.auditor.token, world.cityInspector.token]) {
      const { chainStatus } = await expectData<{ chainStatus: Record<string, unknown> }>(app.graphql, CHAIN_STATUS, { tenantId: world.tenantId }, token);
      expect(chainStatus).toMatchObject({ tenantId: world.tenantId, ok: true, verifiedEvents: events, headPosition: String(events), failure: null });
      expect(chainStatus['headHash']).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('answers NOT_FOUND outside the caller’s districts, and FORBIDDEN to those who read but may not verify', async () => {
    expect(await errorCode(CHAIN_STATUS, { tenantId: world.tenantId }, world.officerA.token)).toBe('NOT_FOUND');
    expect(await errorCode(CHAIN_STATUS, { tenantId: world.tenantId }, world.otherCityAdmin.token)).toBe('NOT_FOUND');
    expect(await errorCode(CHAIN_STATUS, { tenantId: world.otherCityTenantId }, world.cityInspector.token)).toBe('NOT_FOUND');
    const issued = await expectData<{ issueApiToken: { token: string } }>(
      app.graphql,
      'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token } }',
      { input: { name: '大屏', tenantId: world.tenantId, readOnly: true, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } },
      world.districtAdmin.token,
    );
    expect(await errorCode(CHAIN_STATUS, { tenantId: world.tenantId }, issued.issueApiToken.token)).toBe('FORBIDDEN');
  });

  it('names the first changed event once someone edits the log behind the application’s back', async () => {
    await withOwner(app.database, async (owner) => {
      await owner.query('ALTER TABLE events DISABLE TRIGGER events_refuse_update_delete');
      await owner.query(`UPDATE events SET data = jsonb_set(data, '{reason}', '"改过的事由"') WHERE tenant_id = $1 AND stream_id = $2`, [world.tenantId, openInterviewId]);
      await owner.query('ALTER TABLE events ENABLE TRIGGER events_refuse_update_delete');
    });
    const [tampered] = (await page(world.districtAdmin.token, { filter: { streamId: openInterviewId } })).edges.map((edge) => edge.node);
    const { chainStatus } = await expectData<{ chainStatus: { ok: boolean; failure: { tenantPosition: string; fault: string } | null; verifiedEvents: number } }>(
      app.graphql,
      CHAIN_STATUS,
      { tenantId: world.tenantId },
      world.auditor.token,
    );
    expect(chainStatus.ok).toBe(false);
    expect(chainStatus.failure).toMatchObject({ tenantPosition: tampered!.tenantPosition, fault: 'CHANGED_EVENT' });
    expect(chainStatus.verifiedEvents).toBe(Number(tampered!.tenantPosition) - 1);
  });
});
