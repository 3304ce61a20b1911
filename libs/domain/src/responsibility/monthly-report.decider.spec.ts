import type { MonthlyReportEvent } from '@zeren/events';
import { actorFor, contextFor, given, play } from '../shared/decider-spec';
import { monthlyReportDecider, type MonthlyReportCommand, type ScheduleMonthlyReport } from './monthly-report.decider';

const REPORT_ID = 'a0000000-0000-4000-8000-000000000701';
const HASH = 'c'.repeat(64);
const city = contextFor(actorFor('city_inspector'), '2026-03-01T02:00:00.000Z');
const district = contextFor(actorFor('district_admin'), '2026-04-03T02:00:00.000Z');
const schedule: ScheduleMonthlyReport = { type: 'ScheduleMonthlyReport', reportId: REPORT_ID, month: '2026-03', dueDate: '2026-04-05' };

describe('MonthlyReport (分析研判月报告)', () => {
  it('is scheduled by the city and submitted by the district with content and attachment hashes', () => {
    const history = play(monthlyReportDecider, [[schedule, city]]);
    const state = given(monthlyReportDecider, history)
      .when({ type: 'SubmitMonthlyReport', content: '本月舆情平稳。', attachmentHashes: [HASH] }, district)
      .thenEmits([{ type: 'MonthlyReportSubmitted', data: { reportId: REPORT_ID, content: '本月舆情平稳。', attachmentHashes: [HASH], submittedAt: '2026-04-03T02:00:00.000Z' } }]);
    expect(state).toMatchObject({ status: 'SUBMITTED', month: '2026-03', dueDate: '2026-04-05' });
  });

  it('refuses a due date before the month analysed, a second submission, and submission by the city', () => {
    given(monthlyReportDecider).when({ ...schedule, dueDate: '2026-02-28' }, city).thenFails('VALIDATION_FAILED', { fields: { dueDate: 'must not be before the month it analyses' } });
    const submit: MonthlyReportCommand = { type: 'SubmitMonthlyReport', content: '报告', attachmentHashes: [] };
    const scheduled = play(monthlyReportDecider, [[schedule, city]]);
    given(monthlyReportDecider, scheduled).when(submit, city).thenFails('NOT_ALLOWED');
    given(monthlyReportDecider, play(monthlyReportDecider, [[submit, district]], scheduled)).when(submit, district).thenFails('INVALID_STATE');
  });

  describe('warnings (三色预警 of a report still owed)', () => {
    const scheduler = actorFor('service');
    // Due 2026-04-05, China time: yellow from 03-26 (10 days left), red from 04-06.
    const at = (instant: string) => contextFor(scheduler, instant);
    const warn: MonthlyReportCommand = { type: 'IssueMonthlyReportWarning' };
    const scheduled = play(monthlyReportDecider, [[schedule, city]]);
    const warning = (level: 'YELLOW' | 'RED', daysRemaining: number, issuedAt: string): MonthlyReportEvent => ({
      type: 'MonthlyReportWarningIssued',
      data: { reportId: REPORT_ID, month: '2026-03', level, dueDate: '2026-04-05', daysRemaining, issuedAt },
    });

    it('sends yellow when the due date is near and red once it has passed, each once', () => {
      given(monthlyReportDecider, scheduled).when(warn, at('2026-03-20T02:00:00.000Z')).thenEmits([]);
      const yellow = given(monthlyReportDecider, scheduled)
        .when(warn, at('2026-03-30T02:00:00.000Z'))
        .thenEmits([warning('YELLOW', 6, '2026-03-30T02:00:00.000Z')]);
      expect(yellow).toMatchObject({ status: 'DUE', warningsIssued: ['YELLOW'] });
      const warnedYellow = play(monthlyReportDecider, [[warn, at('2026-03-30T02:00:00.000Z')]], scheduled);
      given(monthlyReportDecider, warnedYellow).when(warn, at('2026-04-02T02:00:00.000Z')).thenEmits([]);
      given(monthlyReportDecider, warnedYellow)
        .when(warn, at('2026-04-07T02:00:00.000Z'))
        .thenEmits([warning('RED', -2, '2026-04-07T02:00:00.000Z')]);
      const warnedRed = play(monthlyReportDecider, [[warn, at('2026-04-07T02:00:00.000Z')]], warnedYellow);
      given(monthlyReportDecider, warnedRed).when(warn, at('2026-04-20T02:00:00.000Z')).thenEmits([]);
    });

    it('goes straight to red for a report already overdue, and sends nothing for one submitted', () => {
      given(monthlyReportDecider, scheduled).when(warn, at('2026-04-10T02:00:00.000Z')).thenEmits([warning('RED', -5, '2026-04-10T02:00:00.000Z')]);
      const submitted = play(monthlyReportDecider, [[{ type: 'SubmitMonthlyReport', content: '报告', attachmentHashes: [] }, district]], scheduled);
      given(monthlyReportDecider, submitted).when(warn, at('2026-04-10T02:00:00.000Z')).thenEmits([]);
    });

    it('are the scheduler’s alone: no office and no API token sends one', () => {
      for (const actor of [actorFor('district_admin'), actorFor('city_inspector'), actorFor('service', { readOnly: false, operations: ['update'] })]) {
        given(monthlyReportDecider, scheduled).when(warn, contextFor(actor, '2026-04-10T02:00:00.000Z')).thenFails('NOT_ALLOWED');
      }
    });
  });

  it('is written by an API token acting for its office: a district token submits, a city token schedules', () => {
    const districtToken = actorFor('service', { readOnly: false, operations: ['update'] });
    const cityToken = actorFor('service', { tenantId: null, readOnly: false, operations: ['create'] });
    const scheduled = given(monthlyReportDecider).when(schedule, contextFor(cityToken, '2026-03-01T02:00:00.000Z')).thenEmits(play(monthlyReportDecider, [[schedule, city]]));
    expect(scheduled.status).toBe('DUE');
    const history = play(monthlyReportDecider, [[schedule, city]]);
    const submitted: MonthlyReportEvent = { type: 'MonthlyReportSubmitted', data: { reportId: REPORT_ID, content: '报告', attachmentHashes: [], submittedAt: '2026-04-03T02:00:00.000Z' } };
    given(monthlyReportDecider, history).when({ type: 'SubmitMonthlyReport', content: '报告', attachmentHashes: [] }, contextFor(districtToken, '2026-04-03T02:00:00.000Z')).thenEmits([submitted]);
    // A read-only token is judged as what it is, and takes no part.
    given(monthlyReportDecider, history).when({ type: 'SubmitMonthlyReport', content: '报告', attachmentHashes: [] }, contextFor(actorFor('service', { readOnly: true }), '2026-04-03T02:00:00.000Z')).thenFails('NOT_ALLOWED');
  });
});
