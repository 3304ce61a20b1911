import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../commands/projection-registry';
import { IdentityModule } from '../identity/identity.module';
import { tenancyProjection } from './tenancy.projection';
import { TenancyResolver } from './tenancy.resolver';

@Module({ imports: [IdentityModule], providers: [TenancyResolver] })
export class TenancyModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(tenancyProjection);
  }
}
