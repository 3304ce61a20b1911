import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONScalar } from '../audit-trail/json.scalar';
import { WarningLevelValue } from '../findings/finding.models';

@ObjectType({ description: '问题动态 — something happened to a finding: a check-in, a state change, a warning' })
export class FindingChange {
  @Field(() => ID, { description: 'The finding' }) findingId!: string;
  @Field(() => ID, { description: 'Its district' }) tenantId!: string;
  @Field(() => ID, { nullable: true, description: 'The unit responsible once this change applies' }) unitId!: string | null;
  @Field({ description: 'Event type, e.g. ProgressCheckedIn, FindingVerified' }) type!: string;
  @Field(() => Int, { description: 'The finding’s version after the change (for optimistic concurrency)' }) version!: number;
  @Field({ description: 'Position in the log (as text)' }) position!: string;
  @Field(() => ID, { description: 'Who made the change' }) actorId!: string;
  @Field({ description: 'Their role' }) actorRole!: string;
  @Field({ description: 'When it was recorded' }) recordedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When the user says it happened, if earlier' }) effectiveAt!: Date | null;
  @Field(() => JSONScalar, { description: 'The event’s payload' }) data!: unknown;
}

@ObjectType({ description: '三色预警 — a deadline warning as it was issued' })
export class WarningNotice {
  @Field(() => ID, { description: 'The finding' }) findingId!: string;
  @Field(() => ID, { description: 'Its district' }) tenantId!: string;
  @Field(() => ID, { description: 'The unit warned' }) unitId!: string;
  @Field(() => WarningLevelValue, { description: '预警颜色' }) level!: WarningLevelValue;
  @Field({ description: 'The deadline warned about (YYYY-MM-DD)' }) deadline!: string;
  @Field(() => Int, { description: 'Days left; negative once overdue' }) daysRemaining!: number;
  @Field(() => [String], { description: 'UNIT_LIAISON, UNIT_LEADER, UNIT_HEAD' }) recipients!: string[];
  @Field({ description: 'When it was issued' }) issuedAt!: Date;
  @Field({ description: 'Position in the log (as text)' }) position!: string;
}
