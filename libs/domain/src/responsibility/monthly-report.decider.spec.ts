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
});
