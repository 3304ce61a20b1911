import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: '系统状态 — what a monitor or an integration checks before it starts work' })
export class SystemStatus {
  @Field({ description: 'API version' })
  version!: string;

  @Field({ description: 'Server time (ISO-8601)' })
  serverTime!: Date;

  @Field(() => Int, { description: 'Database migrations applied' })
  migrationsApplied!: number;
}
