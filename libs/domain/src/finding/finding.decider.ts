import {
  DistrictReviewPassedV1,
  DistrictReviewRejectedV1,
  ExtensionApprovedV1,
  ExtensionRefusedV1,
  ExtensionRequestedV1,
  FindingReassignedV1,
  FindingRecordedV1,
  FindingReopenedV1,
  FindingVerifiedV1,
  FindingWithdrawnV1,
  ProgressCheckedInV1,
  RectificationPlanSubmittedV1,
  RectificationSubmittedV1,
  SignOffRejectedV1,
  type FindingEvent,
  type FindingRecorded,
} from '@zeren/events';
import { actingContext } from '../abilities/actor';
import { requireFindingsRecordable } from '../inspection/inspection.decider';
import { INSPECTION_RUNNER_ROLE } from '../inspection/inspection.rules';
import { daysUntilDeadline } from '../shared/china-time';
import { CommandGuard } from '../shared/command-guard';
import { createEvent, optionalText } from '../shared/create-event';
import type { Decider, DecisionContext } from '../shared/decider';
import { assertValid } from '../shared/domain-error';
import { warningsDue } from './deadline-warnings';
import type {
  CheckInProgress,
  FindingCommand,
  FindingCommandType,
  RecordFinding,
  SubmitForSignOff,
} from './finding.commands';
import { FINDING_COMMAND_FROM, FINDING_COMMAND_ROLES, isLateCheckIn } from './finding.rules';
import type { FindingState, FindingStatus, RecordedFinding } from './finding.state';

export const FINDING_STATUS_LABELS: Record<FindingStatus | 'NONE', string> = {
  NONE: '未登记',
  RECORDED: '待制定整改方案',
  PLAN_SUBMITTED: '已提交整改方案',
  IN_PROGRESS: '整改中',
  SUBMITTED: '已申请销号',
  DISTRICT_REVIEW_PASSED: '区级审核通过',
  VERIFIED: '已销号',
  WITHDRAWN: '已撤销',
};

const guard = new CommandGuard<FindingStatus, FindingCommandType>({
  aggregate: 'Finding',
  states: FINDING_STATUS_LABELS,
  commands: {
    RecordFinding: '登记问题',
    SubmitRectificationPlan: '提交整改方案',
    CheckInProgress: '提交整改进展',
    SubmitForSignOff: '申请销号',
    PassDistrictReview: '通过区级审核',
    RejectDistrictReview: '退回整改（区级审核）',
    SignOffFinding: '销号',
    RejectSignOff: '退回整改（市级审核）',
    RequestExtension: '申请延期',
    ApproveExtension: '批准延期',
    RefuseExtension: '驳回延期申请',
    ReassignFinding: '改派责任单位',
    WithdrawFinding: '撤销问题',
    ReopenFinding: '重新打开问题',
    IssueDueWarnings: '发送预警',
  },
});

function notInThePast(date: string, now: Date): boolean {
  return daysUntilDeadline(date, now) >= 0;
}

function record(state: FindingState, command: RecordFinding, context: DecisionContext): FindingEvent[] {
  guard.requireState(state.status, ['NONE'], command.type);
  const { inspection } = command;
  if (context.actor.role !== INSPECTION_RUNNER_ROLE[inspection.level]) {
    throw guard.notAllowed(
      command.type,
      `findings of a ${inspection.level} inspection are recorded by a ${INSPECTION_RUNNER_ROLE[inspection.level]}`,
      '只有组织该次检查的单位可以登记问题',
    );
  }
  requireFindingsRecordable(inspection.status, command.type);
  const { findingId, unitId, title, description, category, severity, basis, deadline } = command;
  const event = createEvent(FindingRecordedV1, {
    findingId,
    inspectionId: inspection.inspectionId,
    unitId,
    title,
    description,
    category,
    severity,
    basis,
    deadline,
    recordedAt: context.now.toISOString(),
  });
  assertValid([['deadline', notInThePast(event.data.deadline, context.now), 'the deadline has already passed']]);
  return [event];
}

