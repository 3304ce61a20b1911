import { Field, ID, InputType } from '@nestjs/graphql';
import { ChangeRecordInput } from '../records/change-record.input';

@InputType({ description: '整改责任人' })
export class ResponsiblePersonInput {
  @Field(() => ID, { nullable: true, description: 'Person id, when the person has an account' }) personId?: string | null;
  @Field({ description: '姓名' }) name!: string;
}

@InputType({ description: '提交整改方案 (again, to revise it before the first check-in)' })
export class SubmitRectificationPlanInput extends ChangeRecordInput {
  @Field({ description: '整改措施' }) measures!: string;
  @Field(() => ResponsiblePersonInput, { description: '整改责任人' }) responsiblePerson!: ResponsiblePersonInput;
  @Field({ description: '计划完成日期 (YYYY-MM-DD), not after the deadline' }) plannedCompletionDate!: string;
}

@InputType({ description: '申请销号: needs a 100% check-in with evidence' })
export class SubmitForSignOffInput extends ChangeRecordInput {
  @Field(() => String, { nullable: true, description: '说明' }) note?: string | null;
}

@InputType({ description: 'A decision with an optional comment: 区级审核通过, 销号, 批准延期' })
export class FindingCommentInput extends ChangeRecordInput {
  @Field(() => String, { nullable: true, description: '意见' }) comment?: string | null;
}

@InputType({ description: 'A decision that needs a reason: 退回整改, 驳回延期, 撤销问题' })
export class FindingReasonInput extends ChangeRecordInput {
  @Field({ description: '理由' }) reason!: string;
}

@InputType({ description: '申请延期' })
export class RequestExtensionInput extends ChangeRecordInput {
  @Field({ description: '申请的新期限 (YYYY-MM-DD), later than the current one' }) requestedDeadline!: string;
  @Field({ description: '申请理由' }) reason!: string;
}
