import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

export const INSPECTION_KINDS = [
  'PATROL',
  'SPECIAL_SUPERVISION',
  'SELF_CHECK',
  'MUTUAL_CHECK',
  'CROSS_CHECK',
  'FOLLOW_UP',
] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];

/** Who runs the inspection: the city office (on a district) or the district office (on its units). */
export const INSPECTION_LEVELS = ['CITY', 'DISTRICT'] as const;
export type InspectionLevel = (typeof INSPECTION_LEVELS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

export const inspectionTargetSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('DISTRICT') }),
  z.object({ scope: z.literal('UNITS'), unitIds: z.array(z.uuid()).min(1).max(500) }),
]);
export type InspectionTarget = z.infer<typeof inspectionTargetSchema>;

export const InspectionPlannedV1 = defineEvent({
  type: 'InspectionPlanned',
  version: 1,
  streamType: 'Inspection',
  schema: z
    .object({
      inspectionId: z.uuid(),
      title: text(200),
      kind: z.enum(INSPECTION_KINDS),
      level: z.enum(INSPECTION_LEVELS),
      target: inspectionTargetSchema,
      period: z
        .object({ startDate: z.iso.date(), endDate: z.iso.date() })
        .refine((period) => period.startDate <= period.endDate, {
          message: 'endDate must not be before startDate',
          path: ['endDate'],
        }),
      team: z
        .array(z.object({ personId: z.uuid().nullable(), name: text(50) }))
        .min(1)
        .max(100),
      followUpOfInspectionId: z.uuid().nullable(),
      plannedAt: z.iso.datetime(),
    })
    .refine((planned) => (planned.kind === 'FOLLOW_UP') === (planned.followUpOfInspectionId !== null), {
      message: 'followUpOfInspectionId is required for FOLLOW_UP inspections and only for them',
      path: ['followUpOfInspectionId'],
    }),
});
export type InspectionPlanned = EventOf<typeof InspectionPlannedV1>;

export const InspectionStartedV1 = defineEvent({
  type: 'InspectionStarted',
  version: 1,
  streamType: 'Inspection',
  schema: z.object({ inspectionId: z.uuid(), startedAt: z.iso.datetime() }),
});
export type InspectionStarted = EventOf<typeof InspectionStartedV1>;

export const InspectionReportIssuedV1 = defineEvent({
  type: 'InspectionReportIssued',
  version: 1,
  streamType: 'Inspection',
  schema: z.object({ inspectionId: z.uuid(), summary: text(10000), issuedAt: z.iso.datetime() }),
});
export type InspectionReportIssued = EventOf<typeof InspectionReportIssuedV1>;

export const InspectionClosedV1 = defineEvent({
  type: 'InspectionClosed',
  version: 1,
  streamType: 'Inspection',
  schema: z.object({ inspectionId: z.uuid(), closedAt: z.iso.datetime() }),
});
export type InspectionClosed = EventOf<typeof InspectionClosedV1>;

export const InspectionCancelledV1 = defineEvent({
  type: 'InspectionCancelled',
  version: 1,
  streamType: 'Inspection',
  schema: z.object({ inspectionId: z.uuid(), reason: text(500), cancelledAt: z.iso.datetime() }),
});
export type InspectionCancelled = EventOf<typeof InspectionCancelledV1>;

export const inspectionEvents = [
  InspectionPlannedV1,
  InspectionStartedV1,
  InspectionReportIssuedV1,
  InspectionClosedV1,
  InspectionCancelledV1,
] as const;
export type InspectionEvent = EventOf<(typeof inspectionEvents)[number]>;
