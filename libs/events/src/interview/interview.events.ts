import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

/** 约谈, 提醒谈话, 诫勉谈话. */
export const INTERVIEW_KINDS = ['ADMONITION', 'REMINDER', 'CAUTION'] as const;
export type InterviewKind = (typeof INTERVIEW_KINDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const instant = z.iso.datetime();
const uniqueIds = (ids: readonly string[]) => new Set(ids).size === ids.length;

export const InterviewScheduledV1 = defineEvent({
  type: 'InterviewScheduled',
  version: 1,
  streamType: 'Interview',
  schema: z.object({
    interviewId: z.uuid(),
    kind: z.enum(INTERVIEW_KINDS),
    interviewerIds: z.array(z.uuid()).min(1).max(20).refine(uniqueIds, 'interviewers must be unique'),
    interviewees: z
      .array(z.object({ personId: z.uuid(), name: text(50), unitId: z.uuid() }))
      .min(1)
      .max(50)
      .refine((people) => uniqueIds(people.map((person) => person.personId)), 'interviewees must be unique'),
    reason: text(2000),
    findingIds: z.array(z.uuid()).max(200).refine(uniqueIds, 'finding ids must be unique'),
    scheduledAt: instant,
    place: text(200),
    /** Visible only to the people named in it (interviewers and interviewees). */
    confidential: z.boolean(),
  }),
});
export type InterviewScheduled = EventOf<typeof InterviewScheduledV1>;

export const InterviewRescheduledV1 = defineEvent({
  type: 'InterviewRescheduled',
  version: 1,
  streamType: 'Interview',
  schema: z.object({
    interviewId: z.uuid(),
    previousScheduledAt: instant,
    scheduledAt: instant,
    place: text(200),
    reason: text(2000),
  }),
});
export type InterviewRescheduled = EventOf<typeof InterviewRescheduledV1>;

export const InterviewHeldV1 = defineEvent({
  type: 'InterviewHeld',
  version: 1,
  streamType: 'Interview',
  schema: z.object({
    interviewId: z.uuid(),
    heldAt: instant,
    minutes: text(20000),
    commitments: z
      .array(z.object({ commitmentId: z.uuid(), text: text(2000), dueDate: z.iso.date() }))
      .max(100)
      .refine((commitments) => uniqueIds(commitments.map((c) => c.commitmentId)), 'commitment ids must be unique'),
  }),
});
export type InterviewHeld = EventOf<typeof InterviewHeldV1>;

export const CommitmentFulfilledV1 = defineEvent({
  type: 'CommitmentFulfilled',
  version: 1,
  streamType: 'Interview',
  schema: z.object({ interviewId: z.uuid(), commitmentId: z.uuid(), note: text(2000), fulfilledAt: instant }),
});
export type CommitmentFulfilled = EventOf<typeof CommitmentFulfilledV1>;

export const InterviewCancelledV1 = defineEvent({
  type: 'InterviewCancelled',
  version: 1,
  streamType: 'Interview',
  schema: z.object({ interviewId: z.uuid(), reason: text(2000), cancelledAt: instant }),
});
export type InterviewCancelled = EventOf<typeof InterviewCancelledV1>;

export const interviewEvents = [
  InterviewScheduledV1,
  InterviewRescheduledV1,
  InterviewHeldV1,
  CommitmentFulfilledV1,
  InterviewCancelledV1,
] as const;
export type InterviewEvent = EventOf<(typeof interviewEvents)[number]>;
