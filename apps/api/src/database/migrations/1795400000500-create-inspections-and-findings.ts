import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

const OPEN_STATUSES = `('RECORDED', 'PLAN_SUBMITTED', 'IN_PROGRESS', 'SUBMITTED', 'DISTRICT_REVIEW_PASSED')`;

/**
 * 检查 and 问题: inspections, findings (the 整改台账), their check-ins and the status periods that
 * statistics read "as of" any instant, all inline projections of the Inspection and Finding
 * streams; plus evidence_files, the upload registry that names content-addressed evidence.
 *
 * A findings row holds everything the Finding decider's state holds, so the projection evolves
 * the row with the domain's own evolve and never re-implements a business rule in SQL.
 */
export class CreateInspectionsAndFindings1795400000500 implements MigrationInterface {
  name = 'CreateInspectionsAndFindings1795400000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE inspections (
        tenant_id            uuid        NOT NULL,
        id                   uuid        NOT NULL,
        title                text        NOT NULL,
        kind                 text        NOT NULL,
        level                text        NOT NULL CHECK (level IN ('CITY', 'DISTRICT')),
        status               text        NOT NULL,
        target_scope         text        NOT NULL CHECK (target_scope IN ('DISTRICT', 'UNITS')),
        target_unit_ids      uuid[]      NOT NULL,
        period_start         date        NOT NULL,
        period_end           date        NOT NULL,
        team                 jsonb       NOT NULL,
        follow_up_of         uuid,
        report_summary       text,
        planned_by           uuid        NOT NULL,
        planned_at           timestamptz NOT NULL,
        started_at           timestamptz,
        report_issued_at     timestamptz,
        closed_at            timestamptz,
        cancelled_at         timestamptz,
        cancellation_reason  text,
        version              integer     NOT NULL,
        created_at           timestamptz NOT NULL,
        updated_at           timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX inspections_planned ON inspections (tenant_id, planned_at, id)`);
    await db.query(`CREATE INDEX inspections_follow_up ON inspections (tenant_id, follow_up_of)`);

    // search_text: Chinese has no word boundaries for a text-search parser without extensions, so
    // searching is a substring match (strpos) over title and description.
    await db.query(`
      CREATE TABLE findings (
        tenant_id                      uuid        NOT NULL,
        id                             uuid        NOT NULL,
        inspection_id                  uuid        NOT NULL,
        unit_id                        uuid        NOT NULL,
        title                          text        NOT NULL,
        description                    text        NOT NULL,
        category                       text        NOT NULL,
        severity                       text        NOT NULL,
        basis                          jsonb       NOT NULL,
        deadline                       date        NOT NULL,
        original_deadline              date        NOT NULL,
        status                         text        NOT NULL,
        plan                           jsonb,
        latest_percent                 integer,
        last_check_in_at               timestamptz,
        check_in_count                 integer     NOT NULL,
        late_check_in_count            integer     NOT NULL,
        evidence_hashes                text[]      NOT NULL,
        evidence_count                 integer     NOT NULL,
        check_in_due_before_submission boolean     NOT NULL,
        pending_extension              jsonb,
        approved_extension_count       integer     NOT NULL,
        warnings_issued                jsonb       NOT NULL,
        last_warning_level             text CHECK (last_warning_level IN ('GREEN', 'YELLOW', 'RED')),
        reassignments                  jsonb       NOT NULL,
        last_rejection                 jsonb,
        recorded_at                    timestamptz NOT NULL,
        submitted_at                   timestamptz,
        district_review_passed_at      timestamptz,
        verified_at                    timestamptz,
        withdrawn_at                   timestamptz,
        withdrawal_reason              text,
        reopened_at                    timestamptz,
        reopen_count                   integer     NOT NULL,
        version                        integer     NOT NULL,
        updated_at                     timestamptz NOT NULL,
        search_text                    text GENERATED ALWAYS AS (lower(title || ' ' || description)) STORED,
        PRIMARY KEY (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX findings_inspection ON findings (tenant_id, inspection_id, recorded_at, id)`);
    await db.query(`CREATE INDEX findings_unit ON findings (tenant_id, unit_id, status)`);
    await db.query(`CREATE INDEX findings_recorded ON findings (tenant_id, recorded_at, id)`);
    await db.query(`CREATE INDEX findings_deadline ON findings (tenant_id, deadline, id)`);
    // The warnings scheduler scans open findings by deadline across every tenant.
    await db.query(`CREATE INDEX findings_open_deadline ON findings (deadline) WHERE status IN ${OPEN_STATUSES}`);

    await db.query(`
      CREATE TABLE finding_check_ins (
        tenant_id        uuid        NOT NULL,
        finding_id       uuid        NOT NULL,
        version          integer     NOT NULL,
        percent          integer     NOT NULL CHECK (percent BETWEEN 0 AND 100),
        narrative        text        NOT NULL,
        decrease_reason  text,
        evidence         jsonb       NOT NULL,
        effective_at     timestamptz,
        late             boolean     NOT NULL,
        checked_in_at    timestamptz NOT NULL,
        actor_id         uuid        NOT NULL,
        actor_role       text        NOT NULL,
        PRIMARY KEY (tenant_id, finding_id, version),
        FOREIGN KEY (tenant_id, finding_id) REFERENCES findings (tenant_id, id)
      )`);

    // One row per stretch of time a finding had one status, unit and deadline; valid_to is NULL for
    // the current stretch. Statistics "as of" t read: valid_from <= t AND (valid_to IS NULL OR valid_to > t).
    await db.query(`
      CREATE TABLE finding_status_periods (
        tenant_id      uuid        NOT NULL,
        finding_id     uuid        NOT NULL,
        status         text        NOT NULL,
        unit_id        uuid        NOT NULL,
        inspection_id  uuid        NOT NULL,
        deadline       date        NOT NULL,
        valid_from     timestamptz NOT NULL,
        valid_to       timestamptz,
        PRIMARY KEY (tenant_id, finding_id, valid_from),
        FOREIGN KEY (tenant_id, finding_id) REFERENCES findings (tenant_id, id),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await db.query(`CREATE INDEX finding_status_periods_time ON finding_status_periods (tenant_id, valid_from, valid_to)`);

    // Not a projection: what the uploader said about a file (its name and detected type). Events
    // hold only the hash, so losing this table loses display names, never evidence.
    await db.query(`
      CREATE TABLE evidence_files (
        tenant_id    uuid        NOT NULL,
        sha256       text        NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        filename     text        NOT NULL,
        media_type   text        NOT NULL,
        size         bigint      NOT NULL CHECK (size >= 0),
        uploaded_by  uuid        NOT NULL,
        uploaded_at  timestamptz NOT NULL,
        PRIMARY KEY (tenant_id, sha256)
      )`);

    for (const table of ['inspections', 'findings', 'finding_check_ins', 'finding_status_periods', 'evidence_files']) {
      await enableTenantRowSecurity(db, table);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO zeren_app`);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evidence_files, finding_status_periods, finding_check_ins, findings, inspections`);
  }
}
