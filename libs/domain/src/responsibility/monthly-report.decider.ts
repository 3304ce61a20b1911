import { MonthlyReportScheduledV1, MonthlyReportSubmittedV1, type MonthlyReportEvent } from '@zeren/events';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
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
export type MonthlyReportCommand = ScheduleMonthlyReport | SubmitMonthlyReport;

/** 分析研判月报告: the city sets when each district's is due, the district writes it. */
export const MONTHLY_REPORT_COMMAND_ROLES: Record<MonthlyReportCommand['type'], readonly Role[]> = {
  ScheduleMonthlyReport: ['city_inspector'],
  SubmitMonthlyReport: ['district_admin'],
};

const guard = new CommandGuard<MonthlyReportStatus, MonthlyReportCommand['type']>({
  aggregate: 'MonthlyReport',
  states: { NONE: '未布置', DUE: '待报送', SUBMITTED: '已报送' },
  commands: { ScheduleMonthlyReport: '布置分析研判月报告', SubmitMonthlyReport: '报送分析研判月报告' },
});

function decide(state: MonthlyReportState, command: MonthlyReportCommand, context: DecisionContext): MonthlyReportEvent[] {
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
    return { status: 'DUE', version, ...event.data, content: null, attachmentHashes: [], submittedAt: null };
  }
  if (state.status === 'NONE') return { ...state, version };
  const { content, attachmentHashes, submittedAt } = event.data;
  return { ...state, version, status: 'SUBMITTED', content, attachmentHashes, submittedAt };
}

export const monthlyReportDecider: Decider<MonthlyReportState, MonthlyReportCommand, MonthlyReportEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
