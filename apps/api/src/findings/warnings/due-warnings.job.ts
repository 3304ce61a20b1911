import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { chinaDateOf, type Actor } from '@zeren/domain';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ScopedTransactions } from '../../database/scoped-transactions';
import { ConcurrencyConflictError } from '../../event-store/event-store.errors';
import { FindingCommands } from '../finding-commands';
import { dueWarningCandidates } from '../findings.repository';

/** Transaction advisory lock of the instance sending warnings this round (7_101_001: wake-up leader, 7_101_002: checkpoints). */
export const WARNINGS_LOCK_KEY = 7_101_003;
/** Findings handled per round; the next round continues with the rest. */
const ROUND_LIMIT = 1000;
/** The scheduler's actor id in every warning's metadata. */
export const WARNING_SCHEDULER_ID = '00000000-0000-4000-8000-00000000a1e7';

export interface DueWarningsRound {
  candidates: number;
  /** Findings that got a WarningIssued event this round. */
  issued: number;
}

/**
 * 三色预警: on a timer, finds open findings whose deadline has entered a colour not yet warned of
 * and dispatches IssueDueWarnings to each through the pipeline, as a service actor of the finding's
 * district (the decider lets the scheduler issue warnings and nothing else).
 *
 * Exactly once, across instances and restarts: one instance holds the round's advisory lock; each
 * command carries the version the candidate was read at, so a stream that moved on is a CONFLICT
 * and skipped; and the decider sends a colour only if no warning of it (or worse) for the deadline
 * is among the finding's events, which survive any restart.
 */
@Injectable()
export class DueWarningsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('warnings');
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<DueWarningsRound | null> | undefined;

  constructor(
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runLogged(), this.config.warningIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round?.catch(() => undefined);
  }

  /**
   * One round; null when another instance holds the lock. Candidates are chosen by the China date
   * of `now`; each decision is made by the pipeline at its own clock, like every command.
   */
  runDueWarnings(now: Date = new Date()): Promise<DueWarningsRound | null> {
    this.round ??= this.issue(now).finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private issue(now: Date): Promise<DueWarningsRound | null> {
    return this.transactions.runForAllTenants(async (sql) => {
      const [lock] = await sql.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [WARNINGS_LOCK_KEY]);
      if (!lock?.locked) return null;
      const candidates = await dueWarningCandidates(sql, chinaDateOf(now), ROUND_LIMIT);
      let issued = 0;
      for (const candidate of candidates) {
        try {
          const written = await this.commands.dispatch({ actor: schedulerOf(candidate.tenant_id) }, candidate.tenant_id, candidate.id, { type: 'IssueDueWarnings' }, {
            expectedVersion: candidate.version,
          });
          if (written.version > candidate.version) issued++;
        } catch (error) {
          // Someone acted on the finding since it was read: the next round looks at it again.
          if (error instanceof ConcurrencyConflictError) continue;
          this.logger.error({ msg: 'warning not issued', tenantId: candidate.tenant_id, findingId: candidate.id, error: (error as Error).message });
        }
      }
      if (issued > 0) this.logger.log({ msg: 'deadline warnings issued', issued, candidates: candidates.length });
      return { candidates: candidates.length, issued };
    });
  }

  private async runLogged(): Promise<void> {
    try {
      await this.runDueWarnings();
    } catch (error) {
      this.logger.error({ msg: 'deadline warning round failed', error: (error as Error).message });
    }
  }
}

function schedulerOf(tenantId: string): Actor {
  return { kind: 'service', id: WARNING_SCHEDULER_ID, role: 'service', cityId: null, tenantId, unitId: null };
}
