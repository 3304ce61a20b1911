import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ScopedTransactions } from '../../database/scoped-transactions';
import { schedulerOf, WarningRoundsJob, type WarningRound } from '../../records/warning-rounds';
import { FindingCommands } from '../finding-commands';
import { dueWarningCandidates } from '../findings.repository';

export { WARNING_SCHEDULER_ID } from '../../records/warning-rounds';

/** Transaction advisory lock of the instance sending warnings this round (7_101_001: wake-up leader, 7_101_002: checkpoints). */
export const WARNINGS_LOCK_KEY = 7_101_003;
/** Findings handled per round; the next round continues with the rest. */
const ROUND_LIMIT = 1000;

/** Findings that got a WarningIssued event this round (`issued`), of the candidates read. */
export type DueWarningsRound = WarningRound;

/**
 * 三色预警: on a timer, finds open findings whose deadline has entered a colour not yet warned of
 * and dispatches IssueDueWarnings to each through the pipeline, as a service actor of the finding's
 * district (the decider lets the scheduler issue warnings and nothing else). Once per colour and
 * deadline, across instances and restarts (WarningRoundsJob): the decider sends a colour only if no
 * warning of it (or worse) for the deadline is among the finding's events.
 */
@Injectable()
export class DueWarningsJob extends WarningRoundsJob {
  constructor(@Inject(ScopedTransactions) transactions: ScopedTransactions, @Inject(FindingCommands) commands: FindingCommands, @Inject(APP_CONFIG) config: AppConfig) {
    super(
      transactions,
      {
        lockKey: WARNINGS_LOCK_KEY,
        what: 'deadline warnings',
        candidates: async (sql, today, limit) =>
          (await dueWarningCandidates(sql, today, limit)).map((candidate) => ({ tenantId: candidate.tenant_id, id: candidate.id, version: candidate.version })),
        warn: (candidate) =>
          commands.dispatch({ actor: schedulerOf(candidate.tenantId) }, candidate.tenantId, candidate.id, { type: 'IssueDueWarnings' }, { expectedVersion: candidate.version }),
      },
      { intervalMs: config.warningIntervalMs, roundLimit: ROUND_LIMIT },
    );
  }

  /** One round, findings chosen by the China date of `now`; null when another instance holds the lock. */
  runDueWarnings(now: Date = new Date()): Promise<DueWarningsRound | null> {
    return this.run(now);
  }
}
