import { historyTo, OTHER_UNIT_ID, UNIT_ID } from '../finding/finding.fixtures';
import { interviewDecider } from '../interview/interview.decider';
import { actorFor, contextFor, play, TEST_TENANT_ID } from '../shared/decider-spec';
import { assess, assessmentRulesFor, type AssessedEvent, type AssessmentSubject } from './assessment';
import { keyProjectPlanDecider, type KeyProjectPlanCommand } from './key-project-plan.decider';
import { monthlyReportDecider } from './monthly-report.decider';

const id = (n: number) => `a0000000-0000-4000-8000-0000000010${String(n).padStart(2, '0')}`;
const city = (at: string) => contextFor(actorFor('city_inspector'), at);
const district = (at: string) => contextFor(actorFor('district_admin'), at);

let position = 0;
/** Events as the store would hand them back: each in its stream, in the district's chain. */
function stored(streamType: string, streamId: string, events: ReadonlyArray<{ type: string; data: unknown }>, recordedAt = '2026-06-01T02:00:00.000Z'): AssessedEvent[] {
  return events.map((event, index) => ({ tenantId: TEST_TENANT_ID, tenantPosition: String(++position), streamType, streamId, version: index + 1, ...event, recordedAt }));
}

const FINDING_VERIFIED = id(1);
const FINDING_OVERDUE = id(2);
const FINDING_WITHDRAWN = id(3);
const INTERVIEW = id(4);
const PLAN = id(5);
const MARCH_REPORT = id(6);
const APRIL_REPORT = id(7);

const interview = play(interviewDecider, [
  [
    {
      type: 'ScheduleInterview',
      interviewId: INTERVIEW,
      kind: 'ADMONITION',
      interviewerIds: [id(20)],
      interviewees: [{ personId: id(21), name: '赵刚', unitId: UNIT_ID }],
      reason: '整改滞后',
      findingIds: [FINDING_OVERDUE],
      scheduledAt: '2026-05-10T01:30:00.000Z',
      place: '区委会议室',
      confidential: false,
    },
    city('2026-05-01T02:00:00.000Z'),
  ],
  [{ type: 'RecordInterviewHeld', minutes: '纪要', commitments: [] }, city('2026-05-10T03:00:00.000Z')],
]);

const project = (n: number): KeyProjectPlanCommand => ({
  type: 'AddKeyProject',
  projectId: id(30 + n),
  category: 'REFORM_INNOVATION',
  title: `项目${n}`,
  weight: 50,
  goal: '目标',
  milestones: [{ month: '2026-03', target: '完成' }],
});
const progress = (n: number, completionPercent: number): KeyProjectPlanCommand => ({
  type: 'ReportKeyProjectProgress',
  projectId: id(30 + n),
  month: '2026-03',
  completionPercent,
  summary: '进展',
  evidenceHashes: [],
});
const plan = play(keyProjectPlanDecider, [
  [{ type: 'DraftKeyProjectPlan', planId: PLAN, year: 2026, ownerUnitId: null }, city('2026-01-05T02:00:00.000Z')],
  [project(0), city('2026-01-05T02:00:00.000Z')],
  [project(1), city('2026-01-05T02:00:00.000Z')],
  [{ type: 'ConfirmKeyProjectPlan' }, city('2026-01-06T02:00:00.000Z')],
  [progress(0, 100), district('2026-04-02T02:00:00.000Z')],
  [progress(1, 40), district('2026-04-02T02:00:00.000Z')],
]);

const schedule = (reportId: string, month: string, dueDate: string) => [{ type: 'ScheduleMonthlyReport', reportId, month, dueDate } as const, city(`${month}-01T02:00:00.000Z`)] as const;
const marchReport = play(monthlyReportDecider, [schedule(MARCH_REPORT, '2026-03', '2026-04-05')]);
const aprilReport = play(monthlyReportDecider, [
  schedule(APRIL_REPORT, '2026-04', '2026-05-05'),
  [{ type: 'SubmitMonthlyReport', content: '四月研判', attachmentHashes: [] }, district('2026-05-08T02:00:00.000Z')],
]);

const events: AssessedEvent[] = [
  ...stored('Finding', FINDING_VERIFIED, historyTo('VERIFIED')),
  ...stored('Finding', FINDING_OVERDUE, historyTo('RECORDED')),
  ...stored('Finding', FINDING_WITHDRAWN, historyTo('WITHDRAWN').map((event) => (event.type === 'FindingRecorded' ? { ...event, data: { ...event.data, unitId: OTHER_UNIT_ID } } : event))),
  ...stored('Interview', INTERVIEW, interview),
  ...stored('KeyProjectPlan', PLAN, plan),
  ...stored('MonthlyReport', MARCH_REPORT, marchReport),
  ...stored('MonthlyReport', APRIL_REPORT, aprilReport),
];

const DISTRICT: AssessmentSubject = { tenantId: TEST_TENANT_ID, unitId: null, name: '钱塘区' };
const UNITS: AssessmentSubject[] = [
  { tenantId: TEST_TENANT_ID, unitId: UNIT_ID, name: '白杨街道' },
  { tenantId: TEST_TENANT_ID, unitId: OTHER_UNIT_ID, name: '河庄街道' },
];
const lineOf = (result: ReturnType<typeof assess>, name: string, criterion: string) =>
  result.ranking.find((score) => score.name === name)!.lines.find((line) => line.criterion === criterion)!;