function checkIn(finding: RecordedFinding, command: CheckInProgress, context: DecisionContext): FindingEvent[] {
  const effectiveAt = optionalText(command.effectiveAt);
  const event = createEvent(ProgressCheckedInV1, {
    findingId: finding.findingId,
    percent: command.percent,
    narrative: command.narrative,
    decreaseReason: optionalText(command.decreaseReason),
    evidence: command.evidence,
    effectiveAt,
    late: isLateCheckIn(effectiveAt, context.now),
    checkedInAt: context.now.toISOString(),
  });
  const { percent, decreaseReason } = event.data;
  const decreasing = finding.latestPercent !== null && percent < finding.latestPercent;
  assertValid([
    ['effectiveAt', effectiveAt === null || Date.parse(effectiveAt) <= context.now.getTime(), 'must not be in the future'],
    [
      'decreaseReason',
      !decreasing || decreaseReason !== null,
      `explain why progress fell from ${finding.latestPercent}% to ${percent}%`,
    ],
    ['decreaseReason', decreasing || decreaseReason === null, 'only given when progress falls'],
  ]);
  return [event];
}

function submitForSignOff(finding: RecordedFinding, command: SubmitForSignOff, at: string): FindingEvent {
  const unmet = [
    finding.latestPercent !== 100 && {
      message: 'the latest check-in must report 100%',
      userMessage: '最近一次进展未达到100%',
    },
    finding.evidenceHashes.length === 0 && {
      message: 'no evidence has been attached',
      userMessage: '尚未上传整改佐证材料',
    },
    finding.checkInDueBeforeSubmission && {
      message: 'report progress again after the rejection or reopening',
      userMessage: '退回或重新打开后尚未提交新的整改进展',
    },
  ].filter((reason) => reason !== false);
  if (unmet.length > 0) {
    throw guard.invalidState(finding.status, command.type, {
      message: unmet.map((reason) => reason.message).join('; '),
      userMessage: unmet.map((reason) => reason.userMessage).join('，'),
    });
  }
  return createEvent(RectificationSubmittedV1, {
    findingId: finding.findingId,
    note: optionalText(command.note),
    submittedAt: at,
  });
}

