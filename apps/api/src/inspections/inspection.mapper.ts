import type { Inspection, InspectionKindValue, InspectionLevelValue, InspectionStatusValue, InspectionTargetScopeValue } from './inspection.models';
import type { InspectionRecord } from './inspections.repository';

const date = (value: string | null): Date | null => (value ? new Date(value) : null);

/** The GraphQL shape of an inspection record; `asOf` is set when it was folded to a past instant. */
export function toInspection(record: InspectionRecord, asOf: Date | null = null): Inspection {
  return {
    id: record.id,
    tenantId: record.tenantId,
    title: record.title,
    kind: record.kind as InspectionKindValue,
    level: record.level as InspectionLevelValue,
    status: record.status as InspectionStatusValue,
    target: {
      scope: record.target.scope as InspectionTargetScopeValue,
      unitIds: record.target.scope === 'UNITS' ? record.target.unitIds : [],
    },
    periodStart: record.period.startDate,
    periodEnd: record.period.endDate,
    team: record.team,
    followUpOfId: record.followUpOfInspectionId,
    plannedBy: record.plannedBy,
    plannedAt: new Date(record.plannedAt),
    startedAt: date(record.startedAt),
    reportSummary: record.reportSummary,
    reportIssuedAt: date(record.reportIssuedAt),
    closedAt: date(record.closedAt),
    cancelledAt: date(record.cancelledAt),
    cancellationReason: record.cancellationReason,
    version: record.version,
    asOf,
  };
}
