import type { FindingBasisKind, FindingCategory, FindingSeverity, WarningLevel } from '@zeren/events';
import type { NotCreated } from '../shared/command-guard';

export const FINDING_STATUSES = [
  'RECORDED',
  'PLAN_SUBMITTED',
  'IN_PROGRESS',
  'SUBMITTED',
  'DISTRICT_REVIEW_PASSED',
  'VERIFIED',
  'WITHDRAWN',
] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Every status in which the rectification is still owed. */
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = [
  'RECORDED',
  'PLAN_SUBMITTED',
  'IN_PROGRESS',
  'SUBMITTED',
  'DISTRICT_REVIEW_PASSED',
];

export interface FindingBasis {
  kind: FindingBasisKind;
  reference: string;
  text: string;
}

export interface RectificationPlan {
  measures: string;
  responsiblePerson: { personId: string | null; name: string };
  plannedCompletionDate: string;
  submittedAt: string;
}

export interface PendingExtension {
  requestedDeadline: string;
  reason: string;
  requestedAt: string;
}

export interface IssuedWarning {
  level: WarningLevel;
  deadline: string;
  issuedAt: string;
}

export interface Reassignment {
  fromUnitId: string;
  toUnitId: string;
  reason: string;
  reassignedAt: string;
}

export interface Rejection {
  by: 'DISTRICT' | 'CITY';
  reason: string;
  rejectedAt: string;
}

/** Everything the ledger projection and the rules need, derived from the Finding's events only. */
export interface RecordedFinding {
  status: FindingStatus;
  /** Number of events folded; the expected version for the next append. */
  version: number;
  findingId: string;
  inspectionId: string;
  unitId: string;
  title: string;
  description: string;
  category: FindingCategory;
  severity: FindingSeverity;
  basis: FindingBasis;
  /** The deadline in force: the original one, an approved extension's, or a reopening's. */
  deadline: string;
  originalDeadline: string;
  recordedAt: string;
  plan: RectificationPlan | null;
  latestPercent: number | null;
  lastCheckInAt: string | null;
  checkInCount: number;
  lateCheckInCount: number;
  /** Every evidence hash reported so far, in order of first report. */
  evidenceHashes: string[];
  /** After a rejection or a reopening, the unit must report again before it resubmits. */
  checkInDueBeforeSubmission: boolean;
  pendingExtension: PendingExtension | null;
  approvedExtensionCount: number;
  warningsIssued: IssuedWarning[];
  reassignments: Reassignment[];
  lastRejection: Rejection | null;
  /** Of the current submission round; cleared when the submission is rejected or the finding reopens. */
  submittedAt: string | null;
  districtReviewPassedAt: string | null;
  verifiedAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  reopenedAt: string | null;
  reopenCount: number;
}

export type FindingState = NotCreated | RecordedFinding;

export function isOpenFinding(status: FindingStatus): boolean {
  return OPEN_FINDING_STATUSES.includes(status);
}
