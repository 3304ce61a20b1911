import { Inject, Injectable } from '@nestjs/common';
import {
  abilityToSqlWhere,
  FINDING_STATUSES,
  GREEN_WARNING_DAYS,
  OPEN_FINDING_STATUSES,
  YELLOW_WARNING_DAYS,
  type AppAbility,
  type FindingStatus,
  type RecordedFinding,
  type SUBJECT_CONDITION_FIELDS,
} from '@zeren/domain';
import { FINDING_SEVERITIES, type FindingCategory, type FindingSeverity, type WarningLevel } from '@zeren/events';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Sql } from '../database/sql';
import { Keyset, type KeysetOrder } from '../records/keyset';
import { SqlParams } from '../records/sql-params';
import type { TenantKey } from '../units/units.repository';
import { FindingOrder } from './finding.models';

/** A finding as its projection row holds it: the decider's whole state, plus its district. */
export interface FindingRecord extends RecordedFinding {
  tenantId: string;
  id: string;
}

export interface FindingRow {
  tenant_id: string;
  id: string;
  inspection_id: string;
  unit_id: string;
  title: string;
  description: string;
  category: FindingCategory;
  severity: FindingSeverity;
  basis: RecordedFinding['basis'];
  deadline: string;
  original_deadline: string;
  status: FindingStatus;
  plan: RecordedFinding['plan'];
  latest_percent: number | null;
  last_check_in_at: Date | null;
  check_in_count: number;
  late_check_in_count: number;
  evidence_hashes: string[];
  check_in_due_before_submission: boolean;
  pending_extension: RecordedFinding['pendingExtension'];
  approved_extension_count: number;
  warnings_issued: RecordedFinding['warningsIssued'];
  reassignments: RecordedFinding['reassignments'];
  last_rejection: RecordedFinding['lastRejection'];
  recorded_at: Date;
  submitted_at: Date | null;
  district_review_passed_at: Date | null;
  verified_at: Date | null;
  withdrawn_at: Date | null;
  withdrawal_reason: string | null;
  reopened_at: Date | null;
  reopen_count: number;
  version: number;
}

/** The columns a FindingRow is read from, over a table alias (dates as text: pg would make them local midnights). */
export function findingColumns(alias: string): string {
  return `${alias}.tenant_id, ${alias}.id, ${alias}.inspection_id, ${alias}.unit_id, ${alias}.title, ${alias}.description, ${alias}.category,
    ${alias}.severity, ${alias}.basis, ${alias}.deadline::text AS deadline, ${alias}.original_deadline::text AS original_deadline, ${alias}.status,
    ${alias}.plan, ${alias}.latest_percent, ${alias}.last_check_in_at, ${alias}.check_in_count, ${alias}.late_check_in_count,
    ${alias}.evidence_hashes, ${alias}.check_in_due_before_submission, ${alias}.pending_extension, ${alias}.approved_extension_count,
    ${alias}.warnings_issued, ${alias}.reassignments, ${alias}.last_rejection, ${alias}.recorded_at, ${alias}.submitted_at,
    ${alias}.district_review_passed_at, ${alias}.verified_at, ${alias}.withdrawn_at, ${alias}.withdrawal_reason, ${alias}.reopened_at,
    ${alias}.reopen_count, ${alias}.version`;
}

const iso = (value: Date | null): string | null => (value ? value.toISOString() : null);

export function toFindingRecord(row: FindingRow): FindingRecord {
  return {
    status: row.status,
    version: row.version,
    findingId: row.id,
    inspectionId: row.inspection_id,
    unitId: row.unit_id,
    title: row.title,
    description: row.description,
    category: row.category,
    severity: row.severity,
    basis: row.basis,
    deadline: row.deadline,
    originalDeadline: row.original_deadline,
    recordedAt: row.recorded_at.toISOString(),
    plan: row.plan,
    latestPercent: row.latest_percent,
    lastCheckInAt: iso(row.last_check_in_at),
    checkInCount: row.check_in_count,
    lateCheckInCount: row.late_check_in_count,
    evidenceHashes: row.evidence_hashes,
    checkInDueBeforeSubmission: row.check_in_due_before_submission,
    pendingExtension: row.pending_extension,
    approvedExtensionCount: row.approved_extension_count,
    warningsIssued: row.warnings_issued,
    reassignments: row.reassignments,
    lastRejection: row.last_rejection,
    submittedAt: iso(row.submitted_at),
    districtReviewPassedAt: iso(row.district_review_passed_at),
    verifiedAt: iso(row.verified_at),
    withdrawnAt: iso(row.withdrawn_at),
    withdrawalReason: row.withdrawal_reason,
    reopenedAt: iso(row.reopened_at),
    reopenCount: row.reopen_count,
    tenantId: row.tenant_id,
    id: row.id,
  };
}

