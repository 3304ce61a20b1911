import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';
import { ChangeRecordInput, NewRecordInput } from '../records/change-record.input';

export enum InspectionKindValue {
  PATROL = 'PATROL',
  SPECIAL_SUPERVISION = 'SPECIAL_SUPERVISION',
  SELF_CHECK = 'SELF_CHECK',
  MUTUAL_CHECK = 'MUTUAL_CHECK',
  CROSS_CHECK = 'CROSS_CHECK',
  FOLLOW_UP = 'FOLLOW_UP',
}
registerEnumType(InspectionKindValue, {
  name: 'InspectionKind',
  description: '检查类型',
  valuesMap: {
    PATROL: { description: '巡察' },
    SPECIAL_SUPERVISION: { description: '专项督查' },
    SELF_CHECK: { description: '自查' },
    MUTUAL_CHECK: { description: '互查' },
    CROSS_CHECK: { description: '交叉检查' },
    FOLLOW_UP: { description: '回头看 (re-checks an earlier inspection’s rectifications)' },
  },
});

export enum InspectionLevelValue {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
}
registerEnumType(InspectionLevelValue, {
  name: 'InspectionLevel',
  description: '检查层级: who runs the inspection',
  valuesMap: { CITY: { description: '市级 (the city office inspects a district)' }, DISTRICT: { description: '区级 (a district inspects its units)' } },
});

export enum InspectionStatusValue {
  PLANNED = 'PLANNED',
  IN_PROGRESS = 'IN_PROGRESS',
  REPORT_ISSUED = 'REPORT_ISSUED',
  CLOSED = 'CLOSED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(InspectionStatusValue, {
  name: 'InspectionStatus',
  description: '检查状态',
  valuesMap: {
    PLANNED: { description: '已计划' },
    IN_PROGRESS: { description: '检查中 (findings may be recorded)' },
    REPORT_ISSUED: { description: '已反馈报告 (findings may still be recorded)' },
    CLOSED: { description: '已结束' },
    CANCELLED: { description: '已取消' },
  },
});

export enum InspectionTargetScopeValue {
  DISTRICT = 'DISTRICT',
  UNITS = 'UNITS',
}
registerEnumType(InspectionTargetScopeValue, {
  name: 'InspectionTargetScope',
  description: '检查对象范围',
  valuesMap: { DISTRICT: { description: '全区 (the whole district; city inspections only)' }, UNITS: { description: '指定单位' } },
});

export enum InspectionOrder {
  PLANNED_AT_DESC = 'PLANNED_AT_DESC',
  PLANNED_AT_ASC = 'PLANNED_AT_ASC',
  PERIOD_START_DESC = 'PERIOD_START_DESC',
  PERIOD_START_ASC = 'PERIOD_START_ASC',
}
registerEnumType(InspectionOrder, {
  name: 'InspectionOrder',
  description: 'Order of an inspection list (ties broken by id)',
  valuesMap: {
    PLANNED_AT_DESC: { description: 'Most recently planned first' },
    PLANNED_AT_ASC: { description: 'Earliest planned first' },
    PERIOD_START_DESC: { description: 'Latest 检查期间 start first' },
    PERIOD_START_ASC: { description: 'Earliest 检查期间 start first' },
  },
});

@ObjectType({ description: '检查对象 — the whole district or a list of its units' })
export class InspectionTarget {
  @Field(() => InspectionTargetScopeValue, { description: '范围' }) scope!: InspectionTargetScopeValue;
  @Field(() => [ID], { description: 'The targeted units (empty for the whole district)' }) unitIds!: string[];
}

@ObjectType({ description: '检查组成员' })
export class InspectionTeamMember {
  @Field(() => ID, { nullable: true, description: 'Person id, when the member has an account' }) personId!: string | null;
  @Field({ description: '姓名' }) name!: string;
}

