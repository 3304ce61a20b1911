import { PLATFORM_TENANT_ID } from '@zeren/events';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { enableTenantRowSecurity } from './row-security';

/**
 * In-app notifications (filled by the asynchronous `notifications` consumer) and the e-mails
 * queued for them. A notification lives in the tenant of the event it tells about.
 */
export class CreateNotifications1795400000800 implements MigrationInterface {
  name = 'CreateNotifications1795400000800';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE notifications (
        tenant_id              uuid        NOT NULL,
        id                     uuid        NOT NULL,
        recipient_id           uuid        NOT NULL,
        kind                   text        NOT NULL CHECK (kind IN ('WARNING', 'ASSIGNMENT', 'REJECTION', 'INTERVIEW_INVITATION')),
        title                  text        NOT NULL,
        body                   text        NOT NULL,
        record_type            text        NOT NULL,
        record_id              uuid        NOT NULL,
        event_tenant_position  bigint      NOT NULL,
        created_at             timestamptz NOT NULL,
        read_at                timestamptz,
        -- Commit order for the live feed: only the notifications consumer inserts, one batch at a
        -- time under its checkpoint's row lock, so a later seq never commits before an earlier one.
        seq                    bigint      GENERATED ALWAYS AS IDENTITY,
        PRIMARY KEY (tenant_id, id),
        -- One notification per event and person, however often the consumer sees the event.
        UNIQUE (tenant_id, event_tenant_position, recipient_id)
      )`);
    await db.query(`CREATE INDEX notifications_inbox ON notifications (tenant_id, recipient_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_unread ON notifications (tenant_id, recipient_id, created_at DESC, id DESC) WHERE read_at IS NULL`);
    await db.query(`CREATE INDEX notifications_seq ON notifications (seq)`);

    // The same lease-and-retry columns as webhook_outbox, so one delivery worker serves both.
    await db.query(`
      CREATE TABLE notification_emails (
        tenant_id         uuid        NOT NULL,
        id                uuid        NOT NULL,
        notification_id   uuid        NOT NULL,
        to_address        text        NOT NULL,
        to_name           text        NOT NULL,
        subject           text        NOT NULL,
        body              text        NOT NULL,
        status            text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD')),
        attempts          integer     NOT NULL DEFAULT 0,
        next_attempt_at   timestamptz NOT NULL DEFAULT now(),
        lease_id          uuid,
        lease_until       timestamptz,
        last_attempt_at   timestamptz,
        last_status_code  integer,
        last_error        text,
        delivered_at      timestamptz,
        created_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, notification_id) REFERENCES notifications (tenant_id, id)
      )`);
    await db.query(`CREATE INDEX notification_emails_due ON notification_emails (next_attempt_at) WHERE status IN ('PENDING', 'IN_FLIGHT')`);

    for (const table of ['notifications', 'notification_emails']) {
      await enableTenantRowSecurity(db, table);
      await db.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO zeren_app`);
    }

    /*
     * Start the consumer at the log's committed head, not at its beginning: a database that
     * already holds years of events must not notify (and e-mail) people about all of them now.
     * Events of transactions still running are above this point, so none is passed over. The scope
     * opens every tenant for an owner that row-level security applies to (it is forced on events).
     */
    await db.query(
      `SELECT set_config('zeren.tenant_ids', (SELECT array_append(coalesce(array_agg(id), '{}'), $1::uuid) FROM tenants)::text, true)`,
      [PLATFORM_TENANT_ID],
    );
    await db.query(`
      INSERT INTO consumer_checkpoints (consumer, transaction_id, position)
      SELECT 'notifications', coalesce(max(transaction_id), '0'::xid8), coalesce(max(position), 0)
        FROM (SELECT transaction_id, position FROM events
               WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
               ORDER BY transaction_id DESC, position DESC LIMIT 1) head
      ON CONFLICT (consumer) DO NOTHING`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM consumer_checkpoints WHERE consumer = 'notifications'`);
    await db.query(`DROP TABLE notification_emails, notifications`);
  }
}
