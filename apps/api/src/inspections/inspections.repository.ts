import { Inject, Injectable } from '@nestjs/common';
import { abilityToSqlWhere, SUBJECT_CONDITION_FIELDS, type AppAbility, type ExistingInspection, type InspectionStatus } from '@zeren/domain';
import type { InspectionKind, InspectionLevel } from '@zeren/events';
import { ScopedTransactions } from '../database/scoped-transactions';
import { Keyset, type KeysetOrder } from '../records/keyset';
import { SqlParams } from '../records/sql-params';
import type { TenantKey } from '../units/units.repository';
import { InspectionOrder } from './inspection.models';

/** An inspection as its projection row holds it: the decider's state plus who planned it and when rows changed. */
export interface InspectionRecord extends ExistingInspection {
  tenantId: string;
  id: string;
  plannedBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface InspectionRow {
  tenant_id: string;
  id: string;
  title: string;
  kind: InspectionKind;
  level: InspectionLevel;
  status: InspectionStatus;
  target_scope: 'DISTRICT' | 'UNITS';
  target_unit_ids: string[];
  period_start: string;
  period_end: string;
  team: ExistingInspection['team'];
  follow_up_of: string | null;
  report_summary: string | null;
  planned_by: string;
  planned_at: Date;
  started_at: Date | null;
  report_issued_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  cancellation_reason: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const INSPECTION_COLUMNS = `i.tenant_id, i.id, i.title, i.kind, i.level, i.status, i.target_scope, i.target_unit_ids,
  i.period_start::text AS period_start, i.period_end::text AS period_end, i.team, i.follow_up_of, i.report_summary, i.planned_by,
  i.planned_at, i.started_at, i.report_issued_at, i.closed_at, i.cancelled_at, i.cancellation_reason, i.version, i.created_at, i.updated_at`;

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toInspectionRecord(row: InspectionRow): InspectionRecord {
  return {
    status: row.status,
    version: row.version,
    inspectionId: row.id,
    title: row.title,
    kind: row.kind,
    level: row.level,
    target: row.target_scope === 'DISTRICT' ? { scope: 'DISTRICT' } : { scope: 'UNITS', unitIds: row.target_unit_ids },
    period: { startDate: row.period_start, endDate: row.period_end },
    team: row.team,
    followUpOfInspectionId: row.follow_up_of,
    plannedAt: row.planned_at.toISOString(),
    startedAt: iso(row.started_at),
    reportSummary: row.report_summary,
    reportIssuedAt: iso(row.report_issued_at),
    closedAt: iso(row.closed_at),
    cancelledAt: iso(row.cancelled_at),
    cancellationReason: row.cancellation_reason,
    tenantId: row.tenant_id,
    id: row.id,
    plannedBy: row.planned_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** What the rules read of an inspection (SubjectRecords['Inspection']). */
export function inspectionSubject(inspection: Pick<ExistingInspection, 'kind' | 'level' | 'target'> & { tenantId: string }): Record<string, unknown> {
  return {
    tenantId: inspection.tenantId,
    kind: inspection.kind,
    level: inspection.level,
    targetScope: inspection.target.scope,
    unitIds: inspection.target.scope === 'UNITS' ? inspection.target.unitIds : [],
  };
}

/** The columns the ability's Inspection conditions read, for list queries. */
export const INSPECTION_RULE_COLUMNS = {
  tenantId: 'i.tenant_id',
  kind: 'i.kind',
  level: 'i.level',
  targetScope: 'i.target_scope',
  unitIds: 'i.target_unit_ids',
} satisfies Record<(typeof SUBJECT_CONDITION_FIELDS)['Inspection'][number], string>;

export interface InspectionListQuery {
  tenantId?: string | null;
  statuses?: readonly string[] | null;
  kinds?: readonly string[] | null;
  level?: string | null;
  followUpOfId?: string | null;
  search?: string | null;
  order: InspectionOrder;
  after?: string | null;
  limit: number;
}

const ORDERS: Record<InspectionOrder, KeysetOrder<InspectionRow>> = {
  [InspectionOrder.PLANNED_AT_DESC]: { name: 'P-', expression: 'i.planned_at', cast: 'timestamptz', descending: true, valueOf: (row) => row.planned_at.toISOString() },
  [InspectionOrder.PLANNED_AT_ASC]: { name: 'P+', expression: 'i.planned_at', cast: 'timestamptz', descending: false, valueOf: (row) => row.planned_at.toISOString() },
  [InspectionOrder.PERIOD_START_DESC]: { name: 'S-', expression: 'i.period_start', cast: 'date', descending: true, valueOf: (row) => row.period_start },
  [InspectionOrder.PERIOD_START_ASC]: { name: 'S+', expression: 'i.period_start', cast: 'date', descending: false, valueOf: (row) => row.period_start },
};

export function inspectionKeyset(order: InspectionOrder): Keyset<InspectionRow> {
  return new Keyset(ORDERS[order], 'i.id', (row) => row.id);
}

/** Inspections (inspections table): one by id, pages of a list, and by key for the loaders. */
@Injectable()
export class InspectionsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  async find(tenantIds: readonly string[], id: string): Promise<InspectionRecord | undefined> {
    const [row] = await this.transactions.lookup<InspectionRow>({ tenantIds }, `SELECT ${INSPECTION_COLUMNS} FROM inspections i WHERE i.id = $1`, [id]);
    return row ? toInspectionRecord(row) : undefined;
  }

  byKeys(tenantIds: readonly string[], keys: readonly TenantKey[]): Promise<InspectionRecord[]> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const rows = await sql.query<InspectionRow>(
        `SELECT ${INSPECTION_COLUMNS} FROM inspections i JOIN unnest($1::uuid[], $2::uuid[]) AS k(tenant_id, id) ON i.tenant_id = k.tenant_id AND i.id = k.id`,
        [keys.map((key) => key.tenantId), keys.map((key) => key.id)],
      );
      return rows.map(toInspectionRecord);
    });
  }

