import type { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { ConsumerLoop, type EventWakeUp } from '../event-store/event-wake-up';

/**
 * The outgoing queues (webhook_outbox, notification_emails) share one shape: rows are claimed
 * under a lease, sent outside any transaction, and the outcome is written back. A lease instead
 * of a transaction held open across the send: a slow receiver then holds no snapshot back (the
 * asynchronous consumers read only below the oldest running transaction) and no connection.
 */
export type DeliveryTable = 'webhook_outbox' | 'notification_emails';

export interface RetryPolicy {
  /** Attempts in all; the last failure dead-letters the delivery. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential back-off with "equal jitter": half of the doubled delay is fixed, half random, so
 * deliveries that failed together (a receiver that was down) do not all come back at once.
 */
export function retryDelayMs(attempt: number, policy: Pick<RetryPolicy, 'baseMs' | 'maxMs'>, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** A claimed row: the lease id proves, when the outcome is written, that nobody took it over since. */
export interface LeasedDelivery {
  tenantId: string;
  id: string;
  leaseId: string;
  /** Including the attempt now being made. */
  attempts: number;
}

export type DeliveryOutcome =
  | { delivered: true; statusCode: number | null }
  /** `permanent`: the receiver said trying again cannot help (an SMTP 5xx), so it is dead-lettered at once. */
  | { delivered: false; statusCode: number | null; error: string; permanent?: boolean };

export type RecordedStatus = 'DELIVERED' | 'PENDING' | 'DEAD' | 'LEASE_LOST';

/*
 * The UPDATEs below run inside a WITH and hand their rows to a final SELECT: TypeORM answers a
 * statement whose command is UPDATE with [rows, count] instead of the rows.
 */
const DUE = `o.status IN ('PENDING', 'IN_FLIGHT')
     AND ((o.status = 'PENDING' AND o.next_attempt_at <= now()) OR (o.status = 'IN_FLIGHT' AND o.lease_until < now()))`;

/**
 * Claims up to `limit` due rows: pending ones whose time has come, and in-flight ones whose lease
 * ran out (a worker that died mid-send). FOR UPDATE SKIP LOCKED lets workers on every instance
 * claim at once without waiting for or doubling each other. `condition` narrows the due rows
 * (over alias o); `returning` names further columns of the claimed rows.
 */
export async function claimDue<Row>(
  sql: Sql,
  table: DeliveryTable,
  options: { limit: number; leaseMs: number; condition?: string; returning: string },
): Promise<Array<Row & { tenant_id: string; id: string; lease_id: string; attempts: number }>> {
  return sql.query(
    `WITH due AS (
       SELECT o.tenant_id, o.id FROM ${table} o
        WHERE ${DUE} ${options.condition ? `AND ${options.condition}` : ''}
        ORDER BY o.next_attempt_at
        LIMIT $1
        FOR UPDATE OF o SKIP LOCKED),
     claimed AS (
       UPDATE ${table} o
          SET status = 'IN_FLIGHT', attempts = o.attempts + 1, lease_id = gen_random_uuid(),
              lease_until = clock_timestamp() + make_interval(secs => $2::integer / 1000.0), last_attempt_at = clock_timestamp()
         FROM due
        WHERE o.tenant_id = due.tenant_id AND o.id = due.id
       RETURNING o.tenant_id, o.id, o.lease_id, o.attempts, ${options.returning})
     SELECT * FROM claimed`,
    [options.limit, options.leaseMs],
  );
}

/** Writes what one attempt came to — delivered, to be retried after a back-off, or dead — if the lease still holds. */
export async function recordOutcome(sql: Sql, table: DeliveryTable, delivery: LeasedDelivery, outcome: DeliveryOutcome, policy: RetryPolicy): Promise<RecordedStatus> {
  const held = [delivery.tenantId, delivery.id, delivery.leaseId];
  const rows = outcome.delivered
    ? await sql.query<{ status: RecordedStatus }>(
        `WITH recorded AS (
           UPDATE ${table} SET status = 'DELIVERED', delivered_at = clock_timestamp(), last_status_code = $4, last_error = NULL,
                  lease_id = NULL, lease_until = NULL
            WHERE tenant_id = $1 AND id = $2 AND lease_id = $3 AND status = 'IN_FLIGHT' RETURNING status)
         SELECT status FROM recorded`,
        [...held, outcome.statusCode],
      )
    : await sql.query<{ status: RecordedStatus }>(
        `WITH recorded AS (
           UPDATE ${table} SET status = $4, next_attempt_at = clock_timestamp() + make_interval(secs => $5::bigint / 1000.0),
                  last_status_code = $6, last_error = left($7, 1000), lease_id = NULL, lease_until = NULL
            WHERE tenant_id = $1 AND id = $2 AND lease_id = $3 AND status = 'IN_FLIGHT' RETURNING status)
         SELECT status FROM recorded`,
        [
          ...held,
          delivery.attempts >= policy.maxAttempts || outcome.permanent ? 'DEAD' : 'PENDING',
          retryDelayMs(delivery.attempts, policy),
          outcome.statusCode,
          outcome.error,
        ],
      );
  return rows[0]?.status ?? 'LEASE_LOST';
}

export interface DeliveryQueue<Item extends LeasedDelivery> {
  readonly name: string;
  readonly table: DeliveryTable;
  readonly policy: RetryPolicy;
  /** Claims in the caller's transaction (see claimDue). */
  claim(sql: Sql, limit: number): Promise<Item[]>;
  /** Sends one item; never throws (a failure is an outcome). */
  deliver(item: Item): Promise<DeliveryOutcome>;
}

type Log = (message: string) => void;

/**
 * One per queue per instance: woken by the event wake-up (new events may have queued rows) and by
 * a timer (retries come due), it claims a batch, sends it concurrently, and records each outcome
 * as soon as it is known, so a delivered event unblocks the next one of its stream at once.
 */
export class DeliveryWorker<Item extends LeasedDelivery> {
  private readonly loop: ConsumerLoop;
  private timer: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private current: Promise<number> | undefined;
  private stopping = false;

  constructor(
    private readonly transactions: ScopedTransactions,
    private readonly queue: DeliveryQueue<Item>,
    private readonly options: { batchSize: number; intervalMs: number },
    private readonly log: Log,
  ) {
    this.loop = new ConsumerLoop(() => (this.current = this.drain()), log);
  }

  /** Sends what is due now (also when something was just queued on this instance). */
  wake(): void {
    this.loop.wake();
  }

  start(wakeUp: EventWakeUp | undefined): void {
    if (this.timer) return;
    this.unsubscribe = wakeUp?.onWake(this.loop.wake);
    this.timer = setInterval(this.loop.wake, this.options.intervalMs);
    this.loop.wake();
  }

  /** Lets the batch under way finish recording, so no outcome is lost to a closed pool. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.loop.stop();
    this.unsubscribe?.();
    clearInterval(this.timer);
    this.timer = undefined;
    await this.current?.catch(() => undefined);
  }

  /**
   * Sends until nothing is due; returns how many it sent (delivered or not). It claims again after
   * every batch, even a small one: a delivery just made may have released the next of its stream.
   */
  async drain(): Promise<number> {
    let total = 0;
    while (!this.stopping) {
      const batch = await this.transactions.runForAllTenants((sql) => this.queue.claim(sql, this.options.batchSize));
      if (batch.length === 0) return total;
      await Promise.all(batch.map((item) => this.send(item)));
      total += batch.length;
    }
    return total;
  }

  private async send(item: Item): Promise<void> {
    const outcome = await this.queue.deliver(item);
    const status = await this.transactions.runForAllTenants((sql) => recordOutcome(sql, this.queue.table, item, outcome, this.queue.policy));
    if (status === 'DEAD') this.log(`${this.queue.name}: ${item.id} dead-lettered after ${item.attempts} attempts: ${outcome.delivered ? '' : outcome.error}`);
  }
}
