import { Inject, Injectable } from '@nestjs/common';
import {
  abilityToSqlWhere,
  addDays,
  isUuid,
  YELLOW_WARNING_DAYS,
  type AppAbility,
  type AssessedEvent,
  type ExistingKeyProjectPlan,
  type ExistingMonthlyReport,
  type ExistingResponsibilityList,
  type ExistingTargetLetter,
} from '@zeren/domain';
import { eventCatalogue } from '@zeren/events';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import type { EventRow } from '../event-store/event-store';
import { findingRuleColumns } from '../findings/findings.repository';
import type { WarningCandidate } from '../records/warning-rounds';
import { SqlParams } from '../records/sql-params';

export type ResponsibilityRecordType = 'ResponsibilityList' | 'TargetLetter' | 'KeyProjectPlan' | 'MonthlyReport';

export interface ResponsibilityStates {
  ResponsibilityList: ExistingResponsibilityList;
  TargetLetter: ExistingTargetLetter;
  KeyProjectPlan: ExistingKeyProjectPlan;
  MonthlyReport: ExistingMonthlyReport;
}
export type ResponsibilityState = ResponsibilityStates[ResponsibilityRecordType];

/** One row of responsibility_records: the aggregate's state and where it is filed. */
export interface ResponsibilityRecord<T extends ResponsibilityRecordType = ResponsibilityRecordType> {
  tenantId: string;
  id: string;
  type: T;
  unitId: string | null;
  year: number;
  state: ResponsibilityStates[T];
}

interface Row {
  tenant_id: string;
  id: string;
  record_type: ResponsibilityRecordType;
  unit_id: string | null;
  year: number;
  state: ResponsibilityState;
}

export interface FindingCitation {
  id: string;
  tenantId: string;
  itemId: string;
  title: string;
  status: string;
  unitId: string;
}

/** The streams the assessment counts. */
const ASSESSED_STREAM_TYPES = ['Finding', 'Interview', 'KeyProjectPlan', 'MonthlyReport'];

const toRecord = (row: Row): ResponsibilityRecord => ({
  tenantId: row.tenant_id,
  id: row.id,
  type: row.record_type,
  unitId: row.unit_id,
  year: row.year,
  state: row.state,
});

/**
 * 分析研判月报告 still owed whose due date has entered a colour the district was not yet warned of
 * (yellow within the yellow period, red once overdue), in every tenant of `sql`'s scope, the most
 * urgent first. Due dates are ISO dates, so they compare as text.
 */
export async function owedReportsToWarn(sql: Sql, today: string, limit: number): Promise<WarningCandidate[]> {
  const rows = await sql.query<{ tenant_id: string; id: string; version: number }>(
    `SELECT tenant_id, id, version FROM responsibility_records
      WHERE record_type = 'MonthlyReport' AND status = 'DUE' AND state->>'dueDate' <= $2
        AND NOT state->'warningsIssued' @> '["RED"]'
        AND (state->>'dueDate' < $1 OR NOT state->'warningsIssued' @> '["YELLOW"]')
      ORDER BY state->>'dueDate', tenant_id, id
      LIMIT $3`,
    [today, addDays(today, YELLOW_WARNING_DAYS), limit],
  );
  return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id, version: row.version }));
}