/** What the rules read of a finding (SubjectRecords['Finding']). */
export function findingSubject(finding: Pick<RecordedFinding, 'unitId' | 'status'> & { tenantId: string }): Record<string, unknown> {
  return { tenantId: finding.tenantId, unitId: finding.unitId, status: finding.status };
}

/** The columns the ability's Finding conditions read, over a table alias, for list queries. */
export function findingRuleColumns(alias: string): Record<(typeof SUBJECT_CONDITION_FIELDS)['Finding'][number], string> {
  return { tenantId: `${alias}.tenant_id`, unitId: `${alias}.unit_id`, status: `${alias}.status` };
}

const WARNING_SEVERITY: readonly WarningLevel[] = ['GREEN', 'YELLOW', 'RED'];

/** The most severe warning already sent for the deadline in force: what the scheduler compares against. */
export function lastWarningLevel(finding: Pick<RecordedFinding, 'warningsIssued' | 'deadline'>): WarningLevel | null {
  const sent = finding.warningsIssued.filter((warning) => warning.deadline === finding.deadline).map((warning) => WARNING_SEVERITY.indexOf(warning.level));
  return sent.length ? WARNING_SEVERITY[Math.max(...sent)]! : null;
}

const OPEN = `'{${OPEN_FINDING_STATUSES.join(',')}}'::text[]`;

/**
 * The 三色预警 colour a deadline is in on `today`, as SQL over the deadline column (the same
 * thresholds as the domain's warningLevelFor: red once passed, yellow within 10 days, green within 20).
 */
export function warningColourSql(level: WarningLevel, deadline: string, today: string): string {
  const days = `(${deadline} - ${today}::date)`;
  switch (level) {
    case 'RED':
      return `${days} < 0`;
    case 'YELLOW':
      return `${days} BETWEEN 0 AND ${YELLOW_WARNING_DAYS}`;
    case 'GREEN':
      return `${days} BETWEEN ${YELLOW_WARNING_DAYS + 1} AND ${GREEN_WARNING_DAYS}`;
  }
}

const STATUS_RANK = `array_position('{${FINDING_STATUSES.join(',')}}'::text[], f.status)`;
const SEVERITY_RANK = `array_position('{${FINDING_SEVERITIES.join(',')}}'::text[], f.severity)`;
const statusRank = (row: FindingRow): number => FINDING_STATUSES.indexOf(row.status) + 1;
const severityRank = (row: FindingRow): number => FINDING_SEVERITIES.indexOf(row.severity) + 1;
const recordedAt = (row: FindingRow): string => row.recorded_at.toISOString();

const ORDERS: Record<FindingOrder, KeysetOrder<FindingRow>> = {
  [FindingOrder.RECORDED_AT_DESC]: { name: 'R-', expression: 'f.recorded_at', cast: 'timestamptz', descending: true, valueOf: recordedAt },
  [FindingOrder.RECORDED_AT_ASC]: { name: 'R+', expression: 'f.recorded_at', cast: 'timestamptz', descending: false, valueOf: recordedAt },
  [FindingOrder.DEADLINE_ASC]: { name: 'D+', expression: 'f.deadline', cast: 'date', descending: false, valueOf: (row) => row.deadline },
  [FindingOrder.DEADLINE_DESC]: { name: 'D-', expression: 'f.deadline', cast: 'date', descending: true, valueOf: (row) => row.deadline },
  [FindingOrder.STATUS_ASC]: { name: 'S+', expression: STATUS_RANK, cast: 'integer', descending: false, valueOf: statusRank },
  [FindingOrder.STATUS_DESC]: { name: 'S-', expression: STATUS_RANK, cast: 'integer', descending: true, valueOf: statusRank },
  [FindingOrder.SEVERITY_DESC]: { name: 'V-', expression: SEVERITY_RANK, cast: 'integer', descending: true, valueOf: severityRank },
  [FindingOrder.SEVERITY_ASC]: { name: 'V+', expression: SEVERITY_RANK, cast: 'integer', descending: false, valueOf: severityRank },
};

export function findingKeyset(order: FindingOrder): Keyset<FindingRow> {
  return new Keyset(ORDERS[order], 'f.id', (row) => row.id);
}

export interface FindingListQuery {
  tenantId?: string | null;
  statuses?: readonly string[] | null;
  unitId?: string | null;
  inspectionId?: string | null;
  inspectionKinds?: readonly string[] | null;
  severities?: readonly string[] | null;
  categories?: readonly string[] | null;
  overdue?: boolean | null;
  warningLevel?: WarningLevel | null;
  deadlineFrom?: string | null;
  deadlineTo?: string | null;
  search?: string | null;
  /** China date the overdue and colour filters are judged on. */
  today: string;
  order: FindingOrder;
  after?: string | null;
  limit: number;
}

