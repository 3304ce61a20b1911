import type { RecordedEvent } from '@zeren/events';
import type { Sql } from '../database/sql';
import type { EventHandler } from '../event-store/checkpointed-consumer';
import { NOTIFYING_EVENT_TYPES, noticeFor, type Notice } from './notification-messages';
import { findingFactsAt, recipientsOf, type Recipient } from './notification-recipients';

const NOTIFYING = new Set<string>(NOTIFYING_EVENT_TYPES);

/**
 * Turns committed events into in-app notifications and queued e-mails, in the consumer's
 * checkpoint transaction: a batch's notifications commit exactly when its checkpoint moves, and
 * one notification per (event, person) holds however often an event is seen.
 */
export class NotificationConsumer implements EventHandler {
  readonly name = 'notifications';

  /** @param email queue e-mails as well (an SMTP relay is configured). */
  constructor(private readonly email: boolean) {}

  async handle(events: readonly RecordedEvent[], sql: Sql): Promise<void> {
    for (const event of events) {
      if (!NOTIFYING.has(event.type)) continue;
      const facts = event.streamType === 'Finding' && event.type !== 'FindingRecorded' ? await findingFactsAt(sql, event) : null;
      const notice = noticeFor(event, facts);
      if (!notice) continue;
      const recipients = await recipientsOf(sql, event.tenantId, notice.audience);
      if (recipients.length > 0) await this.notify(sql, event, notice, recipients);
    }
  }

  private async notify(sql: Sql, event: RecordedEvent, notice: Notice, recipients: readonly Recipient[]): Promise<void> {
    const created = await sql.query<{ id: string; recipient_id: string }>(
      `INSERT INTO notifications (tenant_id, id, recipient_id, kind, title, body, record_type, record_id, event_tenant_position, created_at)
       SELECT $1, gen_random_uuid(), recipient, $3, $4, $5, $6, $7, $8, $9 FROM unnest($2::uuid[]) AS recipient
       ON CONFLICT (tenant_id, event_tenant_position, recipient_id) DO NOTHING
       RETURNING id, recipient_id`,
      [event.tenantId, recipients.map((recipient) => recipient.id), notice.kind, notice.title, notice.body, notice.recordType, notice.recordId, event.tenantPosition.toString(), event.recordedAt],
    );
    if (!this.email) return;
    const byId = new Map(recipients.map((recipient) => [recipient.id, recipient]));
    const mails = created.flatMap((row) => {
      const recipient = byId.get(row.recipient_id);
      return recipient?.email ? [{ notification: row.id, address: recipient.email, name: recipient.displayName }] : [];
    });
    if (mails.length === 0) return;
    await sql.query(
      `INSERT INTO notification_emails (tenant_id, id, notification_id, to_address, to_name, subject, body)
       SELECT $1, gen_random_uuid(), notification, address, name, $5, $6 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS mail (notification, address, name)`,
      [event.tenantId, mails.map((mail) => mail.notification), mails.map((mail) => mail.address), mails.map((mail) => mail.name), notice.title, notice.emailBody],
    );
  }
}
