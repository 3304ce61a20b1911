import { MonthlyReportScheduledV1, MonthlyReportSubmittedV1, MonthlyReportWarningIssuedV1, type MonthlyReportEvent, type WarningLevel } from '@zeren/events';
import { actingContext } from '../abilities/actor';
import { warningLevelFor } from '../finding/deadline-warnings';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { daysUntilDeadline } from '../shared/china-time';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export type MonthlyReportStatus = 'DUE' | 'SUBMITTED';

export interface ExistingMonthlyReport {
  status: MonthlyReportStatus;
  version: number;
  reportId: string;
  /** The month analysed, 'YYYY-MM'. */
  month: string;
  dueDate: string;
  content: string | null;
  attachmentHashes: string[];
  submittedAt: string | null;
  /** The 三色预警 colours the district has been warned of for this report, in order. */
  warningsIssued: WarningLevel[];
}

export type MonthlyReportState = NotCreated | ExistingMonthlyReport;

export interface ScheduleMonthlyReport {
  type: 'ScheduleMonthlyReport';
  reportId: string;
  month: string;
  dueDate: string;
}
export interface SubmitMonthlyReport {
  type: 'SubmitMonthlyReport';
  content: string;
  attachmentHashes: string[];
}
/** The scheduler's: warn the district of the colour the due date is in, unless it already was. */
export interface IssueMonthlyReportWarning {
  type: 'IssueMonthlyReportWarning';
}
export type MonthlyReportCommand = ScheduleMonthlyReport | SubmitMonthlyReport | IssueMonthlyReportWarning;

/** 分析研判月报告: the city sets when each district's is due, the district writes it, the scheduler warns of it. */
export const MONTHLY_REPORT_COMMAND_ROLES: Record<MonthlyReportCommand['type'], readonly Role[]> = {
  ScheduleMonthlyReport: ['city_inspector'],
  SubmitMonthlyReport: ['district_admin'],
  IssueMonthlyReportWarning: ['service'],
};

const guard = new CommandGuard<MonthlyReportStatus, MonthlyReportCommand['type']>({
  aggregate: 'MonthlyReport',
  states: { NONE: '未布置', DUE: '待报送', SUBMITTED: '已报送' },
  commands: { ScheduleMonthlyReport: '布置分析研判月报告', SubmitMonthlyReport: '报送分析研判月报告', IssueMonthlyReportWarning: '发送月报告预警' },
});

const SEVERITY: Record<WarningLevel, number> = { GREEN: 1, YELLOW: 2, RED: 3 };

/**
 * The warning to send now for a report still owed: yellow when due within the yellow period, red
 * once overdue, each at most once. A red already sent makes a yellow moot; green is shown on the
 * page but sends nothing, a month's report being due too soon after its month for a third notice.
 */
export function monthlyReportWarningDue(report: MonthlyReportState, now: Date): MonthlyReportEvent[] {
  if (report.status !== 'DUE') return [];
  const daysRemaining = daysUntilDeadline(report.dueDate, now);
  const level = warningLevelFor(daysRemaining);
  if (level !== 'YELLOW' && level !== 'RED') return [];
  if (report.warningsIssued.some((issued) => SEVERITY[issued] >= SEVERITY[level])) return [];
  return [
    createEvent(MonthlyReportWarningIssuedV1, {
      reportId: report.reportId,
      month: report.month,
      level,
      dueDate: report.dueDate,
      daysRemaining,
      issuedAt: now.toISOString(),
    }),
  ];
}

function decide(state: MonthlyReportState, command: MonthlyReportCommand, given: DecisionContext): MonthlyReportEvent[] {
  const context = actingContext(given);
  guard.requireRole(context, MONTHLY_REPORT_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'ScheduleMonthlyReport') {
    guard.requireState(state.status, ['NONE'], command.type);
    const { type: _type, ...scheduled } = command;
    const event = createEvent(MonthlyReportScheduledV1, scheduled);
    // A month's analysis can only be written once the month has begun.
    assertValid([['dueDate', event.data.dueDate >= `${event.data.month}-01`, 'must not be before the month it analyses']]);
    return [event];
  }
  const report = guard.existing(state, command.type);
  if (command.type === 'IssueMonthlyReportWarning') return monthlyReportWarningDue(report, context.now);
  guard.requireState(report.status, ['DUE'], command.type);
  return [
    createEvent(MonthlyReportSubmittedV1, {
      reportId: report.reportId,
      content: command.content,
      attachmentHashes: command.attachmentHashes,
      submittedAt: context.now.toISOString(),
    }),
  ];
}

function evolve(state: MonthlyReportState, event: MonthlyReportEvent): MonthlyReportState {
  const version = state.version + 1;
  if (event.type === 'MonthlyReportScheduled') {
    return { status: 'DUE', version, ...event.data, content: null, attachmentHashes: [], submittedAt: null, warningsIssued: [] };
  }
  if (state.status === 'NONE') return { ...state, version };
  if (event.type === 'MonthlyReportWarningIssued') return { ...state, version, warningsIssued: [...state.warningsIssued, event.data.level] };
  const { content, attachmentHashes, submittedAt } = event.data;
  return { ...state, version, status: 'SUBMITTED', content, attachmentHashes, submittedAt };
}

export const monthlyReportDecider: Decider<MonthlyReportState, MonthlyReportCommand, MonthlyReportEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
  noticeEvents: ['MonthlyReportWarningIssued'],
};