export interface Page<Row> {
  rows: Row[];
  totalCount: number;
  cursorOf(row: Row): string;
}

/** The filter's conditions over findings f; what the caller may read is added separately. */
function filterConditions(query: FindingListQuery, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (query.tenantId) conditions.push(`f.tenant_id = ${params.add(query.tenantId)}::uuid`);
  if (query.statuses?.length) conditions.push(`f.status = ANY (${params.add(query.statuses)}::text[])`);
  if (query.unitId) conditions.push(`f.unit_id = ${params.add(query.unitId)}::uuid`);
  if (query.inspectionId) conditions.push(`f.inspection_id = ${params.add(query.inspectionId)}::uuid`);
  if (query.inspectionKinds?.length) {
    conditions.push(`EXISTS (SELECT 1 FROM inspections i WHERE i.tenant_id = f.tenant_id AND i.id = f.inspection_id AND i.kind = ANY (${params.add(query.inspectionKinds)}::text[]))`);
  }
  if (query.severities?.length) conditions.push(`f.severity = ANY (${params.add(query.severities)}::text[])`);
  if (query.categories?.length) conditions.push(`f.category = ANY (${params.add(query.categories)}::text[])`);
  if (query.deadlineFrom) conditions.push(`f.deadline >= ${params.add(query.deadlineFrom)}::date`);
  if (query.deadlineTo) conditions.push(`f.deadline <= ${params.add(query.deadlineTo)}::date`);
  if (query.search?.trim()) conditions.push(`strpos(f.search_text, lower(${params.add(query.search.trim())})) > 0`);
  if (query.overdue !== null && query.overdue !== undefined) {
    const overdue = `(f.status = ANY (${OPEN}) AND ${warningColourSql('RED', 'f.deadline', params.add(query.today))})`;
    conditions.push(query.overdue ? overdue : `NOT ${overdue}`);
  }
  if (query.warningLevel) conditions.push(`(f.status = ANY (${OPEN}) AND ${warningColourSql(query.warningLevel, 'f.deadline', params.add(query.today))})`);
  return conditions;
}

