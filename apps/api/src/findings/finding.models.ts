import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../graphql/connection';
import { InspectionKindValue } from '../inspections/inspection.models';

export enum FindingStatusValue {
  RECORDED = 'RECORDED',
  PLAN_SUBMITTED = 'PLAN_SUBMITTED',
  IN_PROGRESS = 'IN_PROGRESS',
  SUBMITTED = 'SUBMITTED',
  DISTRICT_REVIEW_PASSED = 'DISTRICT_REVIEW_PASSED',
  VERIFIED = 'VERIFIED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(FindingStatusValue, {
  name: 'FindingStatus',
  description: '整改状态',
  valuesMap: {
    RECORDED: { description: '待制定整改方案' },
    PLAN_SUBMITTED: { description: '已提交整改方案' },
    IN_PROGRESS: { description: '整改中' },
    SUBMITTED: { description: '已申请销号 (awaiting the district’s review)' },
    DISTRICT_REVIEW_PASSED: { description: '区级审核通过 (awaiting the city’s sign-off)' },
    VERIFIED: { description: '已销号' },
    WITHDRAWN: { description: '已撤销' },
  },
});

export enum FindingCategoryValue {
  STUDY = 'STUDY',
  POSITION_MANAGEMENT = 'POSITION_MANAGEMENT',
  ONLINE_OPINION = 'ONLINE_OPINION',
  RESPONSIBILITY = 'RESPONSIBILITY',
  OTHER = 'OTHER',
}
registerEnumType(FindingCategoryValue, {
  name: 'FindingCategory',
  description: '问题类别',
  valuesMap: {
    STUDY: { description: '理论学习' },
    POSITION_MANAGEMENT: { description: '阵地管理' },
    ONLINE_OPINION: { description: '网络舆情' },
    RESPONSIBILITY: { description: '责任落实' },
    OTHER: { description: '其他' },
  },
});

export enum FindingSeverityValue {
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
  SEVERE = 'SEVERE',
}
registerEnumType(FindingSeverityValue, {
  name: 'FindingSeverity',
  description: '问题严重程度',
  valuesMap: { MINOR: { description: '一般' }, MAJOR: { description: '较重' }, SEVERE: { description: '严重' } },
});

export enum FindingBasisKindValue {
  RESPONSIBILITY_ITEM = 'RESPONSIBILITY_ITEM',
  RULE = 'RULE',
}
registerEnumType(FindingBasisKindValue, {
  name: 'FindingBasisKind',
  description: '依据类型',
  valuesMap: { RESPONSIBILITY_ITEM: { description: '责任清单事项' }, RULE: { description: '制度规定' } },
});

export enum WarningLevelValue {
  GREEN = 'GREEN',
  YELLOW = 'YELLOW',
  RED = 'RED',
}
registerEnumType(WarningLevelValue, {
  name: 'WarningLevel',
  description: '三色预警',
  valuesMap: {
    GREEN: { description: '绿色: the deadline is 20 days away or less' },
    YELLOW: { description: '黄色: 10 days or less (the unit leader is told too)' },
    RED: { description: '红色: overdue (the unit head is told too)' },
  },
});

export enum FindingOrder {
  RECORDED_AT_DESC = 'RECORDED_AT_DESC',
  RECORDED_AT_ASC = 'RECORDED_AT_ASC',
  DEADLINE_ASC = 'DEADLINE_ASC',
  DEADLINE_DESC = 'DEADLINE_DESC',
  STATUS_ASC = 'STATUS_ASC',
  STATUS_DESC = 'STATUS_DESC',
  SEVERITY_DESC = 'SEVERITY_DESC',
  SEVERITY_ASC = 'SEVERITY_ASC',
}
registerEnumType(FindingOrder, {
  name: 'FindingOrder',
  description: 'Order of a finding list (ties broken by id, so pages never skip or repeat a row)',
  valuesMap: {
    RECORDED_AT_DESC: { description: 'Most recently recorded first' },
    RECORDED_AT_ASC: { description: 'Earliest recorded first' },
    DEADLINE_ASC: { description: 'Nearest 整改期限 first' },
    DEADLINE_DESC: { description: 'Latest 整改期限 first' },
    STATUS_ASC: { description: 'By stage of the lifecycle, earliest stage first' },
    STATUS_DESC: { description: 'By stage of the lifecycle, latest stage first' },
    SEVERITY_DESC: { description: 'Most severe first' },
    SEVERITY_ASC: { description: 'Least severe first' },
  },
});

@ObjectType({ description: '问题依据 — the responsibility item or rule the finding says was not met' })
export class FindingBasis {
  @Field(() => FindingBasisKindValue, { description: '依据类型' }) kind!: FindingBasisKindValue;
  @Field({ description: '依据出处 (item number, document)' }) reference!: string;
  @Field({ description: '依据原文' }) text!: string;
}

@ObjectType({ description: '整改责任人' })
export class ResponsiblePerson {
  @Field(() => ID, { nullable: true, description: 'Person id, when the person has an account' }) personId!: string | null;
  @Field({ description: '姓名' }) name!: string;
}

