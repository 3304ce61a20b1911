import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

export const UNIT_KINDS = ['STREET', 'TOWNSHIP', 'DEPARTMENT', 'PARTY_ORG', 'COMMUNITY'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

const unitName = z.string().trim().min(1).max(100);
const person = { personId: z.uuid(), name: z.string().trim().min(1).max(50) };

export const UnitCreatedV1 = defineEvent({
  type: 'UnitCreated',
  version: 1,
  streamType: 'Unit',
  schema: z.object({ unitId: z.uuid(), parentUnitId: z.uuid().nullable(), name: unitName, kind: z.enum(UNIT_KINDS) }),
});
export type UnitCreated = EventOf<typeof UnitCreatedV1>;

export const UnitRenamedV1 = defineEvent({
  type: 'UnitRenamed',
  version: 1,
  streamType: 'Unit',
  schema: z.object({ unitId: z.uuid(), previousName: unitName, name: unitName }),
});
export type UnitRenamed = EventOf<typeof UnitRenamedV1>;

export const UnitMovedV1 = defineEvent({
  type: 'UnitMoved',
  version: 1,
  streamType: 'Unit',
  schema: z.object({
    unitId: z.uuid(),
    fromParentUnitId: z.uuid().nullable(),
    toParentUnitId: z.uuid().nullable(),
  }),
});
export type UnitMoved = EventOf<typeof UnitMovedV1>;

/** 分管领导: receives yellow and red deadline warnings. */
export const UnitLeaderAssignedV1 = defineEvent({
  type: 'UnitLeaderAssigned',
  version: 1,
  streamType: 'Unit',
  schema: z.object({ unitId: z.uuid(), ...person }),
});
export type UnitLeaderAssigned = EventOf<typeof UnitLeaderAssignedV1>;

/** 主要负责人: receives red (overdue) deadline warnings. */
export const UnitHeadAssignedV1 = defineEvent({
  type: 'UnitHeadAssigned',
  version: 1,
  streamType: 'Unit',
  schema: z.object({ unitId: z.uuid(), ...person }),
});
export type UnitHeadAssigned = EventOf<typeof UnitHeadAssignedV1>;

/** 联络员: files rectification plans and check-ins; receives every deadline warning. */
export const UnitLiaisonAssignedV1 = defineEvent({
  type: 'UnitLiaisonAssigned',
  version: 1,
  streamType: 'Unit',
  schema: z.object({ unitId: z.uuid(), ...person }),
});
export type UnitLiaisonAssigned = EventOf<typeof UnitLiaisonAssignedV1>;

export const UnitDeactivatedV1 = defineEvent({
  type: 'UnitDeactivated',
  version: 1,
  streamType: 'Unit',
  schema: z.object({ unitId: z.uuid(), reason: z.string().trim().min(1).max(500) }),
});
export type UnitDeactivated = EventOf<typeof UnitDeactivatedV1>;

export const unitEvents = [
  UnitCreatedV1,
  UnitRenamedV1,
  UnitMovedV1,
  UnitLeaderAssignedV1,
  UnitHeadAssignedV1,
  UnitLiaisonAssignedV1,
  UnitDeactivatedV1,
] as const;
export type UnitEvent = EventOf<(typeof unitEvents)[number]>;
