import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { ProjectionRegistry } from '../commands/projection-registry';
import { IdentityModule } from '../identity/identity.module';
import { interviewProjection } from './interview.projection';
import { InterviewsRepository } from './interviews.repository';
import { InterviewsResolver } from './interviews.resolver';
import { InterviewsService } from './interviews.service';

/** 约谈 / 提醒谈话 / 诫勉谈话 and the commitments made in them. */
@Module({ imports: [IdentityModule], providers: [InterviewsRepository, InterviewsService, InterviewsResolver] })
export class InterviewsModule implements OnModuleInit {
  constructor(@Inject(ProjectionRegistry) private readonly projections: ProjectionRegistry) {}

  onModuleInit(): void {
    this.projections.register(interviewProjection);
  }
}
