import { Field, ID, InputType } from '@nestjs/graphql';
import { ChangeRecordInput } from '../../records/change-record.input';

@InputType({ description: '重新打开问题: a 回头看 found a signed-off rectification did not hold' })
export class ReopenFindingInput extends ChangeRecordInput {
  @Field(() => ID, { description: 'The follow-up inspection (回头看) under way that found it' }) followUpInspectionId!: string;
  @Field({ description: '理由' }) reason!: string;
  @Field({ description: 'New 整改期限 (YYYY-MM-DD), today or later' }) deadline!: string;
}
