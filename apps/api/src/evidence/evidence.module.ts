import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { FindingEvidenceRepository } from '../findings/evidence/finding-evidence.repository';
import { IdentityModule } from '../identity/identity.module';
import { EvidenceCallerGuard, EvidenceController } from './evidence.controller';
import { EvidenceStore } from './evidence-store';

/**
 * Evidence files: upload and download over plain HTTP, the content-addressed store, and what
 * uploads were called. The findings module imports it to check that a check-in's files exist.
 */
@Module({
  imports: [IdentityModule],
  controllers: [EvidenceController],
  providers: [
    { provide: EvidenceStore, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new EvidenceStore(config.evidenceDir) },
    FindingEvidenceRepository,
    EvidenceCallerGuard,
  ],
  exports: [EvidenceStore, FindingEvidenceRepository],
})
export class EvidenceModule {}
