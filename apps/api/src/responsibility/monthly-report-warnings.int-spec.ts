import { addDays, chinaDateOf } from '@zeren/domain';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { WARNING_SCHEDULER_ID } from '../records/warning-rounds';
import { eventually } from '../../test/eventually';
import { expectData, setUpDistrictWorld, type Account, type DistrictWorld } from '../../test/fixtures/district';
import { startTestApp, type TestApp } from '../../test/test-app';
import { withOwner } from '../../test/test-database';
import { MonthlyReportWarningsJob } from './monthly-report-warnings.job';
import { ResponsibilityService } from './responsibility.service';

let app: TestApp;
let world: DistrictWorld;

const today = chinaDateOf(new Date());
const YEAR = Number(today.slice(0, 4));
/** Reports of the first district: due in five days (yellow), overdue (red), far off, and overdue but submitted. */
const reports = {} as Record<'dueSoon' | 'overdue' | 'farOff' | 'submitted' | 'siblingOverdue', string>;

const REPORT = 'id month dueDate status warning version';
const NOTIFICATIONS = '{ notifications(first: 100) { edges { node { kind title body recordType recordId tenantId } } } }';

interface Notice {
  kind: string;
  title: string;
  body: string;
  recordType: string;
  recordId: string;
  tenantId: string;
}

async function scheduled(tenantId: string, month: string, dueDate: string): Promise<{ id: string; version: number }> {
  const data = await expectData<{ scheduleMonthlyReport: { id: string; version: number } }>(
    app.graphql,
    `mutation($input: ScheduleMonthlyReportInput!) { scheduleMonthlyReport(input: $input) { ${REPORT} } }`,
    { input: { tenantId, month, dueDate } },
    world.cityInspector.token,
  );
  return data.scheduleMonthlyReport;
}

async function inbox(account: Account): Promise<Notice[]> {
  const data = await expectData<{ notifications: { edges: Array<{ node: Notice }> } }>(app.graphql, NOTIFICATIONS, {}, account.token);
  return data.notifications.edges.map((edge) => edge.node).filter((notice) => notice.recordType === 'MonthlyReport');
}

async function warningEvents(): Promise<Array<{ stream_id: string; level: string; actor_id: string; actor_role: string }>> {
  return withOwner(app.database, async (owner) =>
    (
      await owner.query(
        `SELECT stream_id, data->>'level' AS level, metadata->>'actorId' AS actor_id, metadata->>'actorRole' AS actor_role FROM events
          WHERE type = 'MonthlyReportWarningIssued' ORDER BY position`,
      )
    ).rows,
  );
}

/** A job as a freshly started instance would have it: no memory but the database. */
function newInstance(): MonthlyReportWarningsJob {
  const nest = app.server.app;
  return new MonthlyReportWarningsJob(nest.get(ScopedTransactions), nest.get(ResponsibilityService), nest.get<AppConfig>(APP_CONFIG));
}

beforeAll(async () => {
  // No background rounds during the test: every round here is one the test starts.
  app = await startTestApp({ ZEREN_WARNING_INTERVAL_MS: '86400000' });
  world = await setUpDistrictWorld(app.graphql, app.signIn);
  const thisMonth = today.slice(0, 7);
  reports.dueSoon = (await scheduled(world.tenantId, thisMonth, addDays(today, 5))).id;
  reports.overdue = (await scheduled(world.tenantId, `${YEAR - 1}-06`, `${YEAR - 1}-07-05`)).id;
  reports.farOff = (await scheduled(world.tenantId, `${YEAR + 1}-01`, `${YEAR + 1}-02-05`)).id;
  const submitted = await scheduled(world.tenantId, `${YEAR - 1}-07`, `${YEAR - 1}-08-05`);
  reports.submitted = submitted.id;
  await expectData(
    app.graphql,
    'mutation($input: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $input) { id } }',
    { input: { id: submitted.id, expectedVersion: submitted.version, content: '七月舆情平稳', attachmentHashes: [] } },
    world.districtAdmin.token,
  );
  reports.siblingOverdue = (await scheduled(world.siblingTenantId, `${YEAR - 1}-06`, `${YEAR - 1}-07-05`)).id;
});
afterAll(() => app.close());

describe('分析研判月报告 warnings', () => {
  it('warn each report still owed of the colour its due date is in, once, across rounds and instances', async () => {
    const job = app.server.app.get(MonthlyReportWarningsJob);
    expect(await job.runReportWarnings()).toEqual({ candidates: 3, issued: 3 });
    const events = await warningEvents();
    expect(events.map((event) => [event.stream_id, event.level]).sort()).toEqual(
      [
        [reports.dueSoon, 'YELLOW'],
        [reports.overdue, 'RED'],
        [reports.siblingOverdue, 'RED'],
      ].sort(),
    );
    expect(events.every((event) => event.actor_id === WARNING_SCHEDULER_ID && event.actor_role === 'service')).toBe(true);

    expect(await job.runReportWarnings()).toEqual({ candidates: 0, issued: 0 });
    expect(await newInstance().runReportWarnings()).toEqual({ candidates: 0, issued: 0 });
    const together = await Promise.all([newInstance(), newInstance()].map((instance) => instance.runReportWarnings()));
    expect(together.reduce((issued, round) => issued + (round?.issued ?? 0), 0)).toBe(0);
    expect(await warningEvents()).toHaveLength(3);

    // The page still shows the colour, now read from a row that lists the warning sent.
    const listed = await expectData<{ monthlyReports: Array<{ id: string; warning: string | null; version: number }> }>(
      app.graphql,
      `query($year: Int!) { monthlyReports(year: $year) { ${REPORT} } }`,
      { year: YEAR - 1 },
      world.districtAdmin.token,
    );
    expect(listed.monthlyReports.find((report) => report.id === reports.overdue)).toMatchObject({ warning: 'RED', version: 2 });
  });

  it('notify the district’s office of each warning once, and nobody else', async () => {
    const notices = await eventually(async () => {
      const found = await inbox(world.districtAdmin);
      return found.length >= 2 ? found : undefined;
    }, { what: 'the district office’s monthly report notifications' });
    expect(notices.map((notice) => [notice.recordId, notice.title]).sort()).toEqual(
      [
        [reports.dueSoon, `月报告预警（黄色）：${today.slice(0, 7)} 分析研判月报告`],
        [reports.overdue, `月报告预警（红色）：${YEAR - 1}-06 分析研判月报告`],
      ].sort(),
    );
    expect(notices.find((notice) => notice.recordId === reports.dueSoon)).toMatchObject({ kind: 'WARNING', tenantId: world.tenantId, body: expect.stringContaining('还剩 5 天') });
    const siblingNotices = await eventually(async () => {
      const found = await inbox(world.siblingAdmin);
      return found.length > 0 ? found : undefined;
    }, { what: 'the sibling district office’s notification' });
    expect(siblingNotices.map((notice) => notice.recordId)).toEqual([reports.siblingOverdue]);
    // Unit liaisons and auditors do not write the district's report and are not told of it.
    for (const account of [world.officerA, world.auditor]) expect(await inbox(account)).toEqual([]);
    // One notification per report, colour and person, however often the rounds run.
    await newInstance().runReportWarnings();
    const rows = await withOwner(app.database, async (owner) =>
      (await owner.query<{ record_id: string; n: number }>(`SELECT record_id, count(*)::int AS n FROM notifications WHERE record_type = 'MonthlyReport' GROUP BY record_id`)).rows,
    );
    expect(rows.every((row) => row.n === 1)).toBe(true);
    expect(rows).toHaveLength(3);
  });
});
