import type { Unit, UnitKindValue, UnitStatusValue } from './unit.models';
import type { UnitRecord } from './units.repository';

/** The GraphQL shape of a unit record; `asOf` is set when it was folded to a past instant. */
export function toUnit(record: UnitRecord, asOf: Date | null = null): Unit {
  return {
    id: record.id,
    tenantId: record.tenantId,
    parentId: record.parentUnitId,
    name: record.name,
    kind: record.kind as UnitKindValue,
    status: record.status as UnitStatusValue,
    leader: record.leader,
    head: record.head,
    liaison: record.liaison,
    deactivationReason: record.deactivationReason,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    asOf,
  };
}