@ObjectType({ description: '整改方案' })
export class RectificationPlan {
  @Field({ description: '整改措施' }) measures!: string;
  @Field(() => ResponsiblePerson, { description: '整改责任人' }) responsiblePerson!: ResponsiblePerson;
  @Field({ description: '计划完成日期 (YYYY-MM-DD)' }) plannedCompletionDate!: string;
  @Field({ description: '提交时间' }) submittedAt!: Date;
}

@ObjectType({ description: '待审批的延期申请' })
export class PendingExtension {
  @Field({ description: '申请的新期限 (YYYY-MM-DD)' }) requestedDeadline!: string;
  @Field({ description: '申请理由' }) reason!: string;
  @Field({ description: '申请时间' }) requestedAt!: Date;
}

@ObjectType({ description: '退回记录 — the latest rejection of a submission' })
export class Rejection {
  @Field({ description: 'DISTRICT (区级审核) or CITY (市级销号审核)' }) by!: string;
  @Field({ description: '退回理由' }) reason!: string;
  @Field({ description: '退回时间' }) rejectedAt!: Date;
}

@ObjectType({ description: '改派记录' })
export class Reassignment {
  @Field(() => ID, { description: '原责任单位' }) fromUnitId!: string;
  @Field(() => ID, { description: '新责任单位' }) toUnitId!: string;
  @Field({ description: '改派理由' }) reason!: string;
  @Field({ description: '改派时间' }) reassignedAt!: Date;
}

@ObjectType({ description: '已发送的三色预警' })
export class IssuedWarning {
  @Field(() => WarningLevelValue, { description: '预警颜色' }) level!: WarningLevelValue;
  @Field({ description: 'The deadline it warned about (YYYY-MM-DD)' }) deadline!: string;
  @Field({ description: '发送时间' }) issuedAt!: Date;
}

@ObjectType({ description: '佐证材料 — an evidence file, content-addressed by its sha256' })
export class EvidenceFile {
  @Field({ description: 'sha256 of the file (lowercase hex): download from /api/evidence/{sha256}?findingId=…' }) sha256!: string;
  @Field(() => String, { nullable: true, description: '文件名, as uploaded (null when the upload record is not in this district)' }) filename!: string | null;
  @Field(() => String, { nullable: true, description: 'Media type detected from the file’s content' }) mediaType!: string | null;
  @Field(() => Int, { nullable: true, description: 'Size in bytes' }) size!: number | null;
}

@ObjectType({ description: '整改进展 — one progress check-in' })
export class CheckIn {
  @Field(() => ID, { description: 'Id: the finding id and the version of the check-in event' }) id!: string;
  @Field(() => ID, { description: 'The finding' }) findingId!: string;
  @Field(() => Int, { description: 'Version of the finding this check-in made' }) version!: number;
  @Field(() => Int, { description: '完成进度 (%)' }) percent!: number;
  @Field({ description: '进展说明' }) narrative!: string;
  @Field(() => String, { nullable: true, description: '进度回退原因 (given when progress fell)' }) decreaseReason!: string | null;
  @Field(() => [EvidenceFile], { description: '佐证材料' }) evidence!: EvidenceFile[];
  @Field(() => Date, { nullable: true, description: '生效时间: when the reported progress took effect, if stated' }) effectiveAt!: Date | null;
  @Field({ description: '补报: effectiveAt lies more than 24 hours before the check-in was filed' }) late!: boolean;
  @Field({ description: '填报时间' }) checkedInAt!: Date;
  @Field(() => ID, { description: 'Who filed it' }) actorId!: string;
  @Field({ description: 'Their role when filing' }) actorRole!: string;
}

export const CheckInConnection = ConnectionType(CheckIn, 'CheckIn', '整改进展 list, newest first');

