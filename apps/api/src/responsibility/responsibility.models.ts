import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WarningLevelValue } from '../findings/finding.models';
import { ChangeRecordInput, NewRecordInput } from '../records/change-record.input';

export enum TargetLetterLevelValue {
  CITY_DISTRICT = 'CITY_DISTRICT',
  DISTRICT_UNIT = 'DISTRICT_UNIT',
}
registerEnumType(TargetLetterLevelValue, {
  name: 'TargetLetterLevel',
  description: '目标责任书层级',
  valuesMap: { CITY_DISTRICT: { description: '市 → 区' }, DISTRICT_UNIT: { description: '区 → 单位' } },
});

export enum SignatoryPartyValue {
  ISSUER = 'ISSUER',
  RECIPIENT = 'RECIPIENT',
}
registerEnumType(SignatoryPartyValue, {
  name: 'SignatoryParty',
  description: '签订方',
  valuesMap: { ISSUER: { description: '发出方 (市或区)' }, RECIPIENT: { description: '承接方 (区或单位)' } },
});

export enum KeyProjectCategoryValue {
  REFORM_INNOVATION = 'REFORM_INNOVATION',
  HIGHLIGHT = 'HIGHLIGHT',
  ROUTINE = 'ROUTINE',
  OTHER = 'OTHER',
}
registerEnumType(KeyProjectCategoryValue, {
  name: 'KeyProjectCategory',
  description: '重点工作项目类别',
  valuesMap: {
    REFORM_INNOVATION: { description: '改革创新' },
    HIGHLIGHT: { description: '亮点' },
    ROUTINE: { description: '常规' },
    OTHER: { description: '其他' },
  },
});

export enum TargetLetterStatusValue {
  DRAFT = 'DRAFT',
  SIGNED = 'SIGNED',
}
registerEnumType(TargetLetterStatusValue, {
  name: 'TargetLetterStatus',
  description: '目标责任书状态',
  valuesMap: { DRAFT: { description: '待签订' }, SIGNED: { description: '已签订' } },
});

export enum KeyProjectPlanStatusValue {
  DRAFT = 'DRAFT',
  CONFIRMED = 'CONFIRMED',
}
registerEnumType(KeyProjectPlanStatusValue, {
  name: 'KeyProjectPlanStatus',
  description: '重点工作项目计划状态',
  valuesMap: { DRAFT: { description: '草拟中' }, CONFIRMED: { description: '已确定 (weights sum to 100)' } },
});

export enum MonthlyReportStatusValue {
  DUE = 'DUE',
  SUBMITTED = 'SUBMITTED',
}
registerEnumType(MonthlyReportStatusValue, {
  name: 'MonthlyReportStatus',
  description: '分析研判月报告状态',
  valuesMap: { DUE: { description: '待报送' }, SUBMITTED: { description: '已报送' } },
});

export enum ReportStandingValue {
  REPORTED = 'REPORTED',
  LATE = 'LATE',
  MISSING = 'MISSING',
  PENDING = 'PENDING',
}
registerEnumType(ReportStandingValue, {
  name: 'ReportStanding',
  description: '报送情况',
  valuesMap: {
    REPORTED: { description: '按时报送' },
    LATE: { description: '逾期报送' },
    MISSING: { description: '逾期未报' },
    PENDING: { description: '未到期' },
  },
});

export enum AssessmentCriterionValue {
  PROJECT_COMPLETION = 'PROJECT_COMPLETION',
  RECTIFICATION_RATE = 'RECTIFICATION_RATE',
  OVERDUE_FINDINGS = 'OVERDUE_FINDINGS',
  INTERVIEWS_RECEIVED = 'INTERVIEWS_RECEIVED',
  MONTHLY_REPORTS = 'MONTHLY_REPORTS',
}
registerEnumType(AssessmentCriterionValue, {
  name: 'AssessmentCriterion',
  description: '考核指标',
  valuesMap: {
    PROJECT_COMPLETION: { description: '重点工作项目加权完成度 (measured: %)' },
    RECTIFICATION_RATE: { description: '整改率 (measured: %)' },
    OVERDUE_FINDINGS: { description: '逾期未整改问题数' },
    INTERVIEWS_RECEIVED: { description: '被约谈次数' },
    MONTHLY_REPORTS: { description: '分析研判月报告逾期未报及逾期报送数' },
  },
});

