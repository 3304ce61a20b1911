import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../commands/projection-registry';
import { IdentityModule } from '../identity/identity.module';
import { RecordHistory } from '../records/record-history';
import { UnitLoaders } from './unit.loaders';
import { unitProjection } from './unit.projection';
import { UnitsRepository } from './units.repository';
import { UnitsResolver } from './units.resolver';
import { UnitsService } from './units.service';

/** 单位: the unit tree of each district. Inspections and findings hang from it. */
@Module({
  imports: [IdentityModule],
  providers: [UnitsRepository, UnitsService, UnitLoaders, RecordHistory, UnitsResolver],
  exports: [UnitsRepository, UnitLoaders, RecordHistory],
})
export class UnitsModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(unitProjection);
  }
}