/** Findings (the 整改台账): one by id, pages of the ledger, the findings of inspections, and as of a past instant. */
@Injectable()
export class FindingsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  async find(tenantIds: readonly string[], id: string): Promise<FindingRecord | undefined> {
    const [row] = await this.transactions.lookup<FindingRow>({ tenantIds }, `SELECT ${findingColumns('f')} FROM findings f WHERE f.id = $1`, [id]);
    return row ? toFindingRecord(row) : undefined;
  }

  /**
   * One page of the ledger and the total under the same filter. Both contain exactly the rows the
   * ability lets the caller read (a unit officer: its own unit's), translated from the same rules
   * the single-record checks use; row-level security keeps them inside the caller's districts.
   */
  list(tenantIds: readonly string[], ability: AppAbility, query: FindingListQuery): Promise<Page<FindingRow>> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const conditions = filterConditions(query, params);
      const readable = abilityToSqlWhere(ability, 'read', 'Finding', findingRuleColumns('f'), params.nextIndex);
      params.append(readable.params);
      const where = [...conditions, readable.sql].join(' AND ');
      const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM findings f WHERE ${where}`, [...params.values]);
      const keyset = findingKeyset(query.order);
      const after = keyset.after(query.after, params);
      const rows = await sql.query<FindingRow>(
        `SELECT ${findingColumns('f')} FROM findings f WHERE ${where} AND ${after} ORDER BY ${keyset.orderBy()} LIMIT ${params.add(query.limit + 1)}`,
        params.values,
      );
      return { rows, totalCount: count!.total, cursorOf: (row) => keyset.cursorOf(row) };
    });
  }

  /**
   * The first findings of several inspections at once (Inspection.findings on a page of
   * inspections), in the order recorded; the total per inspection ignores the cursor.
   */
  ofInspections(
    tenantIds: readonly string[],
    ability: AppAbility,
    inspections: readonly TenantKey[],
    page: { limit: number; after?: string | null },
  ): Promise<Array<Page<FindingRow>>> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const tenants = params.add(inspections.map((key) => key.tenantId));
      const ids = params.add(inspections.map((key) => key.id));
      const readable = abilityToSqlWhere(ability, 'read', 'Finding', findingRuleColumns('f'), params.nextIndex);
      params.append(readable.params);
      const keyset = findingKeyset(FindingOrder.RECORDED_AT_ASC);
      // The keyset's expressions are over alias f, so the paging step re-aliases the visible rows as f.
      const after = keyset.after(page.after, params);
      const rows = await sql.query<FindingRow & { total: number }>(
        `WITH visible AS (
           SELECT f.*, count(*) OVER (PARTITION BY f.tenant_id, f.inspection_id)::int AS total
             FROM findings f JOIN unnest(${tenants}::uuid[], ${ids}::uuid[]) AS k(tenant_id, id) ON f.tenant_id = k.tenant_id AND f.inspection_id = k.id
            WHERE ${readable.sql}
         ), paged AS (
           SELECT f.*, row_number() OVER (PARTITION BY f.tenant_id, f.inspection_id ORDER BY ${keyset.orderBy()}) AS rn
             FROM visible f WHERE ${after}
         )
         SELECT ${findingColumns('f')}, f.total FROM paged f WHERE f.rn <= ${params.add(page.limit + 1)} ORDER BY f.rn`,
        params.values,
      );
      return inspections.map((key) => {
        const own = rows.filter((row) => row.tenant_id === key.tenantId && row.inspection_id === key.id);
        return { rows: own, totalCount: own[0]?.total ?? 0, cursorOf: (row) => keyset.cursorOf(row) };
      });
    });
  }

  /**
   * The ledger as of a past instant: which findings existed then with the status, unit and deadline
   * they had, from finding_status_periods (what the caller could read is judged on those values).
   * Returns ids in recorded order; the records themselves are folded from their events.
   */
  idsAsOf(
    tenantIds: readonly string[],
    ability: AppAbility,
    query: { asOf: Date; tenantId?: string | null; statuses?: readonly string[] | null; unitId?: string | null; inspectionId?: string | null; after?: string | null; limit: number },
  ): Promise<Page<FindingRow & { period_status: FindingStatus }>> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const at = params.add(query.asOf);
      const conditions = [`p.valid_from <= ${at}::timestamptz`, `(p.valid_to IS NULL OR p.valid_to > ${at}::timestamptz)`];
      if (query.tenantId) conditions.push(`p.tenant_id = ${params.add(query.tenantId)}::uuid`);
      if (query.statuses?.length) conditions.push(`p.status = ANY (${params.add(query.statuses)}::text[])`);
      if (query.unitId) conditions.push(`p.unit_id = ${params.add(query.unitId)}::uuid`);
      if (query.inspectionId) conditions.push(`p.inspection_id = ${params.add(query.inspectionId)}::uuid`);
      const readable = abilityToSqlWhere(ability, 'read', 'Finding', findingRuleColumns('p'), params.nextIndex);
      params.append(readable.params);
      const where = [...conditions, readable.sql].join(' AND ');
      const from = `finding_status_periods p JOIN findings f ON f.tenant_id = p.tenant_id AND f.id = p.finding_id`;
      const [count] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, [...params.values]);
      const keyset = findingKeyset(FindingOrder.RECORDED_AT_DESC);
      const after = keyset.after(query.after, params);
      const rows = await sql.query<FindingRow & { period_status: FindingStatus }>(
        `SELECT ${findingColumns('f')}, p.status AS period_status FROM ${from} WHERE ${where} AND ${after}
          ORDER BY ${keyset.orderBy()} LIMIT ${params.add(query.limit + 1)}`,
        params.values,
      );
      return { rows, totalCount: count!.total, cursorOf: (row) => keyset.cursorOf(row) };
    });
  }
}

/** For the projection and the scheduler: the stored state, locked for this transaction. */
export async function lockFinding(sql: Sql, tenantId: string, id: string): Promise<FindingRecord | undefined> {
  const [row] = await sql.query<FindingRow>(`SELECT ${findingColumns('f')} FROM findings f WHERE f.tenant_id = $1 AND f.id = $2 FOR UPDATE`, [tenantId, id]);
  return row ? toFindingRecord(row) : undefined;
}

export interface DueWarningCandidate {
  tenant_id: string;
  id: string;
  version: number;
}

/**
 * Open findings, in every district, whose deadline is in a 三色预警 colour on `today` that is more
 * severe than any warning already sent for that deadline: the ones IssueDueWarnings will act on.
 */
export function dueWarningCandidates(sql: Sql, today: string, limit: number): Promise<DueWarningCandidate[]> {
  const severity = (level: WarningLevel): number => WARNING_SEVERITY.indexOf(level) + 1;
  return sql.query<DueWarningCandidate>(
    `SELECT f.tenant_id, f.id, f.version FROM findings f
      WHERE f.status = ANY (${OPEN}) AND f.deadline <= $1::date + ${GREEN_WARNING_DAYS}
        AND coalesce(array_position('{${WARNING_SEVERITY.join(',')}}'::text[], f.last_warning_level), 0) <
            CASE WHEN ${warningColourSql('RED', 'f.deadline', '$1')} THEN ${severity('RED')}
                 WHEN ${warningColourSql('YELLOW', 'f.deadline', '$1')} THEN ${severity('YELLOW')}
                 ELSE ${severity('GREEN')} END
      ORDER BY f.deadline, f.tenant_id, f.id
      LIMIT $2`,
    [today, limit],
  );
}
