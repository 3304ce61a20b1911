import type { WarningLevel } from '@zeren/events';
import { warningLevelFor } from '../finding/deadline-warnings';
import { addDays, chinaDateOf, daysUntilDeadline, isOverdue } from '../shared/china-time';
import type { ExistingKeyProjectPlan, KeyProject } from './key-project-plan.decider';
import type { MonthlyReportState } from './monthly-report.decider';
import type { TargetLetterState } from './target-letter.decider';

/** A month's progress on a key project is due by this day of the following month. */
export const PROGRESS_REPORT_DUE_DAY = 5;

/** REPORTED on time, LATE (reported after the due date), MISSING (due date passed, nothing reported), PENDING (not yet due). */
export type ReportStanding = 'REPORTED' | 'LATE' | 'MISSING' | 'PENDING';

function firstDayOfNextMonth(month: string): string {
  return addDays(`${month}-28`, 4).slice(0, 7) + '-01';
}

export function progressReportDueDate(month: string): string {
  return addDays(firstDayOfNextMonth(month), PROGRESS_REPORT_DUE_DAY - 1);
}

function standing(dueDate: string, submittedAt: string | null, now: Date): ReportStanding {
  if (submittedAt !== null) return chinaDateOf(new Date(submittedAt)) > dueDate ? 'LATE' : 'REPORTED';
  return isOverdue(dueDate, now) ? 'MISSING' : 'PENDING';
}

export interface MilestoneStanding {
  month: string;
  dueDate: string;
  standing: ReportStanding;
}

/** Each milestone month of a project: reported on time, late, missing, or not yet due. */
export function milestoneStandings(project: KeyProject, now: Date): MilestoneStanding[] {
  return project.milestones.map(({ month }) => {
    const dueDate = progressReportDueDate(month);
    const report = project.progress.find((candidate) => candidate.month === month);
    return { month, dueDate, standing: standing(dueDate, report?.reportedAt ?? null, now) };
  });
}

/** How much of a project is done: the latest report's percentage, 0 before any. */
export function projectCompletion(project: KeyProject): number {
  return project.progress.at(-1)?.completionPercent ?? 0;
}

/** Σ weight × completion over a plan, in percent (0–100). */
export function weightedCompletion(plan: Pick<ExistingKeyProjectPlan, 'projects'>): number {
  return plan.projects.reduce((sum, project) => sum + (project.weight * projectCompletion(project)) / 100, 0);
}

export interface MonthlyReportStanding {
  standing: ReportStanding;
  /** The 三色预警 colour of a report still owed, by the same rule as a finding's deadline; null otherwise. */
  warning: WarningLevel | null;
}

export function monthlyReportStanding(report: MonthlyReportState, now: Date): MonthlyReportStanding | null {
  if (report.status === 'NONE') return null;
  const owed = report.submittedAt === null;
  return {
    standing: standing(report.dueDate, report.submittedAt, now),
    warning: owed ? warningLevelFor(daysUntilDeadline(report.dueDate, now)) : null,
  };
}

/** The units of a district with no signed district → unit letter for the year. */
export function unitsWithoutSignedLetter(unitIds: readonly string[], letters: readonly TargetLetterState[], year: number): string[] {
  const signed = new Set(
    letters.flatMap((letter) =>
      letter.status === 'SIGNED' && letter.level === 'DISTRICT_UNIT' && letter.year === year && letter.unitId !== null ? [letter.unitId] : [],
    ),
  );
  return unitIds.filter((unitId) => !signed.has(unitId));
}
