import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { schedulerOf, WarningRoundsJob, type WarningRound } from '../records/warning-rounds';
import { owedReportsToWarn } from './responsibility.repository';
import { ResponsibilityService } from './responsibility.service';

/** Transaction advisory lock of the instance warning of monthly reports this round (7_101_003: findings' warnings). */
export const REPORT_WARNINGS_LOCK_KEY = 7_101_008;
/** Reports handled per round; the next round continues with the rest. */
const ROUND_LIMIT = 500;

/**
 * 三色预警 of 分析研判月报告, the way findings are warned and on the same timer: the reports still
 * owed whose due date entered yellow or red get IssueMonthlyReportWarning through the pipeline, as
 * the scheduler of their district. The warning is an event of the report's stream, and the
 * notifications consumer tells the district's office of it like of any other warning.
 */
@Injectable()
export class MonthlyReportWarningsJob extends WarningRoundsJob {
  constructor(
    @Inject(ScopedTransactions) transactions: ScopedTransactions,
    @Inject(ResponsibilityService) responsibility: ResponsibilityService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super(
      transactions,
      {
        lockKey: REPORT_WARNINGS_LOCK_KEY,
        what: 'monthly report warnings',
        candidates: owedReportsToWarn,
        warn: (report) => responsibility.warnOfOwedReport(schedulerOf(report.tenantId), report),
      },
      { intervalMs: config.warningIntervalMs, roundLimit: ROUND_LIMIT },
    );
  }

  /** One round, reports chosen by the China date of `now`; null when another instance holds the lock. */
  runReportWarnings(now: Date = new Date()): Promise<WarningRound | null> {
    return this.run(now);
  }
}