@ObjectType('FirstResponsible', { description: '第一责任人' })
export class ResponsiblePersonModel {
  @Field(() => ID, { nullable: true, description: 'Person id, when the person has an account' }) personId!: string | null;
  @Field({ description: '姓名' }) name!: string;
}

@ObjectType({ description: 'A finding whose 依据 cites a responsibility item' })
export class CitingFinding {
  @Field(() => ID, { description: 'Finding id' }) id!: string;
  @Field({ description: '问题标题' }) title!: string;
  @Field({ description: 'Finding status' }) status!: string;
  @Field(() => ID, { description: 'Unit answering for it' }) unitId!: string;
}

@ObjectType('ResponsibilityItem', { description: '责任事项' })
export class ResponsibilityItemModel {
  @Field(() => ID, { description: 'Item id: cite it as a finding’s basis (kind RESPONSIBILITY_ITEM, reference = this id)' }) id!: string;
  @Field({ description: '事项' }) title!: string;
  @Field({ description: '内容' }) content!: string;
  @Field(() => ResponsiblePersonModel, { description: '第一责任人' }) firstResponsible!: ResponsiblePersonModel;
  @Field(() => [CitingFinding], { description: 'Findings raised against this item that the caller may read' }) findings!: CitingFinding[];
}

@ObjectType({ description: '责任清单 — one per unit per year' })
export class ResponsibilityList {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field(() => ID, { description: 'Unit' }) unitId!: string;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field({ description: '标题' }) title!: string;
  @Field(() => [ResponsibilityItemModel], { description: '责任事项' }) items!: ResponsibilityItemModel[];
  @Field(() => Int, { description: 'Version to send back with a change' }) version!: number;
}

@ObjectType('Signatory', { description: '签订人' })
export class SignatoryModel {
  @Field(() => SignatoryPartyValue, { description: '签订方' }) party!: SignatoryPartyValue;
  @Field({ description: '姓名' }) name!: string;
  @Field({ description: '职务' }) title!: string;
}

@ObjectType({ description: '目标责任书' })
export class TargetLetter {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field(() => TargetLetterLevelValue, { description: '层级' }) level!: TargetLetterLevelValue;
  @Field(() => ID, { nullable: true, description: 'Recipient unit (district → unit letters)' }) unitId!: string | null;
  @Field(() => [String], { description: '责任条款' }) terms!: string[];
  @Field(() => TargetLetterStatusValue, { description: '状态' }) status!: TargetLetterStatusValue;
  @Field(() => [SignatoryModel], { description: '签订人' }) signatories!: SignatoryModel[];
  @Field(() => String, { nullable: true, description: '签订日期 (YYYY-MM-DD)' }) signedOn!: string | null;
  @Field(() => Int, { description: 'Version to send back with a change' }) version!: number;
}

@ObjectType({ description: 'A unit of the district' })
export class UnitRef {
  @Field(() => ID, { description: 'Unit id' }) id!: string;
  @Field({ description: '名称' }) name!: string;
}

@ObjectType('KeyProjectProgress', { description: '月度进展' })
export class ProgressReportModel {
  @Field(() => Int, { description: '完成度 %' }) completionPercent!: number;
  @Field({ description: '进展情况' }) summary!: string;
  @Field(() => [String], { description: 'Evidence sha256 hashes' }) evidenceHashes!: string[];
  @Field({ description: '报送时间' }) reportedAt!: Date;
}

@ObjectType('KeyProjectMilestone', { description: '月度节点 and its progress report' })
export class MilestoneModel {
  @Field({ description: 'Month, YYYY-MM' }) month!: string;
  @Field({ description: '节点目标' }) target!: string;
  @Field({ description: 'Progress due date (YYYY-MM-DD)' }) dueDate!: string;
  @Field(() => ReportStandingValue, { description: '报送情况' }) standing!: ReportStandingValue;
  @Field(() => ProgressReportModel, { nullable: true, description: 'The report, once sent' }) report!: ProgressReportModel | null;
}

@ObjectType('KeyProject', { description: '重点工作项目' })
export class KeyProjectModel {
  @Field(() => ID, { description: 'Project id' }) id!: string;
  @Field(() => KeyProjectCategoryValue, { description: '类别' }) category!: KeyProjectCategoryValue;
  @Field({ description: '项目名称' }) title!: string;
  @Field(() => Int, { description: '权重 %' }) weight!: number;
  @Field({ description: '目标' }) goal!: string;
  @Field(() => Int, { description: 'Latest reported completion %' }) completionPercent!: number;
  @Field(() => [MilestoneModel], { description: '月度节点' }) milestones!: MilestoneModel[];
}