/** Reads of responsibility_records, and the facts the area checks and scores against. */
@Injectable()
export class ResponsibilityRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  /** The current state; undefined when absent from the caller's tenants (row-level security decides). */
  find(tenantIds: readonly string[], id: string): Promise<ResponsibilityRecord | undefined> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const [row] = await sql.query<Row>(`SELECT tenant_id, id, record_type, unit_id, year, state FROM responsibility_records WHERE id = $1`, [id]);
      return row && toRecord(row);
    });
  }

  /** A year's records of one type the ability lets the caller read, in one district or all of the caller's. */
  list<T extends ResponsibilityRecordType>(
    tenantIds: readonly string[],
    ability: AppAbility,
    query: { type: T; year: number; tenantId: string | null; unitId: string | null },
  ): Promise<Array<ResponsibilityRecord<T>>> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const conditions = [`r.record_type = ${params.add(query.type)}`, `r.year = ${params.add(query.year)}`];
      if (query.tenantId) conditions.push(`r.tenant_id = ${params.add(query.tenantId)}::uuid`);
      if (query.unitId) conditions.push(`r.unit_id = ${params.add(query.unitId)}::uuid`);
      const readable = abilityToSqlWhere(ability, 'read', 'Responsibility', { tenantId: 'r.tenant_id', unitId: 'r.unit_id' }, params.nextIndex);
      params.append(readable.params);
      const rows = await sql.query<Row>(
        `SELECT r.tenant_id, r.id, r.record_type, r.unit_id, r.year, r.state FROM responsibility_records r
          WHERE ${[...conditions, readable.sql].join(' AND ')} ORDER BY r.tenant_id, r.unit_id NULLS FIRST, r.created_at, r.id`,
        params.values,
      );
      return rows.map(toRecord) as Array<ResponsibilityRecord<T>>;
    });
  }

  /** Findings whose 依据 cites one of these responsibility items, as far as the caller may read them. */
  findingsCiting(tenantIds: readonly string[], ability: AppAbility, itemIds: readonly string[]): Promise<FindingCitation[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const cited = `f.basis->>'kind' = 'RESPONSIBILITY_ITEM' AND f.basis->>'reference' = ANY (${params.add(itemIds)}::text[])`;
      const readable = abilityToSqlWhere(ability, 'read', 'Finding', findingRuleColumns('f'), params.nextIndex);
      params.append(readable.params);
      const rows = await sql.query<{ id: string; tenant_id: string; item_id: string; title: string; status: string; unit_id: string }>(
        `SELECT f.id, f.tenant_id, f.basis->>'reference' AS item_id, f.title, f.status, f.unit_id FROM findings f
          WHERE ${cited} AND ${readable.sql} ORDER BY f.recorded_at, f.id`,
        params.values,
      );
      return rows.map((row) => ({ id: row.id, tenantId: row.tenant_id, itemId: row.item_id, title: row.title, status: row.status, unitId: row.unit_id }));
    });
  }

  /**
   * Whether the district has a 责任清单 item of this id: what a finding's basis may cite. Read on the
   * primary, in that district's scope only, so an item just added is found and another district's is not.
   */
  async itemExists(tenantId: string, itemId: string): Promise<boolean> {
    if (!isUuid(itemId)) return false;
    const lists = await this.transactions.run({ tenantIds: [tenantId] }, (sql) =>
      sql.query<{ id: string }>(
        `SELECT id FROM responsibility_records
          WHERE tenant_id = $1 AND record_type = 'ResponsibilityList' AND state->'items' @> jsonb_build_array(jsonb_build_object('itemId', $2::text))`,
        [tenantId, itemId],
      ),
    );
    return lists.length > 0;
  }

  /** A district's units in use, by name. */
  activeUnits(tenantId: string): Promise<Array<{ id: string; name: string }>> {
    return this.transactions.read({ tenantIds: [tenantId] }, (sql) =>
      sql.query<{ id: string; name: string }>(`SELECT id, name FROM units WHERE tenant_id = $1 AND status = 'ACTIVE' ORDER BY name, id`, [tenantId]),
    );
  }

  /** Whether the unit is one of the district's. */
  async unitExists(tenantId: string, unitId: string): Promise<boolean> {
    const units = await this.transactions.read({ tenantIds: [tenantId] }, (sql) =>
      sql.query<{ id: string }>(`SELECT id FROM units WHERE tenant_id = $1 AND id = $2`, [tenantId, unitId]),
    );
    return units.length > 0;
  }

  /**
   * Every event of the streams the assessment counts, in the districts given, recorded before the
   * instant, upcast to the current versions: the assessment reads the log, not the projections.
   */
  assessedEvents(tenantIds: readonly string[], before: Date): Promise<AssessedEvent[]> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const rows = await sql.query<Pick<EventRow, 'tenant_id' | 'tenant_position' | 'stream_type' | 'stream_id' | 'version' | 'type' | 'schema_version' | 'data' | 'recorded_at'>>(
        `SELECT tenant_id, tenant_position::text AS tenant_position, stream_type, stream_id, version, type, schema_version, data, recorded_at
           FROM events
          WHERE tenant_id = ANY ($1::uuid[]) AND stream_type = ANY ($2::text[]) AND recorded_at < $3
          ORDER BY tenant_id, tenant_position`,
        [tenantIds, ASSESSED_STREAM_TYPES, before],
      );
      return rows.map((row) => ({
        tenantId: row.tenant_id,
        tenantPosition: row.tenant_position,
        streamType: row.stream_type,
        streamId: row.stream_id,
        version: row.version,
        type: row.type,
        data: eventCatalogue.upcast(row.type, row.schema_version, row.data),
        recordedAt: row.recorded_at.toISOString(),
      }));
    });
  }
}
