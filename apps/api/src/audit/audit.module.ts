import { Inject, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EvidenceModule } from '../evidence/evidence.module';
import { EvidenceStore } from '../evidence/evidence-store';
import { IdentityModule } from '../identity/identity.module';
import { AuditBundleExporter } from './audit-bundle-exporter';
import { AuditExportController } from './audit-export.controller';
import { AuditVerifier } from './audit-verifier';
import { CheckpointJob } from './checkpoint-job';
import { CheckpointSigner } from './checkpoint-signer';
import { CheckpointService } from './checkpoint.service';
import { CheckpointsResolver } from './checkpoints.resolver';

const log = new Logger('audit');

/**
 * Audit integrity in the running server: the signing key, checkpoints signed on a timer and on
 * demand, verification pinned to the server's keys, and the exports an archive keeps (checkpoints,
 * audit bundles) that tools/verify-audit checks offline.
 */
@Module({
  imports: [IdentityModule, EvidenceModule],
  controllers: [AuditExportController],
  providers: [
    { provide: CheckpointSigner, inject: [APP_CONFIG], useFactory: (config: AppConfig) => CheckpointSigner.load(config, log) },
    { provide: CheckpointService, inject: [CheckpointSigner], useFactory: (signer: CheckpointSigner) => new CheckpointService(signer, log) },
    {
      provide: CheckpointJob,
      inject: [ScopedTransactions, CheckpointService, APP_CONFIG],
      useFactory: (transactions: ScopedTransactions, service: CheckpointService, config: AppConfig) => new CheckpointJob(transactions, service, config, log),
    },
    {
      provide: AuditVerifier,
      inject: [EvidenceStore, CheckpointSigner, APP_CONFIG],
      useFactory: (evidence: EvidenceStore, signer: CheckpointSigner, config: AppConfig) =>
        new AuditVerifier(evidence, { trustedKeyIds: new Set([signer.keyId, ...config.checkpointTrustedKeyIds]) }),
    },
    { provide: AuditBundleExporter, inject: [EvidenceStore], useFactory: (evidence: EvidenceStore) => new AuditBundleExporter(evidence) },
    CheckpointsResolver,
  ],
  exports: [AuditVerifier, CheckpointJob],
})
export class AuditModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(CheckpointJob) private readonly checkpoints: CheckpointJob) {}

  onApplicationBootstrap(): void {
    this.checkpoints.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.checkpoints.stop();
  }
}