  /** One page and the total under the same filter, both limited in SQL to what the ability lets the caller read. */
  list(tenantIds: readonly string[], ability: AppAbility, query: InspectionListQuery): Promise<{ rows: InspectionRow[]; totalCount: number; keyset: Keyset<InspectionRow> }> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const conditions: string[] = [];
      if (query.tenantId) conditions.push(`i.tenant_id = ${params.add(query.tenantId)}::uuid`);
      if (query.statuses?.length) conditions.push(`i.status = ANY (${params.add(query.statuses)}::text[])`);
      if (query.kinds?.length) conditions.push(`i.kind = ANY (${params.add(query.kinds)}::text[])`);
      if (query.level) conditions.push(`i.level = ${params.add(query.level)}`);
      if (query.followUpOfId) conditions.push(`i.follow_up_of = ${params.add(query.followUpOfId)}::uuid`);
      if (query.search?.trim()) conditions.push(`strpos(lower(i.title), lower(${params.add(query.search.trim())})) > 0`);
      const readable = abilityToSqlWhere(ability, 'read', 'Inspection', INSPECTION_RULE_COLUMNS, params.nextIndex);
      params.append(readable.params);
      const where = [...conditions, readable.sql].join(' AND ');
      const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM inspections i WHERE ${where}`, [...params.values]);
      const keyset = inspectionKeyset(query.order);
      const after = keyset.after(query.after, params);
      const rows = await sql.query<InspectionRow>(
        `SELECT ${INSPECTION_COLUMNS} FROM inspections i WHERE ${where} AND ${after} ORDER BY ${keyset.orderBy()} LIMIT ${params.add(query.limit + 1)}`,
        params.values,
      );
      return { rows, totalCount: count!.total, keyset };
    });
  }
}
