import { Inject, Injectable } from '@nestjs/common';
import { abilityToSqlWhere, SUBJECT_CONDITION_FIELDS, type AppAbility, type ExistingInterview, type InterviewStatus } from '@zeren/domain';
import type { InterviewKind } from '@zeren/events';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { Keyset, type KeysetOrder } from '../records/keyset';
import { SqlParams } from '../records/sql-params';
import { InterviewOrder } from './interview.models';

/** An interview as its district's chain holds it: the decider's state, which current and past views share. */
export interface InterviewRecord {
  tenantId: string;
  id: string;
  state: ExistingInterview;
}

export interface InterviewListQuery {
  tenantId: string | null;
  kind: InterviewKind | null;
  statuses: readonly InterviewStatus[] | null;
  unitId: string | null;
  findingId: string | null;
  scheduledFrom: Date | null;
  scheduledBefore: Date | null;
  hasOverdueCommitments: boolean | null;
  /** Today in China: a commitment due before it and unfulfilled is overdue. */
  today: string;
  order: InterviewOrder;
  after: string | null;
  limit: number;
}

export interface PersonOnRecord {
  id: string;
  displayName: string;
  role: string;
  cityId: string | null;
  tenantId: string | null;
  unitId: string | null;
  active: boolean;
}

interface InterviewRow {
  tenant_id: string;
  id: string;
  kind: InterviewKind;
  status: InterviewStatus;
  confidential: boolean;
  interviewer_ids: string[];
  interviewees: ExistingInterview['interviewees'];
  finding_ids: string[];
  reason: string;
  scheduled_at: Date;
  place: string;
  reschedule_count: number;
  held_at: Date | null;
  minutes: string | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  version: number;
}

interface CommitmentRow {
  tenant_id: string;
  interview_id: string;
  id: string;
  text: string;
  due_date: string;
  fulfilled_at: Date | null;
  note: string | null;
}

const COLUMNS = `i.tenant_id, i.id, i.kind, i.status, i.confidential, i.interviewer_ids, i.interviewees, i.finding_ids, i.reason,
  i.scheduled_at, i.place, i.reschedule_count, i.held_at, i.minutes, i.cancelled_at, i.cancellation_reason, i.version`;

/** The columns the ability's Interview conditions read, for list queries (and the audit trail's redaction). */
export const INTERVIEW_RULE_COLUMNS = {
  tenantId: 'i.tenant_id',
  confidential: 'i.confidential',
  participantIds: 'i.participant_ids',
} satisfies Record<(typeof SUBJECT_CONDITION_FIELDS)['Interview'][number], string>;

const scheduledAt = (descending: boolean, name: string): KeysetOrder<InterviewRow> => ({
  name,
  expression: 'i.scheduled_at',
  cast: 'timestamptz',
  descending,
  valueOf: (row) => row.scheduled_at.toISOString(),
});
const ORDERS: Record<InterviewOrder, KeysetOrder<InterviewRow>> = {
  [InterviewOrder.SCHEDULED_AT_ASC]: scheduledAt(false, 'T+'),
  [InterviewOrder.SCHEDULED_AT_DESC]: scheduledAt(true, 'T-'),
};

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

function toRecord(row: InterviewRow, commitments: readonly CommitmentRow[]): InterviewRecord {
  return {
    tenantId: row.tenant_id,
    id: row.id,
    state: {
      status: row.status,
      version: row.version,
      interviewId: row.id,
      kind: row.kind,
      interviewerIds: row.interviewer_ids,
      interviewees: row.interviewees,
      reason: row.reason,
      findingIds: row.finding_ids,
      scheduledAt: row.scheduled_at.toISOString(),
      place: row.place,
      confidential: row.confidential,
      rescheduleCount: row.reschedule_count,
      heldAt: iso(row.held_at),
      minutes: row.minutes,
      commitments: commitments.map((commitment) => ({
        commitmentId: commitment.id,
        text: commitment.text,
        dueDate: commitment.due_date,
        fulfilledAt: iso(commitment.fulfilled_at),
        fulfilmentNote: commitment.note,
      })),
      cancelledAt: iso(row.cancelled_at),
      cancellationReason: row.cancellation_reason,
    },
  };
}

