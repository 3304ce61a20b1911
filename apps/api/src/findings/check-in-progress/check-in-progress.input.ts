import { Field, InputType, Int } from '@nestjs/graphql';
import { ChangeRecordInput } from '../../records/change-record.input';

@InputType({ description: '提交整改进展' })
export class CheckInProgressInput extends ChangeRecordInput {
  @Field(() => Int, { description: '完成进度 (%), 0–100' }) percent!: number;
  @Field({ description: '进展说明' }) narrative!: string;
  @Field(() => String, { nullable: true, description: '进度回退原因: required exactly when progress falls' }) decreaseReason?: string | null;
  @Field(() => [String], { defaultValue: [], description: 'sha256 of evidence files uploaded with POST /api/evidence' }) evidence!: string[];
  @Field(() => Date, { nullable: true, description: '生效时间: when this progress took effect, if earlier; more than 24 hours earlier marks the check-in 补报 (late)' }) effectiveAt?: Date | null;
}
