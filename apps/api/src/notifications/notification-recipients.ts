import type { RecordedEvent, WarningRecipient } from '@zeren/events';
import type { Sql } from '../database/sql';
import type { Audience, FindingFacts } from './notification-messages';

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
}

const ROLE_COLUMNS: Record<WarningRecipient, 'liaison_person_id' | 'leader_person_id' | 'head_person_id'> = {
  UNIT_LIAISON: 'liaison_person_id',
  UNIT_LEADER: 'leader_person_id',
  UNIT_HEAD: 'head_person_id',
};

/**
 * A finding's title and its unit as of this event, from the finding's own recording and
 * reassignments in the log, so notifying depends on no other area's read tables.
 */
export async function findingFactsAt(sql: Sql, event: RecordedEvent): Promise<FindingFacts | null> {
  const rows = await sql.query<{ type: string; data: { title?: string; unitId?: string; toUnitId?: string } }>(
    `SELECT type, data FROM events
      WHERE tenant_id = $1 AND stream_id = $2 AND version <= $3 AND type IN ('FindingRecorded', 'FindingReassigned')
      ORDER BY version`,
    [event.tenantId, event.streamId, event.version],
  );
  const recorded = rows.find((row) => row.type === 'FindingRecorded');
  if (!recorded) return null;
  const unitId = rows.reduce((unit, row) => row.data.toUnitId ?? row.data.unitId ?? unit, recorded.data.unitId!);
  return { title: recorded.data.title!, unitId };
}

/**
 * The active people an audience names. A unit's roles come from the units table (its leader,
 * head and liaison); a unit with no liaison named still has unit officers, and they are told. A
 * district's roles are its people holding them.
 */
export async function recipientsOf(sql: Sql, tenantId: string, audience: Audience): Promise<Recipient[]> {
  let personIds: string[];
  if ('personIds' in audience) {
    personIds = [...audience.personIds];
  } else if ('districtRoles' in audience) {
    const holders = await sql.query<{ id: string }>(`SELECT id FROM people WHERE tenant_id = $1 AND role = ANY ($2::text[])`, [tenantId, audience.districtRoles]);
    personIds = holders.map((holder) => holder.id);
  } else {
    const [unit] = await sql.query<Record<string, string | null>>(
      `SELECT liaison_person_id, leader_person_id, head_person_id FROM units WHERE tenant_id = $1 AND id = $2`,
      [tenantId, audience.unitId],
    );
    personIds = audience.roles.map((role) => unit?.[ROLE_COLUMNS[role]] ?? null).filter((id): id is string => id !== null);
    if (audience.roles.includes('UNIT_LIAISON') && !unit?.['liaison_person_id']) {
      const officers = await sql.query<{ id: string }>(
        `SELECT id FROM people WHERE tenant_id = $1 AND unit_id = $2 AND role = 'unit_officer' AND status = 'ACTIVE'`,
        [tenantId, audience.unitId],
      );
      personIds.push(...officers.map((officer) => officer.id));
    }
  }
  if (personIds.length === 0) return [];
  const people = await sql.query<{ id: string; display_name: string; email: string | null }>(
    `SELECT id, display_name, email FROM people WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) AND status = 'ACTIVE' ORDER BY id`,
    [tenantId, [...new Set(personIds)]],
  );
  return people.map((person) => ({ id: person.id, displayName: person.display_name, email: person.email }));
}
