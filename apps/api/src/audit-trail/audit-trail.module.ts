import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { IdentityModule } from '../identity/identity.module';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditTrailResolver } from './audit-trail.resolver';
import { AuditTrailService } from './audit-trail.service';
import { ChainStatusService } from './chain-status.service';

/** The audit trail as a first-class API: events by actor, type, record and time, and chain status. */
@Module({
  imports: [IdentityModule, AuditModule],
  providers: [
    AuditEventsRepository,
    ChainStatusService,
    AuditTrailService,
    AuditTrailResolver,
  ],
})
export class AuditTrailModule {}
