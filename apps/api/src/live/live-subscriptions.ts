import { Inject, Injectable } from '@nestjs/common';
import type { RecordedEvent, WarningIssued } from '@zeren/events';
import type { WarningLevelValue } from '../findings/finding.models';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { LiveEvents, type LiveEvent } from './live-events';
import type { FindingChange, WarningNotice } from './live.models';

export interface FindingChangeFilter {
  findingId?: string | null;
  tenantId?: string | null;
}

const sameId = (wanted: string | null | undefined, actual: string): boolean => !wanted || wanted.toLowerCase() === actual;

function toFindingChange({ event, unitId }: LiveEvent): FindingChange {
  return {
    findingId: event.streamId,
    tenantId: event.tenantId,
    unitId,
    type: event.type,
    version: event.version,
    position: event.position.toString(),
    actorId: event.metadata.actorId,
    actorRole: event.metadata.actorRole,
    recordedAt: event.recordedAt,
    effectiveAt: event.effectiveAt,
    data: event.data,
  };
}

function toWarningNotice(event: RecordedEvent): WarningNotice {
  const data = event.data as WarningIssued['data'];
  return { ...data, level: data.level as WarningLevelValue, issuedAt: new Date(data.issuedAt), tenantId: event.tenantId, position: event.position.toString() };
}

/**
 * What each subscriber receives: the committed events it asked for that it may read, decided per
 * event by the same rules as a query of the finding (district in scope, a unit officer's own unit).
 */
@Injectable()
export class LiveSubscriptions {
  constructor(
    @Inject(LiveEvents) private readonly live: LiveEvents,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  findingChanges(caller: Caller, filter: FindingChangeFilter): AsyncIterableIterator<FindingChange> {
    return this.live.subscribe((live) => {
      const { event } = live;
      if (event.streamType !== 'Finding' || !sameId(filter.findingId, event.streamId) || !sameId(filter.tenantId, event.tenantId)) return undefined;
      return this.mayReadFinding(caller, event, live.unitId) ? toFindingChange(live) : undefined;
    });
  }

  warnings(caller: Caller, tenantId: string | null | undefined): AsyncIterableIterator<WarningNotice> {
    return this.live.subscribe(({ event }) => {
      if (event.type !== 'WarningIssued' || !sameId(tenantId, event.tenantId)) return undefined;
      const notice = toWarningNotice(event);
      return this.mayReadFinding(caller, event, notice.unitId) ? notice : undefined;
    });
  }

  private mayReadFinding(caller: Caller, event: RecordedEvent, unitId: string | null): boolean {
    return this.authorization.can(caller, 'read', 'Finding', { id: event.streamId, tenantId: event.tenantId, unitId });
  }
}
