import type { AppConfig } from '../config/app-config';
import type { ScopedTransactions } from '../database/scoped-transactions';
import type { AuditLog } from './audit-log';
import type { CheckpointService, CheckpointSigningResult } from './checkpoint.service';

/** Transaction advisory lock held by the one instance signing at a time (the wake-up leader holds 7_101_001). */
export const CHECKPOINT_LOCK_KEY = 7_101_002;

/**
 * Signs every tenant's chain head on a timer. Several API instances may run it: each round takes
 * a transaction-scoped advisory lock, so one instance signs and the others skip that round, and
 * heads that did not move are skipped, so a round that follows another signs nothing twice.
 */
export class CheckpointJob {
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<CheckpointSigningResult | null> | undefined;

  constructor(
    private readonly transactions: ScopedTransactions,
    private readonly service: CheckpointService,
    private readonly config: Pick<AppConfig, 'checkpointIntervalMs'>,
    private readonly log: AuditLog,
  ) {}

  /** Signs once now (a restart should not wait an interval), then every checkpointIntervalMs. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.runLogged(), this.config.checkpointIntervalMs);
    void this.runLogged();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.round?.catch(() => undefined);
  }

  /** One round; null when another instance holds the lock. A round already running is joined, not doubled. */
  runOnce(): Promise<CheckpointSigningResult | null> {
    this.round ??= this.sign().finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  private sign(): Promise<CheckpointSigningResult | null> {
    return this.transactions.runForAllTenants(async (sql) => {
      const [lock] = await sql.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS locked', [CHECKPOINT_LOCK_KEY]);
      if (!lock?.locked) return null;
      const result = await this.service.signHeads(sql);
      if (result.signed.length) this.log.log(`signed the chain heads of ${result.signed.length} tenant(s)`);
      return result;
    });
  }

  private async runLogged(): Promise<void> {
    try {
      await this.runOnce();
    } catch (error) {
      this.log.error(`checkpoint signing failed: ${(error as Error).message}`);
    }
  }
}