@ObjectType({ description: '重点工作项目计划 — a year’s weighted projects of a district or a unit' })
export class KeyProjectPlan {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field(() => ID, { nullable: true, description: 'Owner unit; null for the district’s own plan' }) ownerUnitId!: string | null;
  @Field(() => KeyProjectPlanStatusValue, { description: '状态' }) status!: KeyProjectPlanStatusValue;
  @Field(() => Int, { description: 'Sum of the weights (100 once confirmed)' }) totalWeight!: number;
  @Field(() => Float, { description: 'Σ weight × completion, %' }) weightedCompletion!: number;
  @Field(() => [KeyProjectModel], { description: '项目' }) projects!: KeyProjectModel[];
  @Field(() => Int, { description: 'Version to send back with a change' }) version!: number;
}

@ObjectType({ description: '分析研判月报告' })
export class MonthlyReport {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field({ description: 'Month analysed, YYYY-MM' }) month!: string;
  @Field({ description: '报送截止日期 (YYYY-MM-DD)' }) dueDate!: string;
  @Field(() => MonthlyReportStatusValue, { description: '状态' }) status!: MonthlyReportStatusValue;
  @Field(() => String, { nullable: true, description: '报告内容' }) content!: string | null;
  @Field(() => [String], { description: 'Attachment sha256 hashes' }) attachmentHashes!: string[];
  @Field(() => Date, { nullable: true, description: '报送时间' }) submittedAt!: Date | null;
  @Field(() => ReportStandingValue, { description: '报送情况, now' }) standing!: ReportStandingValue;
  @Field(() => WarningLevelValue, { nullable: true, description: '三色预警 of a report still owed' }) warning!: WarningLevelValue | null;
  @Field(() => Int, { description: 'Version to send back with a change' }) version!: number;
}

@ObjectType({ description: 'An event a score counts: its district’s chain, stream and places in both' })
export class AssessedEventRef {
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field({ description: 'Position in the district’s chain' }) tenantPosition!: string;
  @Field(() => ID, { description: 'Stream (record) id' }) streamId!: string;
  @Field(() => Int, { description: 'Version within the stream' }) version!: number;
  @Field({ description: 'Event type' }) type!: string;
}

@ObjectType('ScoreLine', { description: 'One criterion of a score' })
export class ScoreLineModel {
  @Field(() => AssessmentCriterionValue, { description: '指标' }) criterion!: AssessmentCriterionValue;
  @Field(() => Float, { description: 'What was measured (% or count)' }) measured!: number;
  @Field(() => Float, { description: 'Points added or (negative) deducted' }) points!: number;
  @Field(() => [AssessedEventRef], { description: 'The events counted' }) events!: AssessedEventRef[];
}

@ObjectType({ description: 'A district’s or unit’s score and rank' })
export class AssessmentScore {
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field(() => ID, { nullable: true, description: 'Unit; null when the district is scored' }) unitId!: string | null;
  @Field({ description: '名称' }) name!: string;
  @Field(() => Int, { description: '名次 (equal totals share one)' }) rank!: number;
  @Field(() => Float, { description: '总分' }) total!: number;
  @Field(() => [ScoreLineModel], { description: '得分明细' }) lines!: ScoreLineModel[];
}

@ObjectType({ description: '年度考核 ranking' })
export class Assessment {
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field({ description: 'The rule set version scored by' }) rulesVersion!: string;
  @Field({ description: 'Counted up to this instant (year end, or earlier for a running year)' }) asOf!: Date;
  @Field(() => [AssessmentScore], { description: 'Best first' }) ranking!: AssessmentScore[];
}

@InputType({ description: '建立责任清单' })
export class CreateResponsibilityListInput extends NewRecordInput {
  @Field(() => ID, { nullable: true, description: 'District; defaults to the caller’s own' }) tenantId?: string | null;
  @Field(() => ID, { description: 'Unit' }) unitId!: string;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field({ description: '标题' }) title!: string;
}

@InputType({ description: '第一责任人' })
export class FirstResponsibleInput {
  @Field(() => ID, { nullable: true, description: 'Person id, when the person has an account' }) personId?: string | null;
  @Field({ description: '姓名' }) name!: string;
}

