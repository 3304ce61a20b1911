import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';
import { evidenceHashSchema, type WarningLevel } from '../finding/finding.events';

/** 目标责任书 are signed city → district or district → unit. */
export const TARGET_LETTER_LEVELS = ['CITY_DISTRICT', 'DISTRICT_UNIT'] as const;
export type TargetLetterLevel = (typeof TARGET_LETTER_LEVELS)[number];

/** The parties to a letter: the issuer (city or district) and the recipient (district or unit). */
export const SIGNATORY_PARTIES = ['ISSUER', 'RECIPIENT'] as const;
export type SignatoryParty = (typeof SIGNATORY_PARTIES)[number];

/** 重点工作项目 categories: 改革创新, 亮点, 常规, 其他. */
export const KEY_PROJECT_CATEGORIES = ['REFORM_INNOVATION', 'HIGHLIGHT', 'ROUTINE', 'OTHER'] as const;
export type KeyProjectCategory = (typeof KEY_PROJECT_CATEGORIES)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime();
const calendarDate = z.iso.date();
/** A calendar month, 'YYYY-MM'. */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month (YYYY-MM)');
const year = z.number().int().min(2000).max(2100);
const uniqueValues = (values: readonly string[]) => new Set(values).size === values.length;
const person = z.object({ personId: z.uuid().nullable(), name: text(50) });

export const ResponsibilityListCreatedV1 = defineEvent({
  type: 'ResponsibilityListCreated',
  version: 1,
  streamType: 'ResponsibilityList',
  schema: z.object({ listId: z.uuid(), unitId: z.uuid(), year, title: text(200) }),
});
export type ResponsibilityListCreated = EventOf<typeof ResponsibilityListCreatedV1>;

export const ResponsibilityItemAddedV1 = defineEvent({
  type: 'ResponsibilityItemAdded',
  version: 1,
  streamType: 'ResponsibilityList',
  schema: z.object({
    listId: z.uuid(),
    itemId: z.uuid(),
    title: text(200),
    content: text(5000),
    /** 第一责任人. */
    firstResponsible: person,
  }),
});
export type ResponsibilityItemAdded = EventOf<typeof ResponsibilityItemAddedV1>;

export const TargetLetterDraftedV1 = defineEvent({
  type: 'TargetLetterDrafted',
  version: 1,
  streamType: 'TargetLetter',
  schema: z
    .object({
      letterId: z.uuid(),
      year,
      level: z.enum(TARGET_LETTER_LEVELS),
      /** The recipient unit of a district → unit letter; null for a city → district letter. */
      unitId: z.uuid().nullable(),
      terms: z.array(text(2000)).min(1).max(100),
    })
    .refine((letter) => (letter.level === 'DISTRICT_UNIT') === (letter.unitId !== null), {
      message: 'a district → unit letter names its unit, a city → district letter none',
      path: ['unitId'],
    }),
});
export type TargetLetterDrafted = EventOf<typeof TargetLetterDraftedV1>;

export const TargetLetterSignedV1 = defineEvent({
  type: 'TargetLetterSigned',
  version: 1,
  streamType: 'TargetLetter',
  schema: z.object({
    letterId: z.uuid(),
    signatories: z
      .array(z.object({ party: z.enum(SIGNATORY_PARTIES), name: text(50), title: text(100) }))
      .min(2)
      .max(10)
      .refine((signatories) => SIGNATORY_PARTIES.every((party) => signatories.some((s) => s.party === party)), 'both parties must sign'),
    signedOn: calendarDate,
    signedAt: instant,
  }),
});
export type TargetLetterSigned = EventOf<typeof TargetLetterSignedV1>;

export const KeyProjectPlanDraftedV1 = defineEvent({
  type: 'KeyProjectPlanDrafted',
  version: 1,
  streamType: 'KeyProjectPlan',
  /** `ownerUnitId` null: the district's own plan, set by the city; otherwise a unit's, set by the district. */
  schema: z.object({ planId: z.uuid(), year, ownerUnitId: z.uuid().nullable() }),
});
export type KeyProjectPlanDrafted = EventOf<typeof KeyProjectPlanDraftedV1>;

