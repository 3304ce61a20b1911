import type { InspectionKind, InspectionLevel } from '@zeren/events';
import type { Role } from '../shared/decider';

export type InspectionStatus = 'PLANNED' | 'IN_PROGRESS' | 'REPORT_ISSUED' | 'CLOSED' | 'CANCELLED';

/** Findings are recorded while the team is inspecting and until its report has been discussed. */
export function canRecordFindingsIn(inspectionStatus: InspectionStatus): boolean {
  return inspectionStatus === 'IN_PROGRESS' || inspectionStatus === 'REPORT_ISSUED';
}

/** Self, mutual and cross checks are a district's own; patrols and special supervision may come from either level. */
export const INSPECTION_KIND_PLANNERS: Record<Exclude<InspectionKind, 'FOLLOW_UP'>, readonly Role[]> = {
  PATROL: ['city_inspector', 'district_admin'],
  SPECIAL_SUPERVISION: ['city_inspector', 'district_admin'],
  SELF_CHECK: ['district_admin'],
  MUTUAL_CHECK: ['district_admin'],
  CROSS_CHECK: ['district_admin'],
};

/** A follow-up (回头看) may be planned by whoever may plan the kind of inspection it re-checks. */
export function mayPlanInspection(role: Role, kind: InspectionKind, followUpOfKind: InspectionKind | null): boolean {
  if (kind !== 'FOLLOW_UP') return INSPECTION_KIND_PLANNERS[kind].includes(role);
  return followUpOfKind !== null && followUpOfKind !== 'FOLLOW_UP' && INSPECTION_KIND_PLANNERS[followUpOfKind].includes(role);
}

/** The office that planned an inspection runs it: starts it, issues its report, closes or cancels it. */
export const INSPECTION_RUNNER_ROLE: Record<InspectionLevel, Role> = {
  CITY: 'city_inspector',
  DISTRICT: 'district_admin',
};