@ObjectType({ description: '检查 — an inspection (巡察, 督查, 自查, 互查, 交叉检查, 回头看) of a district or its units' })
export class Inspection {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District (tenant) inspected' }) tenantId!: string;
  @Field({ description: '标题' }) title!: string;
  @Field(() => InspectionKindValue, { description: '检查类型' }) kind!: InspectionKindValue;
  @Field(() => InspectionLevelValue, { description: '检查层级' }) level!: InspectionLevelValue;
  @Field(() => InspectionStatusValue, { description: '状态' }) status!: InspectionStatusValue;
  @Field(() => InspectionTarget, { description: '检查对象' }) target!: InspectionTarget;
  @Field({ description: '检查期间 start (YYYY-MM-DD, China time)' }) periodStart!: string;
  @Field({ description: '检查期间 end (YYYY-MM-DD, China time)' }) periodEnd!: string;
  @Field(() => [InspectionTeamMember], { description: '检查组' }) team!: InspectionTeamMember[];
  @Field(() => ID, { nullable: true, description: 'For a 回头看: the inspection it re-checks' }) followUpOfId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Who planned it (null when shown as of a past instant)' }) plannedBy!: string | null;
  @Field({ description: '计划时间' }) plannedAt!: Date;
  @Field(() => Date, { nullable: true, description: '开始时间' }) startedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '检查报告 (反馈意见) summary' }) reportSummary!: string | null;
  @Field(() => Date, { nullable: true, description: '报告反馈时间' }) reportIssuedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '结束时间' }) closedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '取消时间' }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: '取消原因' }) cancellationReason!: string | null;
  @Field(() => Int, { description: 'Version to send back with a change (optimistic concurrency)' }) version!: number;
  @Field(() => Date, { nullable: true, description: 'The instant this inspection is shown as of (time travel); null for its current state' }) asOf!: Date | null;
}

export const InspectionConnection = ConnectionType(Inspection, 'Inspection', '检查 list');

@InputType({ description: '检查对象' })
export class InspectionTargetInput {
  @Field(() => InspectionTargetScopeValue, { description: '范围: a district inspects listed units; the city may take the whole district' }) scope!: InspectionTargetScopeValue;
  @Field(() => [ID], { nullable: true, description: 'The units, for scope UNITS' }) unitIds?: string[] | null;
}

@InputType({ description: '检查组成员' })
export class InspectionTeamMemberInput {
  @Field(() => ID, { nullable: true, description: 'Person id, when the member has an account' }) personId?: string | null;
  @Field({ description: '姓名' }) name!: string;
}

@InputType({ description: '制定检查计划' })
export class PlanInspectionInput extends NewRecordInput {
  @Field(() => ID, { nullable: true, description: 'District to inspect; a district office’s own by default, required for the city' }) tenantId?: string | null;
  @Field({ description: '标题' }) title!: string;
  @Field(() => InspectionKindValue, { description: '检查类型' }) kind!: InspectionKindValue;
  @Field(() => InspectionTargetInput, { description: '检查对象' }) target!: InspectionTargetInput;
  @Field({ description: '检查期间 start (YYYY-MM-DD)' }) periodStart!: string;
  @Field({ description: '检查期间 end (YYYY-MM-DD)' }) periodEnd!: string;
  @Field(() => [InspectionTeamMemberInput], { description: '检查组' }) team!: InspectionTeamMemberInput[];
  @Field(() => ID, { nullable: true, description: 'For a 回头看 (FOLLOW_UP): the inspection it re-checks' }) followUpOfId?: string | null;
}

@InputType({ description: '开始检查 or 结束检查' })
export class ChangeInspectionInput extends ChangeRecordInput {}

@InputType({ description: '反馈检查报告' })
export class IssueInspectionReportInput extends ChangeRecordInput {
  @Field({ description: '报告摘要 (反馈意见)' }) summary!: string;
}

@InputType({ description: '取消检查' })
export class CancelInspectionInput extends ChangeRecordInput {
  @Field({ description: '取消原因' }) reason!: string;
}

@InputType({ description: 'Which inspections to list; every condition given must hold' })
export class InspectionFilter {
  @Field(() => ID, { nullable: true, description: 'One district of the caller’s scope' }) tenantId?: string | null;
  @Field(() => [InspectionStatusValue], { nullable: true, description: 'Any of these statuses' }) statuses?: InspectionStatusValue[] | null;
  @Field(() => [InspectionKindValue], { nullable: true, description: 'Any of these kinds' }) kinds?: InspectionKindValue[] | null;
  @Field(() => InspectionLevelValue, { nullable: true, description: '层级' }) level?: InspectionLevelValue | null;
  @Field(() => ID, { nullable: true, description: 'Follow-ups (回头看) of this inspection' }) followUpOfId?: string | null;
  @Field(() => String, { nullable: true, description: 'Text the title contains' }) search?: string | null;
}
