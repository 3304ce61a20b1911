import { INSPECTION_KINDS, INSPECTION_LEVELS, type InspectionKind, type InspectionLevel } from '@zeren/events';
import type { FindingCommandType } from '../finding/finding.commands';
import { FINDING_COMMAND_ROLES } from '../finding/finding.rules';
import { INSPECTION_RUNNER_ROLE, mayPlanInspection } from '../inspection/inspection.rules';
import { INTERVIEW_COMMAND_ROLES, type InterviewCommand } from '../interview/interview.decider';
import type { Role } from './actor';

export const FINDING_ACTIONS = [
  'record',
  'submitPlan',
  'checkIn',
  'submit',
  'reviewPass',
  'reviewReject',
  'signOff',
  'reject',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'reassign',
  'withdraw',
  'reopen',
] as const;
export type FindingAction = (typeof FINDING_ACTIONS)[number];

export const INTERVIEW_ACTIONS = ['schedule', 'recordMinutes', 'fulfilCommitment', 'cancel'] as const;
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

export const AUDIT_ACTIONS = ['verifyChain', 'export'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `plan` creates an Inspection; `update` on one is running it (start, report, close, cancel). */
export type AppAction = 'read' | 'create' | 'update' | 'manage' | 'plan' | FindingAction | InterviewAction | AuditAction | 'issue' | 'revoke';

/** The Finding command each action dispatches; who may issue it is the decider's table, not a second list here. */
export const FINDING_ACTION_COMMANDS = {
  record: 'RecordFinding',
  submitPlan: 'SubmitRectificationPlan',
  checkIn: 'CheckInProgress',
  submit: 'SubmitForSignOff',
  reviewPass: 'PassDistrictReview',
  reviewReject: 'RejectDistrictReview',
  signOff: 'SignOffFinding',
  reject: 'RejectSignOff',
  requestExtension: 'RequestExtension',
  approveExtension: 'ApproveExtension',
  refuseExtension: 'RefuseExtension',
  reassign: 'ReassignFinding',
  withdraw: 'WithdrawFinding',
  reopen: 'ReopenFinding',
} as const satisfies Record<FindingAction, FindingCommandType>;

/** Rescheduling is scheduling again: whoever may schedule a talk may move it. */
export const INTERVIEW_ACTION_COMMANDS = {
  schedule: ['ScheduleInterview', 'RescheduleInterview'],
  recordMinutes: ['RecordInterviewHeld'],
  fulfilCommitment: ['FulfilCommitment'],
  cancel: ['CancelInterview'],
} as const satisfies Record<InterviewAction, readonly InterviewCommand['type'][]>;

/**
 * The audit trail has no decider, so its table lives here (DESIGN.md): the city and the district
 * verify their chains; exporting a bundle for an outside review is the city's and the auditors'.
 */
const AUDIT_ACTION_ROLES: Record<AuditAction, readonly Role[]> = {
  verifyChain: ['city_inspector', 'district_admin', 'auditor'],
  export: ['city_inspector', 'auditor'],
};

export function findingActionsOf(role: Role): FindingAction[] {
  return FINDING_ACTIONS.filter((action) => FINDING_COMMAND_ROLES[FINDING_ACTION_COMMANDS[action]].includes(role));
}

export function interviewActionsOf(role: Role): InterviewAction[] {
  return INTERVIEW_ACTIONS.filter((action) => INTERVIEW_ACTION_COMMANDS[action].every((command) => INTERVIEW_COMMAND_ROLES[command].includes(role)));
}

export function auditActionsOf(role: Role): AuditAction[] {
  return AUDIT_ACTIONS.filter((action) => AUDIT_ACTION_ROLES[action].includes(role));
}

/** A follow-up may re-check any kind the role may plan; which one it re-checks is the decider's to judge. */
export function inspectionKindsPlannableBy(role: Role): InspectionKind[] {
  return INSPECTION_KINDS.filter((kind) =>
    kind === 'FOLLOW_UP' ? INSPECTION_KINDS.some((original) => mayPlanInspection(role, kind, original)) : mayPlanInspection(role, kind, null),
  );
}

export function inspectionLevelsRunBy(role: Role): InspectionLevel[] {
  return INSPECTION_LEVELS.filter((level) => INSPECTION_RUNNER_ROLE[level] === role);
}
