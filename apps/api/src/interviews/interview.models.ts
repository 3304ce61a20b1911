import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';
import { ChangeRecordInput, NewRecordInput } from '../records/change-record.input';

export enum InterviewKindValue {
  ADMONITION = 'ADMONITION',
  REMINDER = 'REMINDER',
  CAUTION = 'CAUTION',
}
registerEnumType(InterviewKindValue, {
  name: 'InterviewKind',
  description: '约谈类型',
  valuesMap: {
    ADMONITION: { description: '约谈' },
    REMINDER: { description: '提醒谈话' },
    CAUTION: { description: '诫勉谈话' },
  },
});

export enum InterviewStatusValue {
  SCHEDULED = 'SCHEDULED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InterviewStatusValue, {
  name: 'InterviewStatus',
  description: '约谈状态',
  valuesMap: {
    SCHEDULED: { description: '已安排' },
    HELD: { description: '已谈话 (minutes and commitments recorded)' },
    CANCELLED: { description: '已取消' },
  },
});

export enum InterviewOrder {
  SCHEDULED_AT_ASC = 'SCHEDULED_AT_ASC',
  SCHEDULED_AT_DESC = 'SCHEDULED_AT_DESC',
}
registerEnumType(InterviewOrder, {
  name: 'InterviewOrder',
  description: 'Order of an interview list',
  valuesMap: {
    SCHEDULED_AT_ASC: { description: 'Earliest scheduled first (calendar order)' },
    SCHEDULED_AT_DESC: { description: 'Latest scheduled first' },
  },
});

@ObjectType({ description: '被约谈人' })
export class Interviewee {
  @Field(() => ID, { description: 'Person id' }) personId!: string;
  @Field({ description: '姓名 (as at scheduling)' }) name!: string;
  @Field(() => ID, { description: 'The unit the person answers for' }) unitId!: string;
}

@ObjectType({ description: '整改承诺 — made in an interview, tracked to fulfilment' })
export class InterviewCommitment {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field({ description: '承诺内容' }) text!: string;
  @Field({ description: '承诺完成日期 (YYYY-MM-DD, China time)' }) dueDate!: string;
  @Field(() => Date, { nullable: true, description: '确认落实时间' }) fulfilledAt!: Date | null;
  @Field(() => String, { nullable: true, description: '落实情况说明' }) note!: string | null;
  @Field({ description: 'Due date passed (China time) without fulfilment, as of the view’s instant' }) overdue!: boolean;
}

@ObjectType({ description: '约谈 / 提醒谈话 / 诫勉谈话 — confidential ones exist only for the people named in them' })
export class Interview {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District (tenant) whose chain records it' }) tenantId!: string;
  @Field(() => InterviewKindValue, { description: '类型' }) kind!: InterviewKindValue;
  @Field(() => InterviewStatusValue, { description: '状态' }) status!: InterviewStatusValue;
  @Field({ description: '保密: visible only to the interviewers and interviewees' }) confidential!: boolean;
  @Field(() => [ID], { description: '约谈人 (person ids)' }) interviewerIds!: string[];
  @Field(() => [Interviewee], { description: '被约谈人' }) interviewees!: Interviewee[];
  @Field(() => [ID], { description: 'Linked findings (问题)' }) findingIds!: string[];
  @Field({ description: '约谈事由' }) reason!: string;
  @Field({ description: '约谈时间' }) scheduledAt!: Date;
  @Field({ description: '地点' }) place!: string;
  @Field(() => Int, { description: 'Times the interview was rescheduled' }) rescheduleCount!: number;
  @Field(() => Date, { nullable: true, description: '实际谈话时间' }) heldAt!: Date | null;
  @Field(() => String, { nullable: true, description: '谈话纪要: null until held, and for callers the rules do not let read it' }) minutes!: string | null;
  @Field(() => [InterviewCommitment], { description: '整改承诺' }) commitments!: InterviewCommitment[];
  @Field(() => Int, { description: 'Commitments overdue as of the view’s instant' }) overdueCommitmentCount!: number;
  @Field(() => Date, { nullable: true, description: '取消时间' }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: '取消原因' }) cancellationReason!: string | null;
  @Field(() => Int, { description: 'Version to send back with a change (optimistic concurrency)' }) version!: number;
  @Field(() => Date, { nullable: true, description: 'The instant this view reconstructs (asOf); null for the current state' }) asOf!: Date | null;
}

