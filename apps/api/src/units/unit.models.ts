import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ChangeRecordInput, NewRecordInput } from '../records/change-record.input';

export enum UnitKindValue {
  STREET = 'STREET',
  TOWNSHIP = 'TOWNSHIP',
  DEPARTMENT = 'DEPARTMENT',
  PARTY_ORG = 'PARTY_ORG',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(UnitKindValue, {
  name: 'UnitKind',
  description: '单位类型',
  valuesMap: {
    STREET: { description: '街道' },
    TOWNSHIP: { description: '乡镇' },
    DEPARTMENT: { description: '部门' },
    PARTY_ORG: { description: '党组织' },
    COMMUNITY: { description: '社区' },
  },
});

export enum UnitStatusValue {
  ACTIVE = 'ACTIVE',
  DEACTIVATED = 'DEACTIVATED',
}
registerEnumType(UnitStatusValue, {
  name: 'UnitStatus',
  description: '单位状态',
  valuesMap: { ACTIVE: { description: '启用' }, DEACTIVATED: { description: '已停用' } },
});

@ObjectType({ description: '单位负责人 — a person named for a unit (分管领导, 主要负责人 or 联络员)' })
export class UnitPerson {
  @Field(() => ID, { description: 'Person id' }) personId!: string;
  @Field({ description: '姓名 (as at assignment)' }) name!: string;
}

@ObjectType({ description: '单位 — a street, township, department or party organisation in a district’s unit tree' })
export class Unit {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District (tenant) the unit belongs to' }) tenantId!: string;
  @Field(() => ID, { nullable: true, description: '上级单位 id; null for a top-level unit' }) parentId!: string | null;
  @Field({ description: '单位名称' }) name!: string;
  @Field(() => UnitKindValue, { description: '单位类型' }) kind!: UnitKindValue;
  @Field(() => UnitStatusValue, { description: '状态' }) status!: UnitStatusValue;
  @Field(() => UnitPerson, { nullable: true, description: '分管领导: receives yellow and red deadline warnings' }) leader!: UnitPerson | null;
  @Field(() => UnitPerson, { nullable: true, description: '主要负责人: receives red (overdue) deadline warnings' }) head!: UnitPerson | null;
  @Field(() => UnitPerson, { nullable: true, description: '联络员: files plans and check-ins, receives every warning' }) liaison!: UnitPerson | null;
  @Field(() => String, { nullable: true, description: '停用原因' }) deactivationReason!: string | null;
  @Field(() => Int, { description: 'Version to send back with a change (optimistic concurrency)' }) version!: number;
  @Field({ description: '创建时间' }) createdAt!: Date;
  @Field({ description: '最近修改时间' }) updatedAt!: Date;
  @Field(() => Date, { nullable: true, description: 'The instant this unit is shown as of (time travel); null for its current state' }) asOf!: Date | null;
}

@InputType({ description: '新建单位' })
export class CreateUnitInput extends NewRecordInput {
  @Field(() => ID, { nullable: true, description: 'District; defaults to the caller’s own' }) tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: '上级单位; omit for a top-level unit' }) parentId?: string | null;
  @Field({ description: '单位名称' }) name!: string;
  @Field(() => UnitKindValue, { description: '单位类型' }) kind!: UnitKindValue;
}

@InputType({ description: '修改单位名称' })
export class RenameUnitInput extends ChangeRecordInput {
  @Field({ description: '新名称' }) name!: string;
}

@InputType({ description: '调整上级单位' })
export class MoveUnitInput extends ChangeRecordInput {
  @Field(() => ID, { nullable: true, description: 'New 上级单位; null makes it a top-level unit' }) parentId!: string | null;
}

@InputType({ description: '指定分管领导、主要负责人或联络员' })
export class AssignUnitPersonInput extends ChangeRecordInput {
  @Field(() => ID, { description: 'A person of the unit’s district' }) personId!: string;
}

@InputType({ description: '停用单位' })
export class DeactivateUnitInput extends ChangeRecordInput {
  @Field({ description: '停用原因' }) reason!: string;
}