@ObjectType({ description: '问题 — a finding recorded in an inspection against a unit, and its 整改 (rectification)' })
export class Finding {
  @Field(() => ID, { description: 'Id' }) id!: string;
  @Field(() => ID, { description: 'District (tenant)' }) tenantId!: string;
  @Field(() => ID, { description: 'The inspection that recorded it' }) inspectionId!: string;
  @Field(() => ID, { description: '责任单位 id' }) unitId!: string;
  @Field({ description: '问题标题' }) title!: string;
  @Field({ description: '问题描述' }) description!: string;
  @Field(() => FindingCategoryValue, { description: '问题类别' }) category!: FindingCategoryValue;
  @Field(() => FindingSeverityValue, { description: '严重程度' }) severity!: FindingSeverityValue;
  @Field(() => FindingBasis, { description: '依据' }) basis!: FindingBasis;
  @Field({ description: '整改期限 in force (YYYY-MM-DD, China time)' }) deadline!: string;
  @Field({ description: '原定整改期限, before extensions and reopenings' }) originalDeadline!: string;
  @Field(() => FindingStatusValue, { description: '整改状态' }) status!: FindingStatusValue;
  @Field({ description: '整改状态 in Chinese' }) statusLabel!: string;
  @Field(() => RectificationPlan, { nullable: true, description: '整改方案' }) plan!: RectificationPlan | null;
  @Field(() => Int, { nullable: true, description: '最新进度 (%)' }) latestPercent!: number | null;
  @Field(() => Date, { nullable: true, description: '最近填报时间' }) lastCheckInAt!: Date | null;
  @Field(() => Int, { description: '进展填报次数' }) checkInCount!: number;
  @Field(() => Int, { description: '补报次数 (late check-ins)' }) lateCheckInCount!: number;
  @Field(() => Int, { description: '佐证材料数 (distinct files)' }) evidenceCount!: number;
  @Field(() => PendingExtension, { nullable: true, description: '待审批的延期申请' }) pendingExtension!: PendingExtension | null;
  @Field(() => Int, { description: '已批准延期次数' }) approvedExtensionCount!: number;
  @Field(() => [IssuedWarning], { description: '已发送的预警' }) warningsIssued!: IssuedWarning[];
  @Field(() => WarningLevelValue, { nullable: true, description: 'Most severe 预警 already sent for the deadline in force' }) lastWarningLevel!: WarningLevelValue | null;
  @Field(() => WarningLevelValue, { nullable: true, description: '三色预警 colour of the deadline now (or as of asOf); null when closed or further away' }) warningLevel!: WarningLevelValue | null;
  @Field(() => Int, { description: 'Days to the deadline, China time: 0 on the day, negative once overdue' }) daysRemaining!: number;
  @Field({ description: '已逾期: open and past its deadline (now, or as of asOf)' }) overdue!: boolean;
  @Field(() => [Reassignment], { description: '改派记录' }) reassignments!: Reassignment[];
  @Field(() => Rejection, { nullable: true, description: '最近一次退回' }) lastRejection!: Rejection | null;
  @Field({ description: '登记时间' }) recordedAt!: Date;
  @Field(() => Date, { nullable: true, description: '申请销号时间 (current round)' }) submittedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '区级审核通过时间 (current round)' }) districtReviewPassedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '销号时间' }) verifiedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '撤销时间' }) withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true, description: '撤销理由' }) withdrawalReason!: string | null;
  @Field(() => Date, { nullable: true, description: '最近重新打开时间' }) reopenedAt!: Date | null;
  @Field(() => Int, { description: '重新打开次数' }) reopenCount!: number;
  @Field(() => Int, { description: 'Version to send back with a change (optimistic concurrency)' }) version!: number;
  @Field(() => Date, { nullable: true, description: 'The instant this finding is shown as of (time travel); null for its current state' }) asOf!: Date | null;
}

export const FindingConnection = ConnectionType(Finding, 'Finding', '问题 list (整改台账)');

@InputType({ description: 'Which findings to list; every condition given must hold' })
export class FindingFilter {
  @Field(() => ID, { nullable: true, description: 'One district of the caller’s scope' }) tenantId?: string | null;
  @Field(() => [FindingStatusValue], { nullable: true, description: 'Any of these statuses' }) statuses?: FindingStatusValue[] | null;
  @Field(() => ID, { nullable: true, description: '责任单位' }) unitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Recorded in this inspection' }) inspectionId?: string | null;
  @Field(() => [InspectionKindValue], { nullable: true, description: 'Recorded in an inspection of any of these kinds' }) inspectionKinds?: InspectionKindValue[] | null;
  @Field(() => [FindingSeverityValue], { nullable: true, description: 'Any of these severities' }) severities?: FindingSeverityValue[] | null;
  @Field(() => [FindingCategoryValue], { nullable: true, description: 'Any of these categories' }) categories?: FindingCategoryValue[] | null;
  @Field(() => Boolean, { nullable: true, description: 'true: open and past the deadline now (China time); false: not overdue' }) overdue?: boolean | null;
  @Field(() => WarningLevelValue, { nullable: true, description: 'Open findings whose deadline is in this 三色预警 colour now' }) warningLevel?: WarningLevelValue | null;
  @Field(() => String, { nullable: true, description: 'Deadline on or after (YYYY-MM-DD)' }) deadlineFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Deadline on or before (YYYY-MM-DD)' }) deadlineTo?: string | null;
  @Field(() => String, { nullable: true, description: 'Text the title or description contains' }) search?: string | null;
}

@InputType({ description: 'Which findings to list as of a past instant (status, unit and deadline as they were then)' })
export class FindingAsOfFilter {
  @Field(() => ID, { nullable: true, description: 'One district of the caller’s scope' }) tenantId?: string | null;
  @Field(() => [FindingStatusValue], { nullable: true, description: 'Any of these statuses at that instant' }) statuses?: FindingStatusValue[] | null;
  @Field(() => ID, { nullable: true, description: '责任单位 at that instant' }) unitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Recorded in this inspection' }) inspectionId?: string | null;
}
