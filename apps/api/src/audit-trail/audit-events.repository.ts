import { Inject, Injectable } from '@nestjs/common';
import { abilityToSqlWhere, type AppAbility } from '@zeren/domain';
import type { EventRow } from '../event-store/event-store';
import { ScopedTransactions } from '../database/scoped-transactions';

export interface AuditEventQuery {
  tenantId: string | null;
  actorId: string | null;
  types: string[] | null;
  streamId: string | null;
  from: Date | null;
  to: Date | null;
  newestFirst: boolean;
  /** Global position of the previous page's last row. */
  afterPosition: string | null;
  limit: number;
}

/** An event as the audit trail lists it: data is null when the caller may not read the record's content. */
export type AuditEventRow = Omit<EventRow, 'transaction_id'> & { redacted: boolean };

/** The filter's conditions, $1–$6; null parameters do not filter. */
const FILTER = `($1::uuid IS NULL OR e.tenant_id = $1)
  AND ($2::text IS NULL OR e.metadata->>'actorId' = $2)
  AND ($3::text[] IS NULL OR e.type = ANY ($3))
  AND ($4::uuid IS NULL OR e.stream_id = $4)
  AND ($5::timestamptz IS NULL OR e.recorded_at >= $5)
  AND ($6::timestamptz IS NULL OR e.recorded_at < $6)`;

function filterParams(query: AuditEventQuery): unknown[] {
  return [query.tenantId, query.actorId?.toLowerCase() ?? null, query.types, query.streamId, query.from, query.to];
}

/**
 * The audit trail: the event log itself, limited in SQL to the districts the caller may audit.
 * A confidential interview's events stay in the trail (the chain must be complete to be checked)
 * but their payloads show only to the people the interview names, by the same rule as the interview.
 */
@Injectable()
export class AuditEventsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  list(tenantIds: readonly string[], ability: AppAbility, query: AuditEventQuery): Promise<{ rows: AuditEventRow[]; totalCount: number }> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const filter = filterParams(query);
      const countWhere = abilityToSqlWhere(ability, 'read', 'AuditEvent', { tenantId: 'e.tenant_id' }, filter.length + 1);
      const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM events e WHERE ${FILTER} AND ${countWhere.sql}`, [
        ...filter,
        ...countWhere.params,
      ]);
      const auditable = abilityToSqlWhere(ability, 'read', 'AuditEvent', { tenantId: 'e.tenant_id' }, filter.length + 3);
      const interviewReadable = abilityToSqlWhere(
        ability,
        'read',
        'Interview',
        { tenantId: 'i.tenant_id', confidential: 'i.confidential', participantIds: 'i.participant_ids' },
        filter.length + 3 + auditable.params.length,
      );
      const direction = query.newestFirst ? 'DESC' : 'ASC';
      const rows = await sql.query<AuditEventRow>(
        `SELECT e.position, e.tenant_position, e.tenant_id, e.stream_type, e.stream_id, e.version, e.type, e.schema_version,
                e.metadata, e.recorded_at, e.effective_at, e.prev_hash, e.hash,
                CASE WHEN shown.payload THEN e.data END AS data, NOT shown.payload AS redacted
           FROM events e
           LEFT JOIN interviews i ON e.stream_type = 'Interview' AND i.tenant_id = e.tenant_id AND i.id = e.stream_id
           CROSS JOIN LATERAL (SELECT e.stream_type <> 'Interview' OR coalesce(${interviewReadable.sql}, false) AS payload) shown
          WHERE ${FILTER} AND ${auditable.sql}
            AND ($7::bigint IS NULL OR e.position ${query.newestFirst ? '<' : '>'} $7)
          ORDER BY e.position ${direction}
          LIMIT $8`,
        [...filter, query.afterPosition, query.limit, ...auditable.params, ...interviewReadable.params],
      );
      return { rows, totalCount: count!.total };
    });
  }
}
