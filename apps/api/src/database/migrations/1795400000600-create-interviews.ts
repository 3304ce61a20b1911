import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * 约谈 (interviews) and the commitments made in them: the inline projection of the Interview
 * streams. participant_ids (interviewers and interviewees) is what the confidentiality rule reads,
 * so lists and counts can apply it in SQL; unit_ids lets a unit's interviews be found.
 */
export class CreateInterviews1795400000600 implements MigrationInterface {
  name = 'CreateInterviews1795400000600';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE interviews (
        tenant_id            uuid        NOT NULL,
        id                   uuid        NOT NULL,
        kind                 text        NOT NULL CHECK (kind IN ('ADMONITION', 'REMINDER', 'CAUTION')),
        status               text        NOT NULL CHECK (status IN ('SCHEDULED', 'HELD', 'CANCELLED')),
        confidential         boolean     NOT NULL,
        interviewer_ids      uuid[]      NOT NULL,
        interviewees         jsonb       NOT NULL,
        participant_ids      uuid[]      NOT NULL,
        unit_ids             uuid[]      NOT NULL,
        finding_ids          uuid[]      NOT NULL,
        reason               text        NOT NULL,
        scheduled_at         timestamptz NOT NULL,
        place                text        NOT NULL,
        reschedule_count     integer     NOT NULL,
        held_at              timestamptz,
        minutes              text,
        cancelled_at         timestamptz,
        cancellation_reason  text,
        version              integer     NOT NULL,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    // The calendar and the default list order.
    await db.query(`CREATE INDEX interviews_scheduled ON interviews (tenant_id, scheduled_at, id)`);
    await db.query(`CREATE INDEX interviews_participants ON interviews USING gin (participant_ids)`);
    await db.query(`CREATE INDEX interviews_units ON interviews USING gin (unit_ids)`);
    await db.query(`CREATE INDEX interviews_findings ON interviews USING gin (finding_ids)`);

    await db.query(`
      CREATE TABLE interview_commitments (
        tenant_id     uuid        NOT NULL,
        interview_id  uuid        NOT NULL,
        id            uuid        NOT NULL,
        position      integer     NOT NULL,
        text          text        NOT NULL,
        due_date      date        NOT NULL,
        fulfilled_at  timestamptz,
        note          text,
        PRIMARY KEY (tenant_id, interview_id, id),
        FOREIGN KEY (tenant_id, interview_id) REFERENCES interviews (tenant_id, id)
      )`);
    // "Which interviews have overdue commitments" looks only at the unfulfilled ones.
    await db.query(`CREATE INDEX interview_commitments_open ON interview_commitments (tenant_id, due_date) WHERE fulfilled_at IS NULL`);

    for (const table of ['interviews', 'interview_commitments']) {
      await enableTenantRowSecurity(db, table);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO zeren_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE interview_commitments, interviews`);
  }
}
