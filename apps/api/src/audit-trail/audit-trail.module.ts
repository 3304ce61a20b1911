import { Module } from '@nestjs/common';
import { AuditVerifier } from '../audit/audit-verifier';
import { EvidenceModule } from '../evidence/evidence.module';
import { EvidenceStore } from '../evidence/evidence-store';
import { IdentityModule } from '../identity/identity.module';
import { AuditEventsRepository } from './audit-events.repository';
import { AuditTrailResolver } from './audit-trail.resolver';
import { AuditTrailService } from './audit-trail.service';
import { ChainStatusService } from './chain-status.service';

/** The audit trail as a first-class API: events by actor, type, record and time, and chain status. */
@Module({
  imports: [IdentityModule, EvidenceModule],
  providers: [
    { provide: AuditVerifier, inject: [EvidenceStore], useFactory: (evidence: EvidenceStore) => new AuditVerifier(evidence) },
    AuditEventsRepository,
    ChainStatusService,
    AuditTrailService,
    AuditTrailResolver,
  ],
})
export class AuditTrailModule {}
