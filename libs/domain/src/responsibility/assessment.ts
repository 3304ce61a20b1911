import type { FindingEvent, InterviewEvent, InterviewKind, KeyProjectPlanEvent, MonthlyReportEvent } from '@zeren/events';
import { findingDecider } from '../finding/finding.decider';
import { isOpenFinding, type FindingState } from '../finding/finding.state';
import { interviewDecider, type InterviewState } from '../interview/interview.decider';
import { chinaDateOf, isOverdue, startOfChinaDay } from '../shared/china-time';
import type { Decider } from '../shared/decider';
import { fold } from '../shared/decider';
import { validationFailed } from '../shared/domain-error';
import { keyProjectPlanDecider, type KeyProjectPlanState } from './key-project-plan.decider';
import { monthlyReportDecider, type MonthlyReportState } from './monthly-report.decider';
import { monthlyReportStanding, weightedCompletion } from './responsibility.rules';

/** A deduction of `pointsEach` per counted case, never more than `maxDeduction` in all. */
export interface Deduction {
  pointsEach: number;
  maxDeduction: number;
}

/**
 * The rules of one year's 考核. Published sets are never edited: a change is a new version from a
 * later year, so an earlier year's ranking recomputes under the rules that year was assessed by.
 */
export interface AssessmentRuleSet {
  version: string;
  /** The first year these rules assess; they hold until a later set takes over. */
  fromYear: number;
  /** Points for Σ weight × completion of the confirmed key projects (full marks at 100%). */
  projectCompletionPoints: number;
  /** Points for the rectification rate of the year's findings (full marks at 100%, and when none were found). */
  rectificationRatePoints: number;
  overdueFinding: Deduction;
  /** 约谈 held with the subject's people in the year, of these kinds. */
  interviewReceived: Deduction & { kinds: readonly InterviewKind[] };
  /** District subjects only: a monthly report never sent costs `pointsEach`, one sent late `latePoints`. */
  missingMonthlyReport: Deduction & { latePoints: number };
}

export const ASSESSMENT_RULE_SETS: readonly AssessmentRuleSet[] = [
  {
    version: '2025.1',
    fromYear: 2000,
    projectCompletionPoints: 50,
    rectificationRatePoints: 50,
    overdueFinding: { pointsEach: 2, maxDeduction: 20 },
    interviewReceived: { pointsEach: 5, maxDeduction: 20, kinds: ['ADMONITION'] },
    missingMonthlyReport: { pointsEach: 5, maxDeduction: 30, latePoints: 0 },
  },
  {
    version: '2026.1',
    fromYear: 2026,
    projectCompletionPoints: 40,
    rectificationRatePoints: 60,
    overdueFinding: { pointsEach: 3, maxDeduction: 30 },
    interviewReceived: { pointsEach: 5, maxDeduction: 20, kinds: ['ADMONITION', 'CAUTION'] },
    missingMonthlyReport: { pointsEach: 5, maxDeduction: 30, latePoints: 2 },
  },
];

/** The set in force for a year (the latest one starting at or before it), or a named version. */
export function assessmentRulesFor(year: number, version?: string | null, sets: readonly AssessmentRuleSet[] = ASSESSMENT_RULE_SETS): AssessmentRuleSet {
  if (version) {
    const named = sets.find((set) => set.version === version);
    if (!named) throw validationFailed({ rulesVersion: `no assessment rules of version ${version}` });
    return named;
  }
  const inForce = sets.filter((set) => set.fromYear <= year).sort((a, b) => b.fromYear - a.fromYear)[0];
  if (!inForce) throw validationFailed({ year: `no assessment rules cover ${year}` });
  return inForce;
}

/** One stored event as the assessment reads it; `tenantPosition` is its place in its district's chain. */
export interface AssessedEvent {
  tenantId: string;
  tenantPosition: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  data: unknown;
  recordedAt: string;
}

/** Which event a score counts: its district's chain, its stream and its place in both. */
export interface EventRef {
  tenantId: string;
  tenantPosition: string;
  streamId: string;
  version: number;
  type: string;
}

/** A district (`unitId` null: everything in it) or one of its units. */
export interface AssessmentSubject {
  tenantId: string;
  unitId: string | null;
  name: string;
}

export type AssessmentCriterion = 'PROJECT_COMPLETION' | 'RECTIFICATION_RATE' | 'OVERDUE_FINDINGS' | 'INTERVIEWS_RECEIVED' | 'MONTHLY_REPORTS';