/** Reads of the interviews projection, and the facts scheduling checks against. */
@Injectable()
export class InterviewsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  /** The current state; undefined when absent from the caller's tenants (row-level security decides). */
  find(tenantIds: readonly string[], id: string): Promise<InterviewRecord | undefined> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const [row] = await sql.query<InterviewRow>(`SELECT ${COLUMNS} FROM interviews i WHERE i.id = $1`, [id]);
      return row ? (await this.withCommitments(sql, [row]))[0] : undefined;
    });
  }

  /** One page (limit + 1 rows) and the total under the same filter, both limited in SQL to what the ability lets the caller read. */
  list(
    tenantIds: readonly string[],
    ability: AppAbility,
    query: InterviewListQuery,
  ): Promise<{ records: InterviewRecord[]; totalCount: number; cursorOf: (record: InterviewRecord) => string }> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const conditions: string[] = [];
      if (query.tenantId) conditions.push(`i.tenant_id = ${params.add(query.tenantId)}::uuid`);
      if (query.kind) conditions.push(`i.kind = ${params.add(query.kind)}`);
      if (query.statuses?.length) conditions.push(`i.status = ANY (${params.add(query.statuses)}::text[])`);
      if (query.unitId) conditions.push(`${params.add(query.unitId)}::uuid = ANY (i.unit_ids)`);
      if (query.findingId) conditions.push(`${params.add(query.findingId)}::uuid = ANY (i.finding_ids)`);
      if (query.scheduledFrom) conditions.push(`i.scheduled_at >= ${params.add(query.scheduledFrom)}`);
      if (query.scheduledBefore) conditions.push(`i.scheduled_at < ${params.add(query.scheduledBefore)}`);
      if (query.hasOverdueCommitments !== null) {
        conditions.push(`${query.hasOverdueCommitments ? '' : 'NOT '}EXISTS (
          SELECT 1 FROM interview_commitments c
           WHERE c.tenant_id = i.tenant_id AND c.interview_id = i.id AND c.fulfilled_at IS NULL AND c.due_date < ${params.add(query.today)}::date)`);
      }
      const readable = abilityToSqlWhere(ability, 'read', 'Interview', INTERVIEW_RULE_COLUMNS, params.nextIndex);
      params.append(readable.params);
      const where = [...conditions, readable.sql].join(' AND ');
      const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM interviews i WHERE ${where}`, [...params.values]);
      const keyset = new Keyset(ORDERS[query.order], 'i.id', (row: InterviewRow) => row.id);
      const after = keyset.after(query.after, params);
      const rows = await sql.query<InterviewRow>(
        `SELECT ${COLUMNS} FROM interviews i WHERE ${where} AND ${after} ORDER BY ${keyset.orderBy()} LIMIT ${params.add(query.limit + 1)}`,
        params.values,
      );
      const byRecord = new Map(rows.map((row) => [`${row.tenant_id}/${row.id}`, row]));
      return {
        records: await this.withCommitments(sql, rows),
        totalCount: count!.total,
        cursorOf: (record) => keyset.cursorOf(byRecord.get(`${record.tenantId}/${record.id}`)!),
      };
    });
  }

  /** People by id, as the people projection has them (the caller's scope decides which chains are read). */
  people(tenantIds: readonly string[], ids: readonly string[]): Promise<PersonOnRecord[]> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const rows = await sql.query<{ id: string; display_name: string; role: string; city_id: string | null; home_tenant_id: string | null; unit_id: string | null; status: string }>(
        `SELECT id, display_name, role, city_id, home_tenant_id, unit_id, status FROM people WHERE id = ANY ($1::uuid[])`,
        [ids],
      );
      return rows.map((row) => ({
        id: row.id,
        displayName: row.display_name,
        role: row.role,
        cityId: row.city_id,
        tenantId: row.home_tenant_id,
        unitId: row.unit_id,
        active: row.status === 'ACTIVE',
      }));
    });
  }

  /**
   * Which of these ids name a stream of the type in the tenant's chain. Read from the event log
   * itself, so linking findings and units does not depend on another area's read tables.
   */
  existingStreams(tenantId: string, streamType: string, ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return Promise.resolve(new Set());
    return this.transactions.run({ tenantIds: [tenantId] }, async (sql) => {
      const rows = await sql.query<{ stream_id: string }>(
        `SELECT stream_id FROM events WHERE tenant_id = $1 AND stream_type = $2 AND version = 1 AND stream_id = ANY ($3::uuid[])`,
        [tenantId, streamType, ids],
      );
      return new Set(rows.map((row) => row.stream_id));
    });
  }

  private async withCommitments(sql: Sql, rows: readonly InterviewRow[]): Promise<InterviewRecord[]> {
    if (rows.length === 0) return [];
    const commitments = await sql.query<CommitmentRow>(
      `SELECT c.tenant_id, c.interview_id, c.id, c.text, c.due_date::text AS due_date, c.fulfilled_at, c.note
         FROM interview_commitments c
         JOIN unnest($1::uuid[], $2::uuid[]) AS wanted (tenant_id, interview_id)
           ON c.tenant_id = wanted.tenant_id AND c.interview_id = wanted.interview_id
        ORDER BY c.interview_id, c.position`,
      [rows.map((row) => row.tenant_id), rows.map((row) => row.id)],
    );
    const byInterview = new Map<string, CommitmentRow[]>();
    for (const commitment of commitments) {
      const key = `${commitment.tenant_id}/${commitment.interview_id}`;
      byInterview.set(key, [...(byInterview.get(key) ?? []), commitment]);
    }
    return rows.map((row) => toRecord(row, byInterview.get(`${row.tenant_id}/${row.id}`) ?? []));
  }
}