export const KeyProjectAddedV1 = defineEvent({
  type: 'KeyProjectAdded',
  version: 1,
  streamType: 'KeyProjectPlan',
  schema: z.object({
    planId: z.uuid(),
    projectId: z.uuid(),
    category: z.enum(KEY_PROJECT_CATEGORIES),
    title: text(200),
    /** 权重, whole percent; a confirmed plan's weights sum to 100. */
    weight: z.number().int().min(1).max(100),
    goal: text(5000),
    milestones: z
      .array(z.object({ month, target: text(2000) }))
      .min(1)
      .max(12)
      .refine((milestones) => uniqueValues(milestones.map((m) => m.month)), 'one milestone per month'),
  }),
});
export type KeyProjectAdded = EventOf<typeof KeyProjectAddedV1>;

export const KeyProjectPlanConfirmedV1 = defineEvent({
  type: 'KeyProjectPlanConfirmed',
  version: 1,
  streamType: 'KeyProjectPlan',
  schema: z.object({ planId: z.uuid(), totalWeight: z.literal(100), confirmedAt: instant }),
});
export type KeyProjectPlanConfirmed = EventOf<typeof KeyProjectPlanConfirmedV1>;

export const KeyProjectProgressReportedV1 = defineEvent({
  type: 'KeyProjectProgressReported',
  version: 1,
  streamType: 'KeyProjectPlan',
  schema: z.object({
    planId: z.uuid(),
    projectId: z.uuid(),
    month,
    /** How much of the project's goal is done, 0–100. */
    completionPercent: z.number().int().min(0).max(100),
    summary: text(5000),
    evidenceHashes: z.array(evidenceHashSchema).max(50).refine(uniqueValues, 'evidence hashes must be unique'),
    reportedAt: instant,
  }),
});
export type KeyProjectProgressReported = EventOf<typeof KeyProjectProgressReportedV1>;

export const MonthlyReportScheduledV1 = defineEvent({
  type: 'MonthlyReportScheduled',
  version: 1,
  streamType: 'MonthlyReport',
  schema: z.object({ reportId: z.uuid(), month, dueDate: calendarDate }),
});
export type MonthlyReportScheduled = EventOf<typeof MonthlyReportScheduledV1>;

export const MonthlyReportSubmittedV1 = defineEvent({
  type: 'MonthlyReportSubmitted',
  version: 1,
  streamType: 'MonthlyReport',
  schema: z.object({
    reportId: z.uuid(),
    content: text(20000),
    attachmentHashes: z.array(evidenceHashSchema).max(50).refine(uniqueValues, 'attachment hashes must be unique'),
    submittedAt: instant,
  }),
});
export type MonthlyReportSubmitted = EventOf<typeof MonthlyReportSubmittedV1>;

/** The 三色预警 colours a monthly report still owed is warned of: due soon, and overdue. */
export const MONTHLY_REPORT_WARNING_LEVELS = ['YELLOW', 'RED'] as const satisfies readonly WarningLevel[];

/** A warning sent to the district that a monthly report is due soon or overdue; the district's office is notified of it. */
export const MonthlyReportWarningIssuedV1 = defineEvent({
  type: 'MonthlyReportWarningIssued',
  version: 1,
  streamType: 'MonthlyReport',
  schema: z.object({
    reportId: z.uuid(),
    month,
    level: z.enum(MONTHLY_REPORT_WARNING_LEVELS),
    dueDate: calendarDate,
    /** Negative once overdue: −1 is the day after the due date. */
    daysRemaining: z.int(),
    issuedAt: instant,
  }),
});
export type MonthlyReportWarningIssued = EventOf<typeof MonthlyReportWarningIssuedV1>;

export const responsibilityListEvents = [ResponsibilityListCreatedV1, ResponsibilityItemAddedV1] as const;
export type ResponsibilityListEvent = EventOf<(typeof responsibilityListEvents)[number]>;
export const targetLetterEvents = [TargetLetterDraftedV1, TargetLetterSignedV1] as const;
export type TargetLetterEvent = EventOf<(typeof targetLetterEvents)[number]>;
export const keyProjectPlanEvents = [KeyProjectPlanDraftedV1, KeyProjectAddedV1, KeyProjectPlanConfirmedV1, KeyProjectProgressReportedV1] as const;
export type KeyProjectPlanEvent = EventOf<(typeof keyProjectPlanEvents)[number]>;
export const monthlyReportEvents = [MonthlyReportScheduledV1, MonthlyReportSubmittedV1, MonthlyReportWarningIssuedV1] as const;
export type MonthlyReportEvent = EventOf<(typeof monthlyReportEvents)[number]>;

export const responsibilityEvents = [...responsibilityListEvents, ...targetLetterEvents, ...keyProjectPlanEvents, ...monthlyReportEvents] as const;