export interface ScoreLine {
  criterion: AssessmentCriterion;
  /** What was measured: a percentage for the first two criteria, a count for the others. */
  measured: number;
  /** Points added (positive) or deducted (negative). */
  points: number;
  events: EventRef[];
}

export interface SubjectScore extends AssessmentSubject {
  rank: number;
  total: number;
  lines: ScoreLine[];
}

export interface AssessmentResult {
  year: number;
  rulesVersion: string;
  asOf: string;
  ranking: SubjectScore[];
}

interface Folded<State> {
  tenantId: string;
  state: State;
  events: AssessedEvent[];
}

const refOf = ({ tenantId, tenantPosition, streamId, version, type }: AssessedEvent): EventRef => ({ tenantId, tenantPosition, streamId, version, type });
const round2 = (value: number): number => Math.round(value * 100) / 100;
/** Points lost, capped; 0 rather than −0 when nothing is lost. */
const deduct = (maxDeduction: number, points: number): number => (points === 0 ? 0 : -Math.min(maxDeduction, points));
const inYear = (instant: string | null, year: number): boolean => instant !== null && chinaDateOf(new Date(instant)).startsWith(`${year}-`);

function foldStreams<State, Event>(events: readonly AssessedEvent[], streamType: string, decider: Pick<Decider<State, unknown, Event>, 'initialState' | 'evolve'>): Folded<State>[] {
  const streams = new Map<string, AssessedEvent[]>();
  for (const event of events) {
    if (event.streamType !== streamType) continue;
    const key = `${event.tenantId}/${event.streamId}`;
    streams.set(key, [...(streams.get(key) ?? []), event]);
  }
  return [...streams.values()].map((stream) => {
    const ordered = [...stream].sort((a, b) => a.version - b.version);
    return { tenantId: ordered[0]!.tenantId, events: ordered, state: fold(decider, ordered.map(({ type, data }) => ({ type, data }) as Event)) };
  });
}

function projectLine(rules: AssessmentRuleSet, plans: readonly Folded<KeyProjectPlanState>[]): ScoreLine {
  const confirmed = plans.flatMap((plan) => (plan.state.status === 'CONFIRMED' ? [{ ...plan, state: plan.state }] : []));
  const percent = confirmed.length === 0 ? 0 : confirmed.reduce((sum, plan) => sum + weightedCompletion(plan.state), 0) / confirmed.length;
  // The confirmation fixes the weights; each project's latest report fixes its completion.
  const events = confirmed.flatMap((plan) => [
    ...plan.events.filter((event) => event.type === 'KeyProjectPlanConfirmed'),
    ...plan.state.projects.flatMap((project) => {
      const latest = plan.events.filter((event) => event.type === 'KeyProjectProgressReported' && (event.data as { projectId: string }).projectId === project.projectId).at(-1);
      return latest ? [latest] : [];
    }),
  ]);
  return { criterion: 'PROJECT_COMPLETION', measured: round2(percent), points: round2((rules.projectCompletionPoints * percent) / 100), events: events.map(refOf) };
}

function findingLines(rules: AssessmentRuleSet, findings: readonly Folded<FindingState>[], asOf: Date): ScoreLine[] {
  const counted = findings.filter((finding) => finding.state.status !== 'NONE' && finding.state.status !== 'WITHDRAWN');
  const verified = counted.filter((finding) => finding.state.status === 'VERIFIED');
  const rate = counted.length === 0 ? 1 : verified.length / counted.length;
  const overdue = counted.filter((finding) => finding.state.status !== 'NONE' && isOpenFinding(finding.state.status) && isOverdue(finding.state.deadline, asOf));
  return [
    {
      criterion: 'RECTIFICATION_RATE',
      measured: round2(rate * 100),
      points: round2(rules.rectificationRatePoints * rate),
      events: [
        ...counted.flatMap((finding) => finding.events.filter((event) => event.type === 'FindingRecorded')),
        ...verified.map((finding) => finding.events.filter((event) => event.type === 'FindingVerified').at(-1)!),
      ].map(refOf),
    },
    {
      criterion: 'OVERDUE_FINDINGS',
      measured: overdue.length,
      points: deduct(rules.overdueFinding.maxDeduction, rules.overdueFinding.pointsEach * overdue.length),
      // Being still open past the deadline follows from the whole stream, so all of it is counted.
      events: overdue.flatMap((finding) => finding.events).map(refOf),
    },
  ];
}

function interviewLine(rules: AssessmentRuleSet, interviews: readonly Folded<InterviewState>[]): ScoreLine {
  return {
    criterion: 'INTERVIEWS_RECEIVED',
    measured: interviews.length,
    points: deduct(rules.interviewReceived.maxDeduction, rules.interviewReceived.pointsEach * interviews.length),
    events: interviews.flatMap((interview) => interview.events.filter((event) => event.type === 'InterviewHeld')).map(refOf),
  };
}

