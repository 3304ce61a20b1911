import { createHash } from 'node:crypto';
import type { AppAction, AppSubjectType, Decider } from '@zeren/domain';
import { RecordNotFoundError } from '../commands/command-errors';
import type { CommandPipeline } from '../commands/command-pipeline';
import type { Caller } from '../identity/authenticator';
import type { Authorization } from '../identity/authorization';

/** What the write path needs to know about an existing record: where its stream lives. */
export interface StoredRecord {
  tenantId: string;
  id: string;
}

/** How one area's records are found, authorised and decided on. */
export interface RecordArea<Row extends StoredRecord, State, Command, Event extends { type: string; data: unknown }> {
  subjectType: AppSubjectType;
  decider: Decider<State, Command, Event>;
  /** The current projection row, read in the caller's tenant scope (row-level security applies). */
  find(tenantIds: readonly string[], id: string): Promise<Row | undefined>;
  /** The fields the ability conditions read (tenantId, unitId, status…). */
  subjectOf(row: Row): Record<string, unknown>;
}

export interface ChangeRequest {
  id: string;
  /** The version the client read; the pipeline answers CONFLICT when the stream moved on. */
  expectedVersion: number;
  idempotencyKey?: string | null;
}

export interface CreateRequest {
  tenantId: string;
  id: string;
  /** The new record as the ability conditions see it, for the instance check. */
  subject: Record<string, unknown>;
  idempotencyKey?: string | null;
}

/** Stored as the idempotent answer: enough to read the record again on a retry. */
interface Written {
  id: string;
  version: number;
}

/**
 * A new record's id. With an idempotency key it is derived from the key and the caller (an
 * RFC 9562 version-8 UUID), so a retry addresses the same stream and the pipeline recognises the
 * retry instead of taking a fresh random id for a different request.
 */
export function newRecordId(caller: Caller, idempotencyKey: string | null | undefined, fresh: () => string): string {
  if (!idempotencyKey) return fresh();
  const hex = createHash('sha256').update(`${caller.actor.id}\u0000${idempotencyKey}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The write path of every unit, inspection and finding mutation: find the record as the caller
 * may see it (invisible is NOT_FOUND), check the action on that instance (FORBIDDEN), dispatch the
 * command to its stream in its own tenant, and read the record back for the answer.
 */
export class RecordCommands<Row extends StoredRecord, State, Command, Event extends { type: string; data: unknown }> {
  constructor(
    private readonly area: RecordArea<Row, State, Command, Event>,
    private readonly pipeline: CommandPipeline,
    private readonly authorization: Authorization,
  ) {}

  /** The record if the caller may read it; otherwise NOT_FOUND, exactly as if it did not exist. */
  async visible(caller: Caller, id: string): Promise<Row> {
    const row = await this.area.find(caller.tenantIds, id);
    this.authorization.assertCanRead(caller, this.area.subjectType, row ? this.area.subjectOf(row) : undefined, id);
    return row!;
  }

  /**
   * Changes an existing record. `command` may read outside facts (another record's status, the
   * unit tree) from projections once the record is known to be visible and the action allowed.
   */
  async change(
    caller: Caller,
    request: ChangeRequest,
    action: AppAction,
    command: Command | ((row: Row) => Command | Promise<Command>),
    options: { effectiveAt?: Date | null } = {},
  ): Promise<Row> {
    const row = await this.visible(caller, request.id);
    this.authorization.assertCan(caller, action, this.area.subjectType, this.area.subjectOf(row));
    const decided = typeof command === 'function' ? await (command as (row: Row) => Command | Promise<Command>)(row) : command;
    await this.dispatch(caller, row.tenantId, row.id, decided, {
      expectedVersion: request.expectedVersion,
      idempotencyKey: request.idempotencyKey,
      effectiveAt: options.effectiveAt,
    });
    return (await this.area.find([row.tenantId], row.id))!;
  }

  /** Starts a new stream; the tenant must be one the caller works in (row-level security refuses others). */
  async create(caller: Caller, request: CreateRequest, action: AppAction, command: Command): Promise<Row> {
    if (!caller.tenantIds.includes(request.tenantId)) throw new RecordNotFoundError('Tenant', request.tenantId);
    this.authorization.assertCan(caller, action, this.area.subjectType, { ...request.subject, tenantId: request.tenantId, id: request.id });
    const written = await this.dispatch(caller, request.tenantId, request.id, command, { idempotencyKey: request.idempotencyKey });
    return (await this.area.find([request.tenantId], written.id))!;
  }

  /** Server-side commands (the warnings scheduler) go through the same pipeline without a caller's checks. */
  dispatch(
    caller: Pick<Caller, 'actor'>,
    tenantId: string,
    streamId: string,
    command: Command,
    options: { expectedVersion?: number; idempotencyKey?: string | null; effectiveAt?: Date | null },
  ): Promise<Written> {
    return this.pipeline.execute({
      actor: caller.actor,
      scope: { tenantIds: [tenantId] },
      tenantId,
      streamId,
      decider: this.area.decider,
      command,
      expectedVersion: options.expectedVersion,
      idempotencyKey: options.idempotencyKey ?? undefined,
      effectiveAt: options.effectiveAt ?? null,
      result: (outcome): Written => ({ id: outcome.streamId, version: outcome.version }),
    });
  }
}
