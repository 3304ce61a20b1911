import { Field, ID, InputType } from '@nestjs/graphql';
import { NewRecordInput } from '../../records/change-record.input';
import { FindingBasisKindValue, FindingCategoryValue, FindingSeverityValue } from '../finding.models';

@InputType({ description: '问题依据' })
export class FindingBasisInput {
  @Field(() => FindingBasisKindValue, { description: '依据类型' }) kind!: FindingBasisKindValue;
  @Field({ description: '依据出处 (item number, document)' }) reference!: string;
  @Field({ description: '依据原文' }) text!: string;
}

@InputType({ description: '登记问题: in an inspection that is under way, against a unit of the inspected district' })
export class RecordFindingInput extends NewRecordInput {
  @Field(() => ID, { description: 'The inspection (检查中 or 已反馈报告)' }) inspectionId!: string;
  @Field(() => ID, { description: '责任单位' }) unitId!: string;
  @Field({ description: '问题标题' }) title!: string;
  @Field({ description: '问题描述' }) description!: string;
  @Field(() => FindingCategoryValue, { description: '问题类别' }) category!: FindingCategoryValue;
  @Field(() => FindingSeverityValue, { description: '严重程度' }) severity!: FindingSeverityValue;
  @Field(() => FindingBasisInput, { description: '依据' }) basis!: FindingBasisInput;
  @Field({ description: '整改期限 (YYYY-MM-DD, China time), today or later' }) deadline!: string;
}
