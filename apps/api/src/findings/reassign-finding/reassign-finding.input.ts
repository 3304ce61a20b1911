import { Field, ID, InputType } from '@nestjs/graphql';
import { ChangeRecordInput } from '../../records/change-record.input';

@InputType({ description: '改派责任单位' })
export class ReassignFindingInput extends ChangeRecordInput {
  @Field(() => ID, { description: 'The new 责任单位, an active unit of the same district' }) toUnitId!: string;
  @Field({ description: '改派理由' }) reason!: string;
}
