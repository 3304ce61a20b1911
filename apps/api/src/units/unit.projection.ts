import { unitDecider, type UnitState } from '@zeren/domain';
import { unitEvents, type UnitEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import { evolvingProjection } from '../records/evolving-projection';
import { toUnitRecord, UNIT_COLUMNS, type UnitRow } from './units.repository';

/** units, from the Unit streams; ancestor_ids follows the parent, and a move carries the subtree along. */
export const unitProjection: InlineProjection = evolvingProjection<UnitState, UnitEvent>({
  name: 'units',
  tables: ['units'],
  handles: unitEvents.map((definition) => definition.type),
  decider: unitDecider,

  async load(sql, event) {
    const [row] = await sql.query<UnitRow>(`SELECT ${UNIT_COLUMNS} FROM units u WHERE u.tenant_id = $1 AND u.id = $2 FOR UPDATE`, [
      event.tenantId,
      event.streamId,
    ]);
    return row ? toUnitRecord(row) : undefined;
  },

  async save(sql, event, before, unit) {
    if (unit.status === 'NONE') return;
    const at = event.recordedAt;
    await sql.query(
      `INSERT INTO units AS u (tenant_id, id, parent_unit_id, name, kind, status, leader_person_id, leader_name, head_person_id, head_name,
                               liaison_person_id, liaison_name, deactivation_reason, ancestor_ids, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
               coalesce((SELECT p.ancestor_ids || p.id FROM units p WHERE p.tenant_id = $1 AND p.id = $3), '{}'), $14, $15, $15)
       ON CONFLICT (tenant_id, id) DO UPDATE SET
         parent_unit_id = excluded.parent_unit_id, name = excluded.name, kind = excluded.kind, status = excluded.status,
         leader_person_id = excluded.leader_person_id, leader_name = excluded.leader_name,
         head_person_id = excluded.head_person_id, head_name = excluded.head_name,
         liaison_person_id = excluded.liaison_person_id, liaison_name = excluded.liaison_name,
         deactivation_reason = excluded.deactivation_reason, ancestor_ids = excluded.ancestor_ids,
         version = excluded.version, updated_at = excluded.updated_at`,
      [
        event.tenantId,
        unit.unitId,
        unit.parentUnitId,
        unit.name,
        unit.kind,
        unit.status,
        unit.leader?.personId ?? null,
        unit.leader?.name ?? null,
        unit.head?.personId ?? null,
        unit.head?.name ?? null,
        unit.liaison?.personId ?? null,
        unit.liaison?.name ?? null,
        unit.deactivationReason,
        event.version,
        at,
      ],
    );
    if (before.status !== 'NONE' && before.parentUnitId !== unit.parentUnitId) {
      // Descendants keep their path below the moved unit and take its new path above.
      await sql.query(
        `UPDATE units d SET ancestor_ids = m.ancestor_ids || d.ancestor_ids[array_position(d.ancestor_ids, m.id):]
           FROM units m
          WHERE m.tenant_id = $1 AND m.id = $2 AND d.tenant_id = $1 AND m.id = ANY (d.ancestor_ids)`,
        [event.tenantId, unit.unitId],
      );
    }
  },
});
