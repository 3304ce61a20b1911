import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../commands/projection-registry';
import { IdentityModule } from '../identity/identity.module';
import { MonthlyReportWarningsJob } from './monthly-report-warnings.job';
import { responsibilityProjection } from './responsibility.projection';
import { ResponsibilityRepository } from './responsibility.repository';
import { ResponsibilityResolver } from './responsibility.resolver';
import { ResponsibilityService } from './responsibility.service';

/** The annual responsibility cycle: 责任清单, 目标责任书, 重点工作项目, 分析研判月报告 (and their warnings) and the 考核. */
@Module({
  imports: [IdentityModule],
  providers: [ResponsibilityRepository, ResponsibilityService, ResponsibilityResolver, MonthlyReportWarningsJob],
  exports: [ResponsibilityRepository, MonthlyReportWarningsJob],
})
export class ResponsibilityModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(responsibilityProjection);
  }
}