function decide(state: FindingState, command: FindingCommand, given: DecisionContext): FindingEvent[] {
  const context = actingContext(given);
  guard.requireRole(context, FINDING_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'RecordFinding') return record(state, command, context);

  const finding = guard.existing(state, command.type);
  guard.requireOwnUnit(context, finding.unitId, command.type);
  guard.requireState(finding.status, FINDING_COMMAND_FROM[command.type], command.type);
  const { findingId } = finding;
  const at = context.now.toISOString();
  switch (command.type) {
    case 'SubmitRectificationPlan': {
      const { measures, responsiblePerson, plannedCompletionDate } = command;
      const event = createEvent(RectificationPlanSubmittedV1, {
        findingId,
        measures,
        responsiblePerson,
        plannedCompletionDate,
        submittedAt: at,
      });
      assertValid([
        [
          'plannedCompletionDate',
          event.data.plannedCompletionDate <= finding.deadline,
          `must not be after the deadline ${finding.deadline}`,
        ],
      ]);
      return [event];
    }
    case 'CheckInProgress':
      return checkIn(finding, command, context);
    case 'SubmitForSignOff':
      return [submitForSignOff(finding, command, at)];
    case 'PassDistrictReview':
      return [createEvent(DistrictReviewPassedV1, { findingId, comment: optionalText(command.comment), passedAt: at })];
    case 'RejectDistrictReview':
      return [createEvent(DistrictReviewRejectedV1, { findingId, reason: command.reason, rejectedAt: at })];
    case 'SignOffFinding':
      return [createEvent(FindingVerifiedV1, { findingId, comment: optionalText(command.comment), verifiedAt: at })];
    case 'RejectSignOff':
      return [createEvent(SignOffRejectedV1, { findingId, reason: command.reason, rejectedAt: at })];
    case 'RequestExtension': {
      if (finding.pendingExtension) {
        throw guard.invalidState(finding.status, command.type, {
          message: 'an extension request is already pending',
          userMessage: '已有待审批的延期申请',
        });
      }
      const event = createEvent(ExtensionRequestedV1, {
        findingId,
        currentDeadline: finding.deadline,
        requestedDeadline: command.requestedDeadline,
        reason: command.reason,
        requestedAt: at,
      });
      assertValid([
        [
          'requestedDeadline',
          event.data.requestedDeadline > finding.deadline,
          `must be later than the current deadline ${finding.deadline}`,
        ],
      ]);
      return [event];
    }
    case 'ApproveExtension':
    case 'RefuseExtension': {
      const pending = finding.pendingExtension;
      if (!pending) {
        throw guard.invalidState(finding.status, command.type, {
          message: 'no extension request is pending',
          userMessage: '没有待审批的延期申请',
        });
      }
      return command.type === 'ApproveExtension'
        ? [
            createEvent(ExtensionApprovedV1, {
              findingId,
              previousDeadline: finding.deadline,
              deadline: pending.requestedDeadline,
              comment: optionalText(command.comment),
              approvedAt: at,
            }),
          ]
        : [
            createEvent(ExtensionRefusedV1, {
              findingId,
              requestedDeadline: pending.requestedDeadline,
              reason: command.reason,
              refusedAt: at,
            }),
          ];
    }
    case 'ReassignFinding': {
      const event = createEvent(FindingReassignedV1, {
        findingId,
        fromUnitId: finding.unitId,
        toUnitId: command.toUnitId,
        reason: command.reason,
        reassignedAt: at,
      });
      assertValid([
        ['toUnitId', event.data.toUnitId !== finding.unitId, 'the finding is already assigned to this unit'],
      ]);
      return [event];
    }
    case 'WithdrawFinding':
      return [createEvent(FindingWithdrawnV1, { findingId, reason: command.reason, withdrawnAt: at })];
    case 'ReopenFinding': {
      const { followUpInspection } = command;
      assertValid([
        [
          'followUpInspection.kind',
          followUpInspection.kind === 'FOLLOW_UP',
          'only a follow-up inspection (回头看) reopens a finding',
        ],
      ]);
      requireFindingsRecordable(followUpInspection.status, command.type);
      const event = createEvent(FindingReopenedV1, {
        findingId,
        followUpInspectionId: followUpInspection.inspectionId,
        reason: command.reason,
        deadline: command.deadline,
        reopenedAt: at,
      });
      assertValid([['deadline', notInThePast(event.data.deadline, context.now), 'the deadline has already passed']]);
      return [event];
    }
    case 'IssueDueWarnings':
      return warningsDue(finding, context.now);
  }
}

function recorded(data: FindingRecorded['data'], version: number): RecordedFinding {
  return {
    status: 'RECORDED',
    version,
    findingId: data.findingId,
    inspectionId: data.inspectionId,
    unitId: data.unitId,
    title: data.title,
    description: data.description,
    category: data.category,
    severity: data.severity,
    basis: data.basis,
    deadline: data.deadline,
    originalDeadline: data.deadline,
    recordedAt: data.recordedAt,
    plan: null,
    latestPercent: null,
    lastCheckInAt: null,
    checkInCount: 0,
    lateCheckInCount: 0,
    evidenceHashes: [],
    checkInDueBeforeSubmission: false,
    pendingExtension: null,
    approvedExtensionCount: 0,
    warningsIssued: [],
    reassignments: [],
    lastRejection: null,
    submittedAt: null,
    districtReviewPassedAt: null,
    verifiedAt: null,
    withdrawnAt: null,
    withdrawalReason: null,
    reopenedAt: null,
    reopenCount: 0,
  };
}

