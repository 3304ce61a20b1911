import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Actor, Decider } from '@zeren/domain';
import { canonicalJson, type EventMetadata, type RecordedEvent } from '@zeren/events';
import { ScopedTransactions, type TenantScope } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { EventStore, type StreamEvent } from '../event-store/event-store';
import { ConcurrencyConflictError } from '../event-store/event-store.errors';
import { requestContext } from '../logging/request-context';
import { IdempotencyKeyReuseError } from './command-errors';
import { ProjectionRegistry } from './projection-registry';

export interface CommandRequest<State, Command, Event extends { type: string; data: unknown }, Result> {
  actor: Actor;
  scope: TenantScope;
  /** The tenant whose chain records the events. */
  tenantId: string;
  streamId: string;
  decider: Decider<State, Command, Event>;
  command: Command;
  /** The version the client read; a different current version is a CONFLICT. Omit for new streams or server-side commands. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** When the user says it happened (a late check-in); stored beside the recorded time. */
  effectiveAt?: Date | null;
  /** Work in the same transaction after the append (credentials beside a PersonRegistered, say). */
  afterAppend?: (sql: Sql, appended: CommandOutcome<Event>) => Promise<void>;
  /** The JSON answer returned now and to every retry with the same idempotency key. */
  result: (outcome: CommandOutcome<Event>) => Result;
}

export interface CommandOutcome<Event> {
  streamId: string;
  version: number;
  events: Event[];
  recorded: RecordedEvent[];
}

const now = (): Date => new Date();

/** Whether every event after the version the client read only tells people something (a 三色预警). */
function onlyNoticesSince(history: readonly StreamEvent[], readVersion: number, decider: Pick<Decider<unknown, unknown, unknown>, 'noticeEvents'>): boolean {
  const since = history.filter((event) => event.version > readVersion);
  return readVersion < (history.at(-1)?.version ?? 0) && since.every((event) => decider.noticeEvents?.includes(event.type) ?? false);
}

/**
 * The write path of every mutation, in one transaction: idempotency check, load the stream,
 * decide (pure domain), append with the hash chain, inline projections, remember the answer.
 */
@Injectable()
export class CommandPipeline {
  constructor(
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry,
  ) {}

  async execute<State, Command, Event extends { type: string; data: unknown }, Result>(
    request: CommandRequest<State, Command, Event, Result>,
  ): Promise<Result> {
    const fingerprint = request.idempotencyKey ? this.fingerprint(request) : undefined;
    try {
      return await this.transactions.run(request.scope, async (sql) => {
        if (request.idempotencyKey) {
          const earlier = await this.findEarlierAnswer<Result>(sql, request.tenantId, request.idempotencyKey, fingerprint!);
          if (earlier.found) return earlier.response;
        }
        const result = await this.decideAndAppend(sql, request);
        if (request.idempotencyKey) {
          await sql.query(
            `INSERT INTO idempotency_records (tenant_id, key, request_hash, response) VALUES ($1, $2, $3, $4::jsonb)`,
            [request.tenantId, request.idempotencyKey, fingerprint, JSON.stringify(result)],
          );
        }
        return result;
      });
    } catch (error) {
      // A concurrent retry with the same key committed first (its answer's row, or its events, came
      // first): answer as it did. Without an earlier answer the conflict stands.
      const lostRace = (error as { driverError?: { code?: string } }).driverError?.code === '23505' || error instanceof ConcurrencyConflictError;
      if (request.idempotencyKey && lostRace) {
        const earlier = await this.transactions.run(request.scope, (sql) =>
          this.findEarlierAnswer<Result>(sql, request.tenantId, request.idempotencyKey!, fingerprint!),
        );
        if (earlier.found) return earlier.response;
      }
      throw error;
    }
  }

  private async decideAndAppend<State, Command, Event extends { type: string; data: unknown }, Result>(
    sql: Sql,
    request: CommandRequest<State, Command, Event, Result>,
  ): Promise<Result> {
    const history = await this.store.readStream(sql, request.tenantId, request.streamId);
    const currentVersion = history.length === 0 ? 0 : history[history.length - 1]!.version;
    if (request.expectedVersion !== undefined && request.expectedVersion !== currentVersion && !onlyNoticesSince(history, request.expectedVersion, request.decider)) {
      throw new ConcurrencyConflictError(request.streamId, request.expectedVersion, currentVersion);
    }
    const state = history.reduce(
      (folded, event) => request.decider.evolve(folded, { type: event.type, data: event.data } as Event),
      request.decider.initialState(),
    );
    const decidedAt = now();
    const events = request.decider.decide(state, request.command, { actor: request.actor, now: decidedAt, tenantId: request.tenantId });
    if (events.length === 0) {
      const outcome = { streamId: request.streamId, version: currentVersion, events, recorded: [] };
      return request.result(outcome);
    }
    const appended = await this.store.append(sql, {
      tenantId: request.tenantId,
      streamId: request.streamId,
      expectedVersion: currentVersion,
      events: events.map((event) => ({ type: event.type, data: event.data, effectiveAt: request.effectiveAt ?? null })),
      metadata: this.metadata(request.actor, request.tenantId, request.idempotencyKey),
      recordedAt: decidedAt,
    });
    // The state before each appended event: the last event's outcome is the projections' to compute.
    const statesBefore = [state];
    for (const event of events.slice(0, -1)) statesBefore.push(request.decider.evolve(statesBefore.at(-1)!, event));
    await this.projections.apply(sql, appended.recorded, { streamId: request.streamId, decider: request.decider, statesBefore });
    const outcome = { streamId: request.streamId, version: appended.nextExpectedVersion, events, recorded: appended.recorded };
    await request.afterAppend?.(sql, outcome);
    return request.result(outcome);
  }

  private metadata(actor: Actor, tenantId: string, idempotencyKey: string | undefined): EventMetadata {
    const context = requestContext.getStore();
    return {
      actorId: actor.id,
      actorRole: actor.role,
      actingForTenantId: tenantId,
      requestId: context?.requestId ?? randomUUID(),
      ...(context?.correlationId ? { correlationId: context.correlationId } : {}),
      ...(context?.client ? { client: context.client } : {}),
      ...(idempotencyKey ? { idempotencyKey } : {}),
    };
  }

  private fingerprint(request: { actor: Actor; tenantId: string; streamId: string; command: unknown; expectedVersion?: number; effectiveAt?: Date | null }): Buffer {
    return createHash('sha256')
      .update(
        canonicalJson(
          JSON.parse(
            JSON.stringify({
              actor: request.actor.id,
              tenantId: request.tenantId,
              streamId: request.streamId,
              command: request.command,
              expectedVersion: request.expectedVersion ?? null,
              effectiveAt: request.effectiveAt ?? null,
            }),
          ),
        ),
      )
      .digest();
  }

  private async findEarlierAnswer<Result>(sql: Sql, tenantId: string, key: string, fingerprint: Buffer): Promise<{ found: true; response: Result } | { found: false }> {
    const [earlier] = await sql.query<{ request_hash: Buffer; response: Result }>(
      `SELECT request_hash, response FROM idempotency_records WHERE tenant_id = $1 AND key = $2`,
      [tenantId, key],
    );
    if (!earlier) return { found: false };
    if (!earlier.request_hash.equals(fingerprint)) throw new IdempotencyKeyReuseError(key);
    return { found: true, response: earlier.response };
  }
}