function monthlyReportLine(rules: AssessmentRuleSet, reports: readonly Folded<MonthlyReportState>[], asOf: Date): ScoreLine {
  const standingOf = (report: Folded<MonthlyReportState>) => monthlyReportStanding(report.state, asOf)?.standing;
  const missing = reports.filter((report) => standingOf(report) === 'MISSING');
  const late = reports.filter((report) => standingOf(report) === 'LATE');
  const rule = rules.missingMonthlyReport;
  return {
    criterion: 'MONTHLY_REPORTS',
    measured: missing.length + late.length,
    points: deduct(rule.maxDeduction, rule.pointsEach * missing.length + rule.latePoints * late.length),
    events: [...missing, ...late].flatMap((report) => report.events).map(refOf),
  };
}

function compareScores(a: { total: number }, b: { total: number }): number {
  return b.total - a.total;
}

/**
 * 考核: scores each subject for the year from the events alone, as of year end (or earlier, for a
 * year still running), and ranks them; equal totals share a rank. Every line names the events it
 * counts, so each figure can be traced back to the chain.
 *
 * Counted: findings recorded in the year (withdrawn ones not), 约谈 held in the year, key project
 * plans of the year, and monthly reports for the year's months. A unit's findings are those it
 * answers for now; its 约谈 those naming one of its people as interviewee.
 */
export function assess(input: {
  year: number;
  rules: AssessmentRuleSet;
  subjects: readonly AssessmentSubject[];
  events: readonly AssessedEvent[];
  asOf?: Date;
}): AssessmentResult {
  const { year, rules } = input;
  const yearEnd = startOfChinaDay(`${year + 1}-01-01`);
  const asOf = input.asOf && input.asOf < yearEnd ? input.asOf : yearEnd;
  const events = input.events.filter((event) => new Date(event.recordedAt) < asOf);
  const findings = foldStreams<FindingState, FindingEvent>(events, 'Finding', findingDecider).filter(
    (finding) => finding.state.status !== 'NONE' && inYear(finding.state.recordedAt, year),
  );
  const interviews = foldStreams<InterviewState, InterviewEvent>(events, 'Interview', interviewDecider).filter(
    (interview) => interview.state.status === 'HELD' && inYear(interview.state.heldAt, year) && rules.interviewReceived.kinds.includes(interview.state.kind),
  );
  const plans = foldStreams<KeyProjectPlanState, KeyProjectPlanEvent>(events, 'KeyProjectPlan', keyProjectPlanDecider).filter(
    (plan) => plan.state.status !== 'NONE' && plan.state.year === year,
  );
  const reports = foldStreams<MonthlyReportState, MonthlyReportEvent>(events, 'MonthlyReport', monthlyReportDecider).filter(
    (report) => report.state.status !== 'NONE' && report.state.month.startsWith(`${year}-`),
  );

  const scores = input.subjects.map((subject) => {
    const ofSubject = <State>(records: readonly Folded<State>[], unitOf: (state: State) => boolean) =>
      records.filter((record) => record.tenantId === subject.tenantId && (subject.unitId === null || unitOf(record.state)));
    const lines = [
      projectLine(
        rules,
        plans.filter((plan) => plan.tenantId === subject.tenantId && plan.state.status !== 'NONE' && plan.state.ownerUnitId === subject.unitId),
      ),
      ...findingLines(rules, ofSubject(findings, (state) => state.status !== 'NONE' && state.unitId === subject.unitId), asOf),
      interviewLine(
        rules,
        ofSubject(interviews, (state) => state.status !== 'NONE' && state.interviewees.some((person) => person.unitId === subject.unitId)),
      ),
      // Monthly reports are the district's own duty, not its units'.
      monthlyReportLine(rules, subject.unitId === null ? ofSubject(reports, () => true) : [], asOf),
    ];
    return { ...subject, lines, total: round2(lines.reduce((sum, line) => sum + line.points, 0)) };
  });

  const sorted = [...scores].sort((a, b) => compareScores(a, b) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const ranking: SubjectScore[] = [];
  for (const [index, score] of sorted.entries()) {
    const previous = ranking[index - 1];
    ranking.push({ ...score, rank: previous && compareScores(previous, score) === 0 ? previous.rank : index + 1 });
  }
  return { year, rulesVersion: rules.version, asOf: asOf.toISOString(), ranking };
}
