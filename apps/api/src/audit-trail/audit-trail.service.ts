import { Inject, Injectable } from '@nestjs/common';
import { RecordNotFoundError } from '../commands/command-errors';
import { decodeCursor, encodeCursor, InvalidCursorError, pageSize, toConnection, type Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { AuditEventOrder, type AuditEvent, type AuditEventFilter, type ChainStatus } from './audit-event.models';
import { AuditEventsRepository, type AuditEventRow } from './audit-events.repository';
import { ChainStatusService } from './chain-status.service';

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    position: row.position,
    tenantPosition: row.tenant_position,
    tenantId: row.tenant_id,
    streamType: row.stream_type,
    streamId: row.stream_id,
    version: row.version,
    type: row.type,
    schemaVersion: row.schema_version,
    actorId: row.metadata.actorId,
    actorRole: row.metadata.actorRole,
    recordedAt: row.recorded_at,
    effectiveAt: row.effective_at,
    data: row.data,
    redacted: row.redacted,
    metadata: row.metadata,
    prevHash: row.prev_hash.toString('hex'),
    hash: row.hash.toString('hex'),
  };
}

/** The audit explorer: the log as stored, for those the rules let audit a district, and its chain's health. */
@Injectable()
export class AuditTrailService {
  constructor(
    @Inject(AuditEventsRepository) private readonly events: AuditEventsRepository,
    @Inject(ChainStatusService) private readonly chains: ChainStatusService,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  async list(caller: Caller, filter: AuditEventFilter, order: AuditEventOrder, first: number, after: string | null | undefined): Promise<Connection<AuditEvent>> {
    const size = pageSize(first);
    const { rows, totalCount } = await this.events.list(caller.tenantIds, this.authorization.abilityOf(caller), {
      tenantId: filter.tenantId ?? null,
      actorId: filter.actorId ?? null,
      types: filter.types ?? null,
      streamId: filter.streamId ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      newestFirst: order === AuditEventOrder.NEWEST_FIRST,
      afterPosition: after ? this.decodeAfter(after) : null,
      limit: size + 1,
    });
    return toConnection(rows, size, totalCount, (row) => encodeCursor([row.position]), toAuditEvent, after);
  }

  /** A district the caller may not audit is NOT_FOUND; one it reads but may not verify (an integration) is FORBIDDEN. */
  chainStatus(caller: Caller, tenantId: string): Promise<ChainStatus> {
    const subject = { tenantId: tenantId.toLowerCase() };
    if (!this.authorization.can(caller, 'read', 'AuditEvent', subject)) throw new RecordNotFoundError('Tenant', tenantId);
    this.authorization.assertCan(caller, 'verifyChain', 'AuditEvent', subject);
    return this.chains.status(subject.tenantId);
  }

  private decodeAfter(cursor: string): string {
    const [position] = decodeCursor(cursor, 1);
    if (typeof position !== 'string' || !/^\d{1,19}$/.test(position)) throw new InvalidCursorError();
    return position;
  }
}
