import type { InspectionFieldsFragment } from '../generated/graphql';

/** The fields of an inspection the shared permission rules read. */
export function inspectionSubject(inspection: InspectionFieldsFragment): Record<string, unknown> {
  return { tenantId: inspection.tenantId, kind: inspection.kind, level: inspection.level, targetScope: inspection.target.scope, unitIds: inspection.target.unitIds };
}
