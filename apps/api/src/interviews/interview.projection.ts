import type {
  CommitmentFulfilled,
  InterviewCancelled,
  InterviewHeld,
  InterviewRescheduled,
  InterviewScheduled,
  RecordedEvent,
} from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';

/** interviews and interview_commitments, from the Interview streams. */
export const interviewProjection: InlineProjection = {
  name: 'interviews',
  tables: ['interviews', 'interview_commitments'],
  handles: ['InterviewScheduled', 'InterviewRescheduled', 'InterviewHeld', 'CommitmentFulfilled', 'InterviewCancelled'],

  async apply(sql: Sql, event: RecordedEvent): Promise<void> {
    const key = [event.tenantId, event.streamId, event.version, event.recordedAt] as const;
    switch (event.type) {
      case 'InterviewScheduled': {
        const data = event.data as InterviewScheduled['data'];
        const participants = [...new Set([...data.interviewerIds, ...data.interviewees.map((person) => person.personId)])];
        const units = [...new Set(data.interviewees.map((person) => person.unitId))];
        await sql.query(
          `INSERT INTO interviews (tenant_id, id, version, created_at, updated_at, kind, status, confidential, interviewer_ids, interviewees,
                                   participant_ids, unit_ids, finding_ids, reason, scheduled_at, place, reschedule_count)
           VALUES ($1, $2, $3, $4, $4, $5, 'SCHEDULED', $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, 0)`,
          [
            ...key,
            data.kind,
            data.confidential,
            data.interviewerIds,
            JSON.stringify(data.interviewees),
            participants,
            units,
            data.findingIds,
            data.reason,
            data.scheduledAt,
            data.place,
          ],
        );
        return;
      }
      case 'InterviewRescheduled': {
        const data = event.data as InterviewRescheduled['data'];
        await sql.query(
          `UPDATE interviews SET version = $3, updated_at = $4, scheduled_at = $5, place = $6, reschedule_count = reschedule_count + 1
            WHERE tenant_id = $1 AND id = $2`,
          [...key, data.scheduledAt, data.place],
        );
        return;
      }
      case 'InterviewHeld': {
        const data = event.data as InterviewHeld['data'];
        await sql.query(
          `UPDATE interviews SET version = $3, updated_at = $4, status = 'HELD', held_at = $5, minutes = $6 WHERE tenant_id = $1 AND id = $2`,
          [...key, data.heldAt, data.minutes],
        );
        if (data.commitments.length > 0) {
          await sql.query(
            `INSERT INTO interview_commitments (tenant_id, interview_id, id, position, text, due_date)
             SELECT $1, $2, c.id, c.position::integer - 1, c.text, c.due_date
               FROM unnest($3::uuid[], $4::text[], $5::date[]) WITH ORDINALITY AS c (id, text, due_date, position)`,
            [
              event.tenantId,
              event.streamId,
              data.commitments.map((commitment) => commitment.commitmentId),
              data.commitments.map((commitment) => commitment.text),
              data.commitments.map((commitment) => commitment.dueDate),
            ],
          );
        }
        return;
      }
      case 'CommitmentFulfilled': {
        const data = event.data as CommitmentFulfilled['data'];
        await sql.query(`UPDATE interviews SET version = $3, updated_at = $4 WHERE tenant_id = $1 AND id = $2`, [...key]);
        await sql.query(
          `UPDATE interview_commitments SET fulfilled_at = $4, note = $5 WHERE tenant_id = $1 AND interview_id = $2 AND id = $3`,
          [event.tenantId, event.streamId, data.commitmentId, data.fulfilledAt, data.note],
        );
        return;
      }
      case 'InterviewCancelled': {
        const data = event.data as InterviewCancelled['data'];
        await sql.query(
          `UPDATE interviews SET version = $3, updated_at = $4, status = 'CANCELLED', cancelled_at = $5, cancellation_reason = $6
            WHERE tenant_id = $1 AND id = $2`,
          [...key, data.cancelledAt, data.reason],
        );
        return;
      }
    }
  },
};
