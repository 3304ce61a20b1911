import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { chinaDateOf, type Actor } from '@zeren/domain';
import type { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { ConcurrencyConflictError } from '../event-store/event-store.errors';

/** The scheduler's actor id in every warning's metadata. */
export const WARNING_SCHEDULER_ID = '00000000-0000-4000-8000-00000000a1e7';

/** The warnings scheduler as the actor of a district's warning: a service actor that carries no token. */
export function schedulerOf(tenantId: string): Actor {
  return { kind: 'service', id: WARNING_SCHEDULER_ID, role: 'service', cityId: null, tenantId, unitId: null };
}

/** A record due a warning, as read: its stream and the version the command must find. */
export interface WarningCandidate {
  tenantId: string;
  id: string;
  version: number;
}

/** One kind of 三色预警: which records may be due one, and the command that lets the decider send it. */
export interface WarningSource {
  /** Transaction advisory lock of the instance running this kind's round. */
  lockKey: number;
  /** For the log: 'deadline warnings', 'monthly report warnings'. */
  what: string;
  /** Candidates by the China date `today`, in every tenant of `sql`'s scope, at most `limit`. */
  candidates(sql: Sql, today: string, limit: number): Promise<WarningCandidate[]>;
  /** Dispatches the warning command as the district's scheduler, at the candidate's version. */
  warn(candidate: WarningCandidate): Promise<{ version: number }>;
}

export interface WarningRound {
  candidates: number;
  /** Records that got a warning event this round. */
  issued: number;
}

/**
 * A job sending one kind of warning in rounds, on a timer. Exactly once, across instances and
 * restarts: one instance holds the round's advisory lock; each command carries the version its
 * candidate was read at, so a stream that moved on is a CONFLICT and skipped until the next round;
 * and the decider sends a colour only if the record's events hold no warning of it (or a worse one).
 */
export abstract class WarningRoundsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('warnings');
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<WarningRound | null> | undefined;

  protected constructor(
    private readonly transactions: ScopedTransactions,
    private readonly source: WarningSource,
    private readonly options: { intervalMs: number; roundLimit: number },
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runLogged(), this.options.intervalMs);
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
  protected run(now: Date): Promise<WarningRound | null> {
    this.round ??= this.issue(now).finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private issue(now: Date): Promise<WarningRound | null> {
    const { logger } = this;
    const { roundLimit } = this.options;
    return this.transactions.runForAllTenants(async (sql) => {
      const [lock] = await sql.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.source.lockKey]);
      if (!lock?.locked) return null;
      const candidates = await this.source.candidates(sql, chinaDateOf(now), roundLimit);
      let issued = 0;
      for (const candidate of candidates) {
        try {
          const written = await this.source.warn(candidate);
          if (written.version > candidate.version) issued++;
        } catch (error) {
          // Someone acted on the record since it was read: the next round looks at it again.
          if (error instanceof ConcurrencyConflictError) continue;
          logger.error({ msg: `${this.source.what}: not issued`, tenantId: candidate.tenantId, recordId: candidate.id, error: (error as Error).message });
        }
      }
      if (issued > 0) logger.log({ msg: `${this.source.what} issued`, issued, candidates: candidates.length });
      return { candidates: candidates.length, issued };
    });
  }

  private async runLogged(): Promise<void> {
    try {
      await this.run(new Date());
    } catch (error) {
      this.logger.error({ msg: `${this.source.what}: round failed`, error: (error as Error).message });
    }
  }
}
