import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../commands/projection-registry';
import { EvidenceModule } from '../evidence/evidence.module';
import { IdentityModule } from '../identity/identity.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { ResponsibilityModule } from '../responsibility/responsibility.module';
import { UnitsModule } from '../units/units.module';
import { CheckInProgressHandler } from './check-in-progress/check-in-progress.handler';
import { FindingCheckInsRepository } from './finding-check-ins.repository';
import { FindingCommands } from './finding-commands';
import { FindingCommandsResolver } from './finding-commands.resolver';
import { FindingLoaders } from './finding.loaders';
import { findingProjection } from './finding.projection';
import { FindingsRepository } from './findings.repository';
import { FindingsResolver, InspectionFindingsResolver } from './findings.resolver';
import { FindingsService } from './findings.service';
import { LedgerExportController } from './ledger-export/ledger-export.controller';
import { LedgerExportService } from './ledger-export/ledger-export.service';
import { LedgerProvenanceRepository } from './ledger-export/ledger-provenance.repository';
import { ReassignFindingHandler } from './reassign-finding/reassign-finding.handler';
import { RecordFindingHandler } from './record-finding/record-finding.handler';
import { ReopenFindingHandler } from './reopen-finding/reopen-finding.handler';
import { DueWarningsJob } from './warnings/due-warnings.job';

/** 问题 and their 整改: the rectification lifecycle, the ledger and its Excel export, check-ins and the 三色预警 scheduler. */
@Module({
  imports: [IdentityModule, UnitsModule, InspectionsModule, EvidenceModule, ResponsibilityModule],
  controllers: [LedgerExportController],
  providers: [
    LedgerExportService,
    LedgerProvenanceRepository,
    FindingsRepository,
    FindingCheckInsRepository,
    FindingCommands,
    FindingsService,
    FindingLoaders,
    RecordFindingHandler,
    CheckInProgressHandler,
    ReassignFindingHandler,
    ReopenFindingHandler,
    FindingsResolver,
    InspectionFindingsResolver,
    FindingCommandsResolver,
    DueWarningsJob,
  ],
  exports: [FindingsRepository, DueWarningsJob],
})
export class FindingsModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(findingProjection);
  }
}