export const InterviewConnection = ConnectionType(Interview, 'Interview', '约谈 list');

@InputType({ description: 'A span of calendar months, China time (for calendars)' })
export class MonthRangeInput {
  @Field({ description: 'First month, YYYY-MM' }) from!: string;
  @Field({ nullable: true, description: 'Last month, YYYY-MM (inclusive); defaults to `from`' }) to?: string;
}

@InputType({ description: 'Which interviews to list; every condition given must hold' })
export class InterviewFilter {
  @Field(() => ID, { nullable: true, description: 'One district of the caller’s scope' }) tenantId?: string | null;
  @Field(() => InterviewKindValue, { nullable: true, description: '类型' }) kind?: InterviewKindValue | null;
  @Field(() => [InterviewStatusValue], { nullable: true, description: 'Any of these statuses' }) statuses?: InterviewStatusValue[] | null;
  @Field(() => ID, { nullable: true, description: 'An interviewee answers for this unit' }) unitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Linked to this finding' }) findingId?: string | null;
  @Field(() => Date, { nullable: true, description: 'Scheduled at or after this instant' }) scheduledFrom?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Scheduled before this instant' }) scheduledBefore?: Date | null;
  @Field(() => MonthRangeInput, { nullable: true, description: 'Scheduled within these months (China time): the calendar view' }) months?: MonthRangeInput | null;
  @Field(() => Boolean, { nullable: true, description: 'true: has an unfulfilled commitment past its due date; false: has none' }) hasOverdueCommitments?: boolean | null;
}

@InputType({ description: '被约谈人' })
export class IntervieweeInput {
  @Field(() => ID, { description: 'A person of the district' }) personId!: string;
  @Field(() => ID, { nullable: true, description: 'The unit the person answers for; defaults to the person’s own unit' }) unitId?: string | null;
}

@InputType({ description: '安排约谈' })
export class ScheduleInterviewInput extends NewRecordInput {
  @Field(() => ID, { nullable: true, description: 'District; defaults to the caller’s own (required for city inspectors)' }) tenantId?: string | null;
  @Field(() => InterviewKindValue, { description: '类型' }) kind!: InterviewKindValue;
  @Field(() => [ID], { description: '约谈人: people of the district or inspectors of its city' }) interviewerIds!: string[];
  @Field(() => [IntervieweeInput], { description: '被约谈人: people of the district' }) interviewees!: IntervieweeInput[];
  @Field({ description: '约谈事由' }) reason!: string;
  @Field(() => [ID], { defaultValue: [], description: 'Findings of the district the interview is about' }) findingIds!: string[];
  @Field({ description: '约谈时间' }) scheduledAt!: Date;
  @Field({ description: '地点' }) place!: string;
  @Field({ description: '保密: visible only to the people named' }) confidential!: boolean;
}

@InputType({ description: '调整约谈时间或地点' })
export class RescheduleInterviewInput extends ChangeRecordInput {
  @Field({ description: '新的约谈时间' }) scheduledAt!: Date;
  @Field(() => String, { nullable: true, description: '新的地点; unchanged when omitted' }) place?: string | null;
  @Field({ description: '调整原因' }) reason!: string;
}

@InputType({ description: '整改承诺' })
export class CommitmentInput {
  @Field({ description: '承诺内容' }) text!: string;
  @Field({ description: '承诺完成日期 (YYYY-MM-DD, China time), not before the interview' }) dueDate!: string;
}

@InputType({ description: '记录约谈情况' })
export class RecordInterviewHeldInput extends ChangeRecordInput {
  @Field(() => Date, { nullable: true, description: 'When it was held, if not now' }) heldAt?: Date | null;
  @Field({ description: '谈话纪要' }) minutes!: string;
  @Field(() => [CommitmentInput], { defaultValue: [], description: '被约谈人作出的整改承诺' }) commitments!: CommitmentInput[];
}

@InputType({ description: '确认整改承诺已落实' })
export class FulfilCommitmentInput extends ChangeRecordInput {
  @Field(() => ID, { description: 'Commitment id' }) commitmentId!: string;
  @Field({ description: '落实情况说明' }) note!: string;
}

@InputType({ description: '取消约谈' })
export class CancelInterviewInput extends ChangeRecordInput {
  @Field({ description: '取消原因' }) reason!: string;
}
