import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../commands/projection-registry';
import { IdentityModule } from '../identity/identity.module';
import { UnitsModule } from '../units/units.module';
import { InspectionLoaders } from './inspection.loaders';
import { inspectionProjection } from './inspection.projection';
import { InspectionsRepository } from './inspections.repository';
import { InspectionsResolver } from './inspections.resolver';
import { InspectionsService } from './inspections.service';

/** 检查: inspections of districts and units; their findings are the findings module's. */
@Module({
  imports: [IdentityModule, UnitsModule],
  providers: [InspectionsRepository, InspectionsService, InspectionLoaders, InspectionsResolver],
  exports: [InspectionsRepository, InspectionLoaders],
})
export class InspectionsModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(inspectionProjection);
  }
}
