import type { Sql } from '../database/sql';
import { claimDue, type DeliveryOutcome, type DeliveryQueue, type LeasedDelivery, type RetryPolicy } from '../integrations/delivery-queue';
import type { MailAddress } from '../mail/mail-message';
import { SmtpError, type SmtpClient } from '../mail/smtp-client';

export interface NotificationEmail extends LeasedDelivery {
  to: MailAddress;
  subject: string;
  body: string;
}

/** Queued notification e-mails, sent one SMTP conversation each through the configured relay. */
export class NotificationEmailQueue implements DeliveryQueue<NotificationEmail> {
  readonly name = 'notification e-mails';
  readonly table = 'notification_emails';

  constructor(
    private readonly smtp: SmtpClient,
    private readonly from: MailAddress,
    readonly policy: RetryPolicy,
    /** Longer than one SMTP conversation may take. */
    private readonly leaseMs: number,
  ) {}

  async claim(sql: Sql, limit: number): Promise<NotificationEmail[]> {
    const rows = await claimDue<{ to_address: string; to_name: string; subject: string; body: string }>(sql, this.table, {
      limit,
      leaseMs: this.leaseMs,
      returning: 'o.to_address, o.to_name, o.subject, o.body',
    });
    return rows.map((row) => ({
      tenantId: row.tenant_id,
      id: row.id,
      leaseId: row.lease_id,
      attempts: row.attempts,
      to: { address: row.to_address, name: row.to_name },
      subject: row.subject,
      body: row.body,
    }));
  }

  async deliver(email: NotificationEmail): Promise<DeliveryOutcome> {
    try {
      const accepted = await this.smtp.send({ from: this.from, to: email.to, subject: email.subject, text: email.body });
      return { delivered: true, statusCode: accepted.code };
    } catch (error) {
      if (error instanceof SmtpError) return { delivered: false, statusCode: error.code, error: error.message, permanent: error.permanent };
      return { delivered: false, statusCode: null, error: (error as Error).message };
    }
  }
}