@InputType({ description: '添加责任事项' })
export class AddResponsibilityItemInput extends ChangeRecordInput {
  @Field({ description: '事项' }) title!: string;
  @Field({ description: '内容' }) content!: string;
  @Field(() => FirstResponsibleInput, { description: '第一责任人' }) firstResponsible!: FirstResponsibleInput;
}

@InputType({ description: '起草目标责任书' })
export class DraftTargetLetterInput extends NewRecordInput {
  @Field(() => ID, { nullable: true, description: 'District; defaults to the caller’s own (required for city inspectors)' }) tenantId?: string | null;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field(() => TargetLetterLevelValue, { description: '层级' }) level!: TargetLetterLevelValue;
  @Field(() => ID, { nullable: true, description: 'Recipient unit of a district → unit letter' }) unitId?: string | null;
  @Field(() => [String], { description: '责任条款' }) terms!: string[];
}

@InputType({ description: '签订人' })
export class SignatoryInput {
  @Field(() => SignatoryPartyValue, { description: '签订方' }) party!: SignatoryPartyValue;
  @Field({ description: '姓名' }) name!: string;
  @Field({ description: '职务' }) title!: string;
}

@InputType({ description: '签订目标责任书' })
export class SignTargetLetterInput extends ChangeRecordInput {
  @Field(() => [SignatoryInput], { description: 'Both parties’ signatories' }) signatories!: SignatoryInput[];
  @Field({ description: '签订日期 (YYYY-MM-DD), not in the future' }) signedOn!: string;
}

@InputType({ description: '制定重点工作项目计划' })
export class DraftKeyProjectPlanInput extends NewRecordInput {
  @Field(() => ID, { nullable: true, description: 'District; defaults to the caller’s own (required for city inspectors)' }) tenantId?: string | null;
  @Field(() => Int, { description: '年度' }) year!: number;
  @Field(() => ID, { nullable: true, description: 'Owner unit; omit for the district’s own plan (set by the city)' }) ownerUnitId?: string | null;
}

@InputType({ description: '月度节点' })
export class KeyProjectMilestoneInput {
  @Field({ description: 'Month, YYYY-MM, in the plan’s year' }) month!: string;
  @Field({ description: '节点目标' }) target!: string;
}

@InputType({ description: '添加重点工作项目' })
export class AddKeyProjectInput extends ChangeRecordInput {
  @Field(() => KeyProjectCategoryValue, { description: '类别' }) category!: KeyProjectCategoryValue;
  @Field({ description: '项目名称' }) title!: string;
  @Field(() => Int, { description: '权重 %; a confirmed plan’s weights sum to 100' }) weight!: number;
  @Field({ description: '目标' }) goal!: string;
  @Field(() => [KeyProjectMilestoneInput], { description: '月度节点' }) milestones!: KeyProjectMilestoneInput[];
}

@InputType({ description: '确定重点工作项目计划 (weights must sum to 100)' })
export class ConfirmKeyProjectPlanInput extends ChangeRecordInput {}

@InputType({ description: '报送项目月度进展' })
export class ReportKeyProjectProgressInput extends ChangeRecordInput {
  @Field(() => ID, { description: 'Project id' }) projectId!: string;
  @Field({ description: 'Milestone month, YYYY-MM' }) month!: string;
  @Field(() => Int, { description: '完成度 %, 0–100' }) completionPercent!: number;
  @Field({ description: '进展情况' }) summary!: string;
  @Field(() => [String], { defaultValue: [], description: 'Evidence sha256 hashes (from the evidence upload)' }) evidenceHashes!: string[];
}

@InputType({ description: '布置分析研判月报告' })
export class ScheduleMonthlyReportInput extends NewRecordInput {
  @Field(() => ID, { description: 'District' }) tenantId!: string;
  @Field({ description: 'Month analysed, YYYY-MM' }) month!: string;
  @Field({ description: '报送截止日期 (YYYY-MM-DD)' }) dueDate!: string;
}

@InputType({ description: '报送分析研判月报告' })
export class SubmitMonthlyReportInput extends ChangeRecordInput {
  @Field({ description: '报告内容' }) content!: string;
  @Field(() => [String], { defaultValue: [], description: 'Attachment sha256 hashes (from the evidence upload)' }) attachmentHashes!: string[];
}
