import type { KeyProject } from './key-project-plan.decider';
import type { MonthlyReportState } from './monthly-report.decider';
import { milestoneStandings, monthlyReportStanding, progressReportDueDate, unitsWithoutSignedLetter, weightedCompletion } from './responsibility.rules';
import type { TargetLetterState } from './target-letter.decider';

const project = (weight: number, percents: number[]): KeyProject => ({
  projectId: 'a0000000-0000-4000-8000-000000000901',
  category: 'ROUTINE',
  title: '项目',
  weight,
  goal: '目标',
  milestones: [{ month: '2026-03', target: '一' }, { month: '2026-04', target: '二' }, { month: '2026-05', target: '三' }],
  progress: percents.map((completionPercent, index) => ({
    month: `2026-0${3 + index}`,
    completionPercent,
    summary: '进展',
    evidenceHashes: [],
    reportedAt: index === 0 ? '2026-04-05T15:00:00.000Z' : '2026-05-06T02:00:00.000Z',
  })),
});

const report = (submittedAt: string | null): MonthlyReportState => ({
  status: submittedAt ? 'SUBMITTED' : 'DUE',
  version: submittedAt ? 2 : 1,
  reportId: 'a0000000-0000-4000-8000-000000000701',
  month: '2026-03',
  dueDate: '2026-04-05',
  content: submittedAt ? '报告' : null,
  attachmentHashes: [],
  submittedAt,
  warningsIssued: [],
});

describe('responsibility rules', () => {
  it('makes a month’s progress due on the 5th of the next month, across the year end', () => {
    expect(progressReportDueDate('2026-03')).toBe('2026-04-05');
    expect(progressReportDueDate('2026-12')).toBe('2027-01-05');
    expect(progressReportDueDate('2026-02')).toBe('2026-03-05');
  });

  it('marks each milestone month reported, late, missing or not yet due (China dates)', () => {
    // March reported 23:00 on 5 April in China: on time; April reported 6 May: late; May not yet due on 1 June.
    expect(milestoneStandings(project(10, [30, 60]), new Date('2026-06-01T02:00:00Z')).map((m) => m.standing)).toEqual(['REPORTED', 'LATE', 'PENDING']);
    expect(milestoneStandings(project(10, [30, 60]), new Date('2026-06-06T02:00:00Z')).map((m) => m.standing)).toEqual(['REPORTED', 'LATE', 'MISSING']);
  });

  it('weighs each project’s latest completion by its weight', () => {
    expect(weightedCompletion({ projects: [project(60, [30, 50]), project(40, [])] })).toBe(30);
    expect(weightedCompletion({ projects: [project(50, [100]), project(50, [100])] })).toBe(100);
  });

  it('warns about an owed monthly report in the three colours of a finding deadline', () => {
    expect(monthlyReportStanding(report(null), new Date('2026-03-10T02:00:00Z'))).toEqual({ standing: 'PENDING', warning: null });
    expect(monthlyReportStanding(report(null), new Date('2026-03-20T02:00:00Z'))).toEqual({ standing: 'PENDING', warning: 'GREEN' });
    expect(monthlyReportStanding(report(null), new Date('2026-04-01T02:00:00Z'))).toEqual({ standing: 'PENDING', warning: 'YELLOW' });
    expect(monthlyReportStanding(report(null), new Date('2026-04-06T02:00:00Z'))).toEqual({ standing: 'MISSING', warning: 'RED' });
    expect(monthlyReportStanding(report('2026-04-06T01:00:00Z'), new Date('2026-04-10T02:00:00Z'))).toEqual({ standing: 'LATE', warning: null });
    expect(monthlyReportStanding(report('2026-04-05T10:00:00Z'), new Date('2026-04-10T02:00:00Z'))).toEqual({ standing: 'REPORTED', warning: null });
  });

  it('lists the units with no signed letter of the year', () => {
    const letter = (unitId: string, status: 'DRAFT' | 'SIGNED', year = 2026): TargetLetterState => ({
      status,
      version: 1,
      letterId: unitId,
      year,
      level: 'DISTRICT_UNIT',
      unitId,
      terms: ['条款'],
      signatories: [],
      signedOn: null,
      signedAt: null,
    });
    expect(unitsWithoutSignedLetter(['u1', 'u2', 'u3', 'u4'], [letter('u1', 'SIGNED'), letter('u2', 'DRAFT'), letter('u3', 'SIGNED', 2025)], 2026)).toEqual(['u2', 'u3', 'u4']);
  });
});
