import { inspectionDecider, type InspectionState } from '@zeren/domain';
import { inspectionEvents, type InspectionEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import { evolvingProjection } from '../records/evolving-projection';
import { INSPECTION_COLUMNS, toInspectionRecord, type InspectionRow } from './inspections.repository';

/** inspections, from the Inspection streams. */
export const inspectionProjection: InlineProjection = evolvingProjection<InspectionState, InspectionEvent>({
  name: 'inspections',
  tables: ['inspections'],
  handles: inspectionEvents.map((definition) => definition.type),
  decider: inspectionDecider,

  async load(sql, event) {
    const [row] = await sql.query<InspectionRow>(`SELECT ${INSPECTION_COLUMNS} FROM inspections i WHERE i.tenant_id = $1 AND i.id = $2 FOR UPDATE`, [
      event.tenantId,
      event.streamId,
    ]);
    return row ? toInspectionRecord(row) : undefined;
  },

  async save(sql, event, _before, inspection) {
    if (inspection.status === 'NONE') return;
    await sql.query(
      `INSERT INTO inspections AS i (tenant_id, id, title, kind, level, status, target_scope, target_unit_ids, period_start, period_end, team,
                                     follow_up_of, report_summary, planned_by, planned_at, started_at, report_issued_at, closed_at,
                                     cancelled_at, cancellation_reason, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $22)
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         title = excluded.title, kind = excluded.kind, level = excluded.level, status = excluded.status,
         target_scope = excluded.target_scope, target_unit_ids = excluded.target_unit_ids,
         period_start = excluded.period_start, period_end = excluded.period_end, team = excluded.team,
         follow_up_of = excluded.follow_up_of, report_summary = excluded.report_summary, planned_at = excluded.planned_at,
         started_at = excluded.started_at, report_issued_at = excluded.report_issued_at, closed_at = excluded.closed_at,
         cancelled_at = excluded.cancelled_at, cancellation_reason = excluded.cancellation_reason,
         version = excluded.version, updated_at = excluded.updated_at`,
      [
        event.tenantId,
        inspection.inspectionId,
        inspection.title,
        inspection.kind,
        inspection.level,
        inspection.status,
        inspection.target.scope,
        inspection.target.scope === 'UNITS' ? inspection.target.unitIds : [],
        inspection.period.startDate,
        inspection.period.endDate,
        JSON.stringify(inspection.team),
        inspection.followUpOfInspectionId,
        inspection.reportSummary,
        // Only the planning event's actor is kept: the conflict branch leaves planned_by alone.
        event.metadata.actorId,
        inspection.plannedAt,
        inspection.startedAt,
        inspection.reportIssuedAt,
        inspection.closedAt,
        inspection.cancelledAt,
        inspection.cancellationReason,
        event.version,
        event.recordedAt,
      ],
    );
  },
});