describe('assessment (考核)', () => {
  const rules2026 = assessmentRulesFor(2026);

  it('picks the rules in force for the year, or a named version, and refuses an unknown one', () => {
    expect(assessmentRulesFor(2025).version).toBe('2025.1');
    expect(rules2026.version).toBe('2026.1');
    expect(assessmentRulesFor(2026, '2025.1').version).toBe('2025.1');
    expect(() => assessmentRulesFor(2026, '1999.9')).toThrow('no assessment rules of version 1999.9');
  });

  it('scores a district on every criterion: 28 + 30 − 3 − 5 − 7 = 43', () => {
    const result = assess({ year: 2026, rules: rules2026, subjects: [DISTRICT], events });
    expect(result.ranking[0]!.lines.map(({ criterion, measured, points }) => ({ criterion, measured, points }))).toEqual([
      // Two projects of 50%, done 100% and 40%: 70% of 40 points.
      { criterion: 'PROJECT_COMPLETION', measured: 70, points: 28 },
      // Two findings count (the withdrawn one does not), one verified: 50% of 60 points.
      { criterion: 'RECTIFICATION_RATE', measured: 50, points: 30 },
      { criterion: 'OVERDUE_FINDINGS', measured: 1, points: -3 },
      { criterion: 'INTERVIEWS_RECEIVED', measured: 1, points: -5 },
      // March never sent (−5), April sent three days late (−2).
      { criterion: 'MONTHLY_REPORTS', measured: 2, points: -7 },
    ]);
    expect(result.ranking[0]).toMatchObject({ total: 43, rank: 1 });
    expect(result).toMatchObject({ year: 2026, rulesVersion: '2026.1', asOf: '2026-12-31T16:00:00.000Z' });
  });

  it('names the events every line counts, by stream, version and place in the chain', () => {
    const result = assess({ year: 2026, rules: rules2026, subjects: [DISTRICT], events });
    const rate = lineOf(result, '钱塘区', 'RECTIFICATION_RATE');
    expect(rate.events.map(({ streamId, type }) => `${streamId}:${type}`)).toEqual([
      `${FINDING_VERIFIED}:FindingRecorded`,
      `${FINDING_OVERDUE}:FindingRecorded`,
      `${FINDING_VERIFIED}:FindingVerified`,
    ]);
    const verified = events.find((event) => event.streamId === FINDING_VERIFIED && event.type === 'FindingVerified')!;
    expect(rate.events[2]).toEqual({ tenantId: TEST_TENANT_ID, tenantPosition: verified.tenantPosition, streamId: FINDING_VERIFIED, version: verified.version, type: 'FindingVerified' });
    expect(lineOf(result, '钱塘区', 'PROJECT_COMPLETION').events.map((event) => event.type)).toEqual([
      'KeyProjectPlanConfirmed',
      'KeyProjectProgressReported',
      'KeyProjectProgressReported',
    ]);
    expect(lineOf(result, '钱塘区', 'INTERVIEWS_RECEIVED').events.map((event) => event.streamId)).toEqual([INTERVIEW]);
    expect(new Set(lineOf(result, '钱塘区', 'MONTHLY_REPORTS').events.map((event) => event.streamId))).toEqual(new Set([MARCH_REPORT, APRIL_REPORT]));
  });

  it('ranks units on their own findings and 约谈, leaving monthly reports to the district', () => {
    const result = assess({ year: 2026, rules: rules2026, subjects: UNITS, events });
    expect(result.ranking.map(({ name, rank, total }) => ({ name, rank, total }))).toEqual([
      // No findings, no plan: full rectification marks only.
      { name: '河庄街道', rank: 1, total: 60 },
      { name: '白杨街道', rank: 2, total: 22 },
    ]);
    expect(lineOf(result, '白杨街道', 'MONTHLY_REPORTS')).toEqual({ criterion: 'MONTHLY_REPORTS', measured: 0, points: 0, events: [] });
  });

  it('gives equal totals the same rank', () => {
    const twins = assess({ year: 2026, rules: rules2026, subjects: [UNITS[1]!, { ...UNITS[1]!, unitId: id(99), name: '义蓬街道' }], events });
    expect(twins.ranking.map((score) => score.rank)).toEqual([1, 1]);
  });

  it('recomputes under an earlier rule set: the same events score 35 + 25 − 2 − 5 − 5 = 48 by 2025.1', () => {
    const result = assess({ year: 2026, rules: assessmentRulesFor(2026, '2025.1'), subjects: [DISTRICT], events });
    expect(result.ranking[0]!.total).toBe(48);
    expect(result.rulesVersion).toBe('2025.1');
  });

  it('counts only what had happened by the as-of instant, and nothing from another year', () => {
    const early = assess({ year: 2026, rules: rules2026, subjects: [DISTRICT], events, asOf: new Date('2026-03-01T00:00:00.000Z') });
    // Before any event was recorded: no findings (full marks), nothing else.
    expect(early.ranking[0]!.total).toBe(60);
    expect(assess({ year: 2025, rules: assessmentRulesFor(2025), subjects: [DISTRICT], events }).ranking[0]!.total).toBe(50);
  });
});
