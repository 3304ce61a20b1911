import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

export const FINDING_CATEGORIES = ['STUDY', 'POSITION_MANAGEMENT', 'ONLINE_OPINION', 'RESPONSIBILITY', 'OTHER'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export const FINDING_SEVERITIES = ['MINOR', 'MAJOR', 'SEVERE'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** 依据: what the finding says was not done — a responsibility-list item or a rule. */
export const FINDING_BASIS_KINDS = ['RESPONSIBILITY_ITEM', 'RULE'] as const;
export type FindingBasisKind = (typeof FINDING_BASIS_KINDS)[number];

/** 三色预警 colours, in increasing severity. */
export const WARNING_LEVELS = ['GREEN', 'YELLOW', 'RED'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const WARNING_RECIPIENTS = ['UNIT_LIAISON', 'UNIT_LEADER', 'UNIT_HEAD'] as const;
export type WarningRecipient = (typeof WARNING_RECIPIENTS)[number];

/** Evidence files are content-addressed: the event holds the lowercase hex sha256 of the file. */
export const evidenceHashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex sha256 (64 characters)');

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime();
const calendarDate = z.iso.date();

export const FindingRecordedV1 = defineEvent({
  type: 'FindingRecorded',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    inspectionId: z.uuid(),
    unitId: z.uuid(),
    title: text(200),
    description: text(5000),
    category: z.enum(FINDING_CATEGORIES),
    severity: z.enum(FINDING_SEVERITIES),
    basis: z.object({ kind: z.enum(FINDING_BASIS_KINDS), reference: text(200), text: text(5000) }),
    deadline: calendarDate,
    recordedAt: instant,
  }),
});
export type FindingRecorded = EventOf<typeof FindingRecordedV1>;

export const RectificationPlanSubmittedV1 = defineEvent({
  type: 'RectificationPlanSubmitted',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    measures: text(5000),
    responsiblePerson: z.object({ personId: z.uuid().nullable(), name: text(50) }),
    plannedCompletionDate: calendarDate,
    submittedAt: instant,
  }),
});
export type RectificationPlanSubmitted = EventOf<typeof RectificationPlanSubmittedV1>;

export const ProgressCheckedInV1 = defineEvent({
  type: 'ProgressCheckedIn',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    percent: z.int().min(0).max(100),
    narrative: text(5000),
    /** Required exactly when percent is lower than the previous check-in's. */
    decreaseReason: text(1000).nullable(),
    evidence: z
      .array(evidenceHashSchema)
      .max(50)
      .refine((hashes) => new Set(hashes).size === hashes.length, 'evidence hashes must be unique'),
    /** When the reported progress took effect, if the reporter states one. */
    effectiveAt: instant.nullable(),
    /** effectiveAt lies more than 24 hours before checkedInAt. */
    late: z.boolean(),
    checkedInAt: instant,
  }),
});
export type ProgressCheckedIn = EventOf<typeof ProgressCheckedInV1>;

export const RectificationSubmittedV1 = defineEvent({
  type: 'RectificationSubmitted',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), note: text(2000).nullable(), submittedAt: instant }),
});
export type RectificationSubmitted = EventOf<typeof RectificationSubmittedV1>;

export const DistrictReviewPassedV1 = defineEvent({
  type: 'DistrictReviewPassed',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), comment: text(2000).nullable(), passedAt: instant }),
});
export type DistrictReviewPassed = EventOf<typeof DistrictReviewPassedV1>;

export const DistrictReviewRejectedV1 = defineEvent({
  type: 'DistrictReviewRejected',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), reason: text(2000), rejectedAt: instant }),
});
export type DistrictReviewRejected = EventOf<typeof DistrictReviewRejectedV1>;

/** 销号: the city signs the rectification off. */
export const FindingVerifiedV1 = defineEvent({
  type: 'FindingVerified',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), comment: text(2000).nullable(), verifiedAt: instant }),
});
export type FindingVerified = EventOf<typeof FindingVerifiedV1>;

export const SignOffRejectedV1 = defineEvent({
  type: 'SignOffRejected',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), reason: text(2000), rejectedAt: instant }),
});
export type SignOffRejected = EventOf<typeof SignOffRejectedV1>;

export const ExtensionRequestedV1 = defineEvent({
  type: 'ExtensionRequested',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    currentDeadline: calendarDate,
    requestedDeadline: calendarDate,
    reason: text(2000),
    requestedAt: instant,
  }),
});
export type ExtensionRequested = EventOf<typeof ExtensionRequestedV1>;

export const ExtensionApprovedV1 = defineEvent({
  type: 'ExtensionApproved',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    previousDeadline: calendarDate,
    deadline: calendarDate,
    comment: text(2000).nullable(),
    approvedAt: instant,
  }),
});
export type ExtensionApproved = EventOf<typeof ExtensionApprovedV1>;

export const ExtensionRefusedV1 = defineEvent({
  type: 'ExtensionRefused',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), requestedDeadline: calendarDate, reason: text(2000), refusedAt: instant }),
});
export type ExtensionRefused = EventOf<typeof ExtensionRefusedV1>;

export const FindingReassignedV1 = defineEvent({
  type: 'FindingReassigned',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    fromUnitId: z.uuid(),
    toUnitId: z.uuid(),
    reason: text(2000),
    reassignedAt: instant,
  }),
});
export type FindingReassigned = EventOf<typeof FindingReassignedV1>;

export const FindingWithdrawnV1 = defineEvent({
  type: 'FindingWithdrawn',
  version: 1,
  streamType: 'Finding',
  schema: z.object({ findingId: z.uuid(), reason: text(2000), withdrawnAt: instant }),
});
export type FindingWithdrawn = EventOf<typeof FindingWithdrawnV1>;

/** A follow-up inspection (回头看) found a signed-off rectification did not hold. */
export const FindingReopenedV1 = defineEvent({
  type: 'FindingReopened',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    followUpInspectionId: z.uuid(),
    reason: text(2000),
    deadline: calendarDate,
    reopenedAt: instant,
  }),
});
export type FindingReopened = EventOf<typeof FindingReopenedV1>;

/** 三色预警: a deadline warning sent to the unit; one per level per deadline. */
export const WarningIssuedV1 = defineEvent({
  type: 'WarningIssued',
  version: 1,
  streamType: 'Finding',
  schema: z.object({
    findingId: z.uuid(),
    unitId: z.uuid(),
    level: z.enum(WARNING_LEVELS),
    deadline: calendarDate,
    /** Negative once overdue: −1 is the day after the deadline. */
    daysRemaining: z.int(),
    recipients: z.array(z.enum(WARNING_RECIPIENTS)).min(1),
    issuedAt: instant,
  }),
});
export type WarningIssued = EventOf<typeof WarningIssuedV1>;

export const findingEvents = [
  FindingRecordedV1,
  RectificationPlanSubmittedV1,
  ProgressCheckedInV1,
  RectificationSubmittedV1,
  DistrictReviewPassedV1,
  DistrictReviewRejectedV1,
  FindingVerifiedV1,
  SignOffRejectedV1,
  ExtensionRequestedV1,
  ExtensionApprovedV1,
  ExtensionRefusedV1,
  FindingReassignedV1,
  FindingWithdrawnV1,
  FindingReopenedV1,
  WarningIssuedV1,
] as const;
export type FindingEvent = EventOf<(typeof findingEvents)[number]>;
