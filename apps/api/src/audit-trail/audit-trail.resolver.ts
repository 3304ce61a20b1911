import { Inject } from '@nestjs/common';
import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import type { Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { AuditEvent, AuditEventConnection, AuditEventFilter, AuditEventOrder, ChainStatus } from './audit-event.models';
import { AuditTrailService } from './audit-trail.service';

/** 审计: the event log as stored (for inspectors and auditors) and the verification of a district's chain. */
@Resolver(() => AuditEvent)
export class AuditTrailResolver {
  constructor(@Inject(AuditTrailService) private readonly auditTrail: AuditTrailService) {}

  @Query(() => AuditEventConnection, { description: '审计事件 of the districts the caller may audit' })
  auditEvents(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => AuditEventFilter, nullable: true, description: 'Conditions; none lists everything auditable' }) filter: AuditEventFilter | null,
    @Args('order', { type: () => AuditEventOrder, defaultValue: AuditEventOrder.NEWEST_FIRST, description: 'Sort order' }) order: AuditEventOrder,
    @Args('first', { type: () => Int, defaultValue: 20, description: 'Page size, 1–100' }) first: number,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after: string | null,
  ): Promise<Connection<AuditEvent>> {
    return this.auditTrail.list(caller, filter ?? {}, order, first, after);
  }

  @Query(() => ChainStatus, { description: '链校验: the latest verification of a district’s chain, its signed checkpoints and evidence files' })
  chainStatus(@CurrentCaller() caller: Caller, @Args('tenantId', { type: () => ID, description: 'District' }) tenantId: string): Promise<ChainStatus> {
    return this.auditTrail.chainStatus(caller, tenantId);
  }
}
