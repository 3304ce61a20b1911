import { eventually } from '../../test/eventually';
import { expectData, setUpDistrictWorld, type DistrictWorld } from '../../test/fixtures/district';
import { recordedFinding, startedInspection } from '../../test/fixtures/rectification';
import { startSmtpSink, type SmtpSink } from '../../test/smtp-sink';
import { subscribe, type LiveSubscription } from '../../test/subscription-client';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { PEOPLE_PASSWORD, registerPerson } from '../../test/two-districts';

const NOTIFICATIONS = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id tenantId kind title body recordType recordId createdAt readAt } } } }`;
const MARK_READ = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
const RECEIVED = 'subscription { notificationReceived { id kind title recordType recordId } }';

interface NotificationNode {
  id: string;
  tenantId: string;
  kind: string;
  title: string;
  body: string;
  recordType: string;
  recordId: string;
  readAt: string | null;
}

let sink: SmtpSink;
let app: TestApp;
let world: DistrictWorld;
let liaison: { id: string; token: string };
let inspectionId: string;
let live: LiveSubscription<{ id: string; kind: string; title: string; recordId: string }>;

async function inbox(token: string, unreadOnly = false): Promise<{ totalCount: number; nodes: NotificationNode[] }> {
  const data = await expectData<{ notifications: { totalCount: number; edges: Array<{ node: NotificationNode }> } }>(app.graphql, NOTIFICATIONS, { unreadOnly, first: 100 }, token);
  return { totalCount: data.notifications.totalCount, nodes: data.notifications.edges.map((edge) => edge.node) };
}

interface EmailRow {
  to_address: string;
  subject: string;
  status: string;
  attempts: number;
  last_status_code: number | null;
}

async function emailRows(): Promise<EmailRow[]> {
  return withOwner(app.database, async (owner) => (await owner.query<EmailRow>(`SELECT to_address, subject, status, attempts, last_status_code FROM notification_emails ORDER BY created_at`)).rows);
}

/** The e-mail with this subject once it reached the status. */
function emailWhen(subject: string, status: string): Promise<EmailRow> {
  return eventually(async () => (await emailRows()).find((row) => row.subject === subject && row.status === status), { what: `${subject}: ${status}` });
}

beforeAll(async () => {
  sink = await startSmtpSink();
  app = await startTestApp({
    ZEREN_SMTP_URL: sink.url,
    ZEREN_MAIL_FROM: 'zeren@qiantang.gov.cn',
    ZEREN_POLL_INTERVAL_MS: '50',
    ZEREN_MAIL_MAX_ATTEMPTS: '3',
    ZEREN_DELIVERY_RETRY_BASE_MS: '100',
    ZEREN_DELIVERY_RETRY_MAX_MS: '300',
  });
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  const admin = world.districtAdmin.token;
  const id = await registerPerson(app.graphql, admin, {
    username: 'qt.liaison',
    displayName: '河庄联络员',
    role: 'unit_officer',
    tenantId: world.tenantId,
    unitId: world.unitA,
    email: 'liaison@hezhuang.gov.cn',
  });
  liaison = { id, token: await app.signIn('qt.liaison', PEOPLE_PASSWORD) };
  await expectData(app.graphql, 'mutation($input: AssignUnitPersonInput!) { assignUnitLiaison(input: $input) { id } }', { input: { id: world.unitA, expectedVersion: 1, personId: id } }, admin);
  inspectionId = await startedInspection(app.graphql, admin, { unitIds: [world.unitA, world.unitB] });
  live = await subscribe(app.url, liaison.token, RECEIVED);
});

afterAll(async () => {
  await live.close();
  await app.close();
  await sink.close();
});

describe('a finding recorded against a unit', () => {
  let findingId: string;

  it('reaches its liaison live, in the inbox and by e-mail', async () => {
    const finding = await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA, title: '理论学习中心组学习不规范' });
    findingId = finding.id;
    const [received] = await live.waitFor(1);
    expect(received).toMatchObject({ kind: 'ASSIGNMENT', title: '新的整改任务：理论学习中心组学习不规范', recordType: 'Finding', recordId: findingId });

    const { nodes } = await inbox(liaison.token, true);
    expect(nodes).toEqual([expect.objectContaining({ id: received!.id, tenantId: world.tenantId, kind: 'ASSIGNMENT', readAt: null })]);

    const [mail] = await sink.waitForMessages(1);
    expect(mail).toMatchObject({ from: 'zeren@qiantang.gov.cn', to: ['liaison@hezhuang.gov.cn'], subject: '新的整改任务：理论学习中心组学习不规范' });
    expect(mail!.text).toContain('理论学习中心组学习不规范');
    expect(mail!.headers['to']).toContain('<liaison@hezhuang.gov.cn>');
    await eventually(async () => ((await emailRows())[0]?.status === 'DELIVERED' ? true : undefined));
  });

  it('is the liaison’s alone: the other officer of the unit, other districts and the administrator see nothing', async () => {
    for (const token of [world.officerA.token, world.districtAdmin.token, world.otherCityAdmin.token]) {
      expect((await inbox(token)).totalCount).toBe(0);
    }
    const [mine] = (await inbox(liaison.token)).nodes;
    const foreign = await app.graphql(MARK_READ, { id: mine!.id }, world.officerA.token);
    expect(foreign.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });

  it('is marked read once, and then leaves the unread list', async () => {
    const [mine] = (await inbox(liaison.token)).nodes;
    const first = await expectData<{ markNotificationRead: { readAt: string } }>(app.graphql, MARK_READ, { id: mine!.id }, liaison.token);
    const again = await expectData<{ markNotificationRead: { readAt: string } }>(app.graphql, MARK_READ, { id: mine!.id }, liaison.token);
    expect(again.markNotificationRead.readAt).toBe(first.markNotificationRead.readAt);
    expect((await inbox(liaison.token, true)).totalCount).toBe(0);
    expect((await inbox(liaison.token)).totalCount).toBe(1);
  });
});

describe('an interview invitation', () => {
  it('reaches the interviewee; a confidential one’s particulars stay out of the e-mail', async () => {
    const before = sink.messages.length;
    await expectData(
      app.graphql,
      'mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }',
      {
        input: {
          kind: 'CAUTION',
          interviewerIds: [world.districtAdmin.id],
          interviewees: [{ personId: liaison.id }],
          reason: '整改严重滞后',
          scheduledAt: '2026-12-10T02:00:00.000Z',
          place: '区委三楼会议室',
          confidential: true,
        },
      },
      world.districtAdmin.token,
    );
    const values = await live.waitFor(2);
    expect(values[1]).toMatchObject({ kind: 'INTERVIEW_INVITATION', title: '诫勉谈话通知' });
    const { nodes } = await inbox(liaison.token, true);
    expect(nodes[0]!.body).toContain('整改严重滞后');
    const mails = await sink.waitForMessages(before + 1);
    const mail = mails[before]!;
    expect(mail.subject).toBe('诫勉谈话通知');
    expect(mail.text).not.toContain('整改严重滞后');
    expect(mail.text).not.toContain('区委三楼会议室');
  });
});

describe('e-mail delivery', () => {
  it('retries a temporary refusal, and gives up at once on a permanent one', async () => {
    sink.refuseRecipients('451 4.3.0 mailbox busy, try again later', 1);
    await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA, title: '网络舆情处置不及时' });
    expect(await emailWhen('新的整改任务：网络舆情处置不及时', 'DELIVERED')).toMatchObject({ attempts: 2, last_status_code: 250 });
    expect(sink.messages.at(-1)!.subject).toBe('新的整改任务：网络舆情处置不及时');

    sink.refuseRecipients('550 5.1.1 no such mailbox', 1);
    const delivered = sink.messages.length;
    await recordedFinding(app.graphql, world.districtAdmin.token, { inspectionId, unitId: world.unitA, title: '阵地管理台账缺失' });
    expect(await emailWhen('新的整改任务：阵地管理台账缺失', 'DEAD')).toMatchObject({ attempts: 1, last_status_code: 550 });
    expect(sink.messages).toHaveLength(delivered);
    // The in-app notification is there all the same.
    expect((await inbox(liaison.token)).nodes.map((node) => node.title)).toContain('新的整改任务：阵地管理台账缺失');
  });
});

describe('the inbox', () => {
  it('pages newest first', async () => {
    const all = (await inbox(liaison.token)).nodes;
    expect(all.length).toBeGreaterThanOrEqual(4);
    const page = await expectData<{ notifications: { pageInfo: { endCursor: string }; edges: Array<{ node: NotificationNode }> } }>(app.graphql, NOTIFICATIONS, { first: 2 }, liaison.token);
    const rest = await expectData<{ notifications: { edges: Array<{ node: NotificationNode }> } }>(app.graphql, NOTIFICATIONS, { first: 100, after: page.notifications.pageInfo.endCursor }, liaison.token);
    expect([...page.notifications.edges, ...rest.notifications.edges].map((edge) => edge.node.id)).toEqual(all.map((node) => node.id));
    expect(all.map((node) => node.title)[0]).toBe('新的整改任务：阵地管理台账缺失');
  });

  it('is empty for an integration, which cannot subscribe either', async () => {
    const issued = await expectData<{ issueApiToken: { token: string } }>(
      app.graphql,
      'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { token } }',
      { input: { name: 'OA', tenantId: world.tenantId, readOnly: true, expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } },
      world.districtAdmin.token,
    );
    expect((await inbox(issued.issueApiToken.token)).totalCount).toBe(0);
    const refused = await subscribe(app.url, issued.issueApiToken.token, RECEIVED);
    try {
      await eventually(() => (refused.errors.length > 0 ? true : undefined));
      expect(refused.values).toEqual([]);
    } finally {
      await refused.close();
    }
  });
});