/** Sending a rectification back (district, city or a follow-up) opens a new submission round. */
const BACK_TO_WORK = {
  status: 'IN_PROGRESS',
  submittedAt: null,
  districtReviewPassedAt: null,
  checkInDueBeforeSubmission: true,
} as const;

function evolve(state: FindingState, event: FindingEvent): FindingState {
  const version = state.version + 1;
  if (event.type === 'FindingRecorded') return recorded(event.data, version);
  if (state.status === 'NONE') return { ...state, version };
  const finding: RecordedFinding = { ...state, version };
  switch (event.type) {
    case 'RectificationPlanSubmitted': {
      const { measures, responsiblePerson, plannedCompletionDate, submittedAt } = event.data;
      const plan = { measures, responsiblePerson, plannedCompletionDate, submittedAt };
      return { ...finding, status: 'PLAN_SUBMITTED', plan };
    }
    case 'ProgressCheckedIn':
      return {
        ...finding,
        status: 'IN_PROGRESS',
        latestPercent: event.data.percent,
        lastCheckInAt: event.data.checkedInAt,
        checkInCount: finding.checkInCount + 1,
        lateCheckInCount: finding.lateCheckInCount + (event.data.late ? 1 : 0),
        evidenceHashes: [...new Set([...finding.evidenceHashes, ...event.data.evidence])],
        checkInDueBeforeSubmission: false,
      };
    case 'RectificationSubmitted':
      return { ...finding, status: 'SUBMITTED', submittedAt: event.data.submittedAt, districtReviewPassedAt: null };
    case 'DistrictReviewPassed':
      return { ...finding, status: 'DISTRICT_REVIEW_PASSED', districtReviewPassedAt: event.data.passedAt };
    case 'DistrictReviewRejected':
      return {
        ...finding,
        ...BACK_TO_WORK,
        lastRejection: { by: 'DISTRICT', reason: event.data.reason, rejectedAt: event.data.rejectedAt },
      };
    case 'FindingVerified':
      return { ...finding, status: 'VERIFIED', verifiedAt: event.data.verifiedAt, pendingExtension: null };
    case 'SignOffRejected':
      return {
        ...finding,
        ...BACK_TO_WORK,
        lastRejection: { by: 'CITY', reason: event.data.reason, rejectedAt: event.data.rejectedAt },
      };
    case 'ExtensionRequested': {
      const { requestedDeadline, reason, requestedAt } = event.data;
      return { ...finding, pendingExtension: { requestedDeadline, reason, requestedAt } };
    }
    case 'ExtensionApproved':
      return {
        ...finding,
        deadline: event.data.deadline,
        pendingExtension: null,
        approvedExtensionCount: finding.approvedExtensionCount + 1,
      };
    case 'ExtensionRefused':
      return { ...finding, pendingExtension: null };
    case 'FindingReassigned': {
      const { fromUnitId, toUnitId, reason, reassignedAt } = event.data;
      return {
        ...finding,
        unitId: toUnitId,
        reassignments: [...finding.reassignments, { fromUnitId, toUnitId, reason, reassignedAt }],
      };
    }
    case 'FindingWithdrawn':
      return {
        ...finding,
        status: 'WITHDRAWN',
        withdrawnAt: event.data.withdrawnAt,
        withdrawalReason: event.data.reason,
        pendingExtension: null,
      };
    case 'FindingReopened':
      return {
        ...finding,
        ...BACK_TO_WORK,
        deadline: event.data.deadline,
        verifiedAt: null,
        reopenedAt: event.data.reopenedAt,
        reopenCount: finding.reopenCount + 1,
      };
    case 'WarningIssued': {
      const { level, deadline, issuedAt } = event.data;
      return { ...finding, warningsIssued: [...finding.warningsIssued, { level, deadline, issuedAt }] };
    }
  }
}

export const findingDecider: Decider<FindingState, FindingCommand, FindingEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
  noticeEvents: ['WarningIssued'],
};
