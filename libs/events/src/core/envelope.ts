/** Who did it and through which request: stored with every event, covered by its hash. */
export interface EventMetadata {
  actorId: string;
  actorRole: string;
  /** The tenant the actor acted on; differs from the actor's own tenant for city inspectors. */
  actingForTenantId: string;
  requestId?: string;
  correlationId?: string;
  causationId?: string;
  client?: string;
  idempotencyKey?: string;
}

/** A domain event ready to append: what a decider returned, plus when the user says it happened. */
export interface PendingEvent {
  type: string;
  data: unknown;
  /** The instant the user states the fact took effect (a late check-in); null when it is now. */
  effectiveAt?: Date | null;
}

/** An event as stored in the append-only log. */
export interface RecordedEvent<Data = unknown> {
  position: bigint;
  tenantPosition: bigint;
  tenantId: string;
  streamType: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
  effectiveAt: Date | null;
  transactionId: bigint;
  prevHash: Buffer;
  hash: Buffer;
}
