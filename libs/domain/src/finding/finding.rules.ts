import type { Role } from '../shared/decider';
import { hoursBetween } from '../shared/china-time';
import type { FindingCommandType } from './finding.commands';
import { FINDING_STATUSES, OPEN_FINDING_STATUSES, type FindingStatus } from './finding.state';

/** The unit reports on its own findings; the district office may report on a unit's behalf. */
const UNIT_SIDE: readonly Role[] = ['unit_officer', 'district_admin'];
const OVERSIGHT: readonly Role[] = ['city_inspector', 'district_admin'];

export const FINDING_COMMAND_ROLES: Record<FindingCommandType, readonly Role[]> = {
  RecordFinding: OVERSIGHT,
  SubmitRectificationPlan: UNIT_SIDE,
  CheckInProgress: UNIT_SIDE,
  SubmitForSignOff: UNIT_SIDE,
  RequestExtension: UNIT_SIDE,
  PassDistrictReview: ['district_admin'],
  RejectDistrictReview: ['district_admin'],
  SignOffFinding: ['city_inspector'],
  RejectSignOff: ['city_inspector'],
  ApproveExtension: OVERSIGHT,
  RefuseExtension: OVERSIGHT,
  ReassignFinding: OVERSIGHT,
  WithdrawFinding: OVERSIGHT,
  ReopenFinding: OVERSIGHT,
  IssueDueWarnings: ['service', ...OVERSIGHT],
};

/** The statuses each command may be issued from (RecordFinding: only on a new stream). */
export const FINDING_COMMAND_FROM: Record<Exclude<FindingCommandType, 'RecordFinding'>, readonly FindingStatus[]> = {
  SubmitRectificationPlan: ['RECORDED', 'PLAN_SUBMITTED'],
  CheckInProgress: ['PLAN_SUBMITTED', 'IN_PROGRESS'],
  SubmitForSignOff: ['IN_PROGRESS'],
  PassDistrictReview: ['SUBMITTED'],
  RejectDistrictReview: ['SUBMITTED'],
  SignOffFinding: ['DISTRICT_REVIEW_PASSED'],
  RejectSignOff: ['DISTRICT_REVIEW_PASSED'],
  RequestExtension: OPEN_FINDING_STATUSES,
  ApproveExtension: OPEN_FINDING_STATUSES,
  RefuseExtension: OPEN_FINDING_STATUSES,
  ReassignFinding: OPEN_FINDING_STATUSES,
  WithdrawFinding: OPEN_FINDING_STATUSES,
  ReopenFinding: ['VERIFIED'],
  // The scheduler works from a projection that may lag; a closed finding simply has nothing due.
  IssueDueWarnings: FINDING_STATUSES,
};

export const LATE_CHECK_IN_HOURS = 24;

/** A check-in is late when the progress it reports took effect more than 24 hours before it was filed. */
export function isLateCheckIn(effectiveAt: string | null, checkedInAt: Date): boolean {
  return effectiveAt !== null && hoursBetween(new Date(effectiveAt), checkedInAt) > LATE_CHECK_IN_HOURS;
}
