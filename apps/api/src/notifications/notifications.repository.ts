import { Inject, Injectable } from '@nestjs/common';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import type { Connection } from '../graphql/connection';
import { newestFirstPage } from '../integrations/newest-first-page';
import { Notification, NotificationKindValue } from './notification.models';

interface NotificationRow {
  tenant_id: string;
  id: string;
  kind: NotificationKindValue;
  title: string;
  body: string;
  record_type: string;
  record_id: string;
  created_at: Date;
  read_at: Date | null;
}

const COLUMNS = 'tenant_id, id, kind, title, body, record_type, record_id, created_at, read_at';

const toNotification = (row: NotificationRow): Notification => ({
  id: row.id,
  tenantId: row.tenant_id,
  kind: row.kind,
  title: row.title,
  body: row.body,
  recordType: row.record_type,
  recordId: row.record_id,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** A person's notifications: only ever their own (recipient_id), within their tenant scope (row-level security). */
@Injectable()
export class NotificationsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  /**
   * On the replica: the list is filled asynchronously anyway, and marking one read answers with
   * the changed notification, so a replica's moment of lag changes nothing a client relies on.
   */
  inbox(tenantIds: readonly string[], recipientId: string, page: { unreadOnly: boolean; first: number; after: string | null }): Promise<Connection<Notification>> {
    return this.transactions.read({ tenantIds }, (sql) =>
      newestFirstPage<NotificationRow, Notification>(
        sql,
        {
          from: 'notifications',
          where: 'tenant_id = ANY ($1::uuid[]) AND recipient_id = $2 AND (NOT $3 OR read_at IS NULL)',
          params: [tenantIds, recipientId, page.unreadOnly],
          columns: COLUMNS,
        },
        page,
        toNotification,
      ),
    );
  }

  /** Marks it read (the first time only); undefined when it is not this person's. */
  markRead(tenantIds: readonly string[], recipientId: string, id: string): Promise<Notification | undefined> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      // Inside WITH: TypeORM answers a top-level UPDATE with [rows, count].
      const [row] = await sql.query<NotificationRow>(
        `WITH marked AS (
           UPDATE notifications SET read_at = coalesce(read_at, clock_timestamp()) WHERE id = $1 AND recipient_id = $2 RETURNING ${COLUMNS})
         SELECT * FROM marked`,
        [id, recipientId],
      );
      return row ? toNotification(row) : undefined;
    });
  }

  /** The newest seq now, and the notifications after `afterSeq` up to it for these recipients (the live feed). */
  async createdSince(sql: Sql, afterSeq: string | null, recipientIds: readonly string[]): Promise<{ head: string; created: Array<{ recipientId: string; notification: Notification }> }> {
    const [{ head } = { head: '0' }] = await sql.query<{ head: string }>('SELECT coalesce(max(seq), 0)::text AS head FROM notifications');
    if (afterSeq === null || recipientIds.length === 0) return { head, created: [] };
    const rows = await sql.query<NotificationRow & { recipient_id: string }>(
      `SELECT ${COLUMNS}, recipient_id FROM notifications WHERE seq > $1 AND seq <= $2 AND recipient_id = ANY ($3::uuid[]) ORDER BY seq`,
      [afterSeq, head, recipientIds],
    );
    return { head, created: rows.map((row) => ({ recipientId: row.recipient_id, notification: toNotification(row) })) };
  }
}
