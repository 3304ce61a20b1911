import { Inject, Injectable } from '@nestjs/common';
import { chinaDateOf, OPEN_FINDING_STATUSES, type FindingStatus } from '@zeren/domain';
import { ScopedTransactions } from '../database/scoped-transactions';
import { warningColourSql } from '../findings/findings.repository';

/** Which findings a scope covers: always within these districts, optionally one unit or inspection. */
export interface FindingScopeFilter {
  tenantIds: readonly string[];
  unitId?: string | null;
  inspectionId?: string | null;
}

/** The findings of one scope in one status at one instant, with what the figures count of them. */
export interface StatusCounts {
  status: FindingStatus;
  count: number;
  /** Signed off before the deadline in force had passed. */
  verifiedOnTime: number;
  /** Open, by 三色预警 colour on the instant's date (China time); open findings in none of them have none. */
  green: number;
  yellow: number;
  red: number;
}

/** What a ranking groups the counts by: the district or the unit a finding was assigned to then. */
export type CountsGroup = 'tenant_id' | 'unit_id';

interface CountsRow {
  instant: number;
  member_id: string | null;
  status: FindingStatus;
  count: number;
  verified_on_time: number;
  green: number;
  yellow: number;
  red: number;
}

const OPEN = `p.status = ANY ('{${OPEN_FINDING_STATUSES.join(',')}}'::text[])`;

/** The domain's overdueFrom in SQL: the midnight (China time, UTC+8 all year) that ends the deadline day. */
const overdueFromSql = (deadline: string): string => `((${deadline} + 1)::timestamp AT TIME ZONE INTERVAL '+08:00')`;

const PERIOD_COLUMNS = 'tenant_id, finding_id, status, unit_id, inspection_id, deadline, valid_from';

/**
 * The periods of districts $3 in force at t.as_of: current ones started by then, and closed ones
 * that ended after it; apart, each is one range of its own index (migration 1795400001000).
 */
const PERIODS_IN_FORCE = `
  SELECT ${PERIOD_COLUMNS} FROM finding_status_periods WHERE valid_to IS NULL AND tenant_id = ANY ($3::uuid[]) AND valid_from <= t.as_of
  UNION ALL
  SELECT ${PERIOD_COLUMNS} FROM finding_status_periods WHERE valid_to > t.as_of AND tenant_id = ANY ($3::uuid[]) AND valid_from <= t.as_of`;

/**
 * Reads for statistics: findings as they stood at given instants, from finding_status_periods
 * (one row per stretch of time a finding had one status, unit and deadline), so any past instant
 * is one range lookup instead of a replay of the log; counted in PostgreSQL, so a request returns
 * one row per status (and member) however many findings the scope holds.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  /**
   * The scope's counts by status at each instant, per member of `group` (the key is null when
   * ungrouped); `byInstant[i]` holds those at `instants[i]`. A finding signed off is VERIFIED from
   * the start of that period (no other change splits a VERIFIED period), so the period's start is
   * its sign-off. The colours use the instant's date in China, as the domain's chinaDateOf gives it.
   */
  async countsAt(filter: FindingScopeFilter, instants: readonly Date[], group: CountsGroup | null = null): Promise<Array<Map<string | null, StatusCounts[]>>> {
    const colour = (level: 'GREEN' | 'YELLOW' | 'RED'): string => `count(*) FILTER (WHERE ${OPEN} AND ${warningColourSql(level, 'p.deadline', 't.today')})::int`;
    const rows = await this.transactions.read({ tenantIds: filter.tenantIds }, (sql) =>
      sql.query<CountsRow>(
        `SELECT t.n::int - 1 AS instant, ${group ? `p.${group}` : 'NULL::uuid'} AS member_id, p.status, count(*)::int AS count,
                count(*) FILTER (WHERE p.status = 'VERIFIED' AND p.valid_from < ${overdueFromSql('p.deadline')})::int AS verified_on_time,
                ${colour('GREEN')} AS green, ${colour('YELLOW')} AS yellow, ${colour('RED')} AS red
           FROM unnest($1::timestamptz[], $2::date[]) WITH ORDINALITY AS t (as_of, today, n)
          CROSS JOIN LATERAL (${PERIODS_IN_FORCE}) p
           JOIN findings f ON f.tenant_id = p.tenant_id AND f.id = p.finding_id
          WHERE ($4::uuid IS NULL OR p.unit_id = $4)
            AND ($5::uuid IS NULL OR p.inspection_id = $5)
            AND f.recorded_at <= t.as_of
          GROUP BY 1, 2, 3`,
        [instants, instants.map(chinaDateOf), filter.tenantIds, filter.unitId ?? null, filter.inspectionId ?? null],
      ),
    );
    const byInstant = instants.map(() => new Map<string | null, StatusCounts[]>());
    for (const row of rows) {
      const members = byInstant[row.instant]!;
      const counts = members.get(row.member_id) ?? [];
      counts.push({ status: row.status, count: row.count, verifiedOnTime: row.verified_on_time, green: row.green, yellow: row.yellow, red: row.red });
      members.set(row.member_id, counts);
    }
    return byInstant;
  }

  /** The district a unit belongs to, if the caller's tenants hold it (row-level security decides). */
  unit(tenantIds: readonly string[], unitId: string): Promise<{ tenantId: string; name: string } | undefined> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const [row] = await sql.query<{ tenant_id: string; name: string }>(`SELECT tenant_id, name FROM units WHERE id = $1`, [unitId]);
      return row && { tenantId: row.tenant_id, name: row.name };
    });
  }

  /** The district an inspection belongs to, if the caller's tenants hold it. */
  inspectionTenant(tenantIds: readonly string[], inspectionId: string): Promise<string | undefined> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const [row] = await sql.query<{ tenant_id: string }>(`SELECT tenant_id FROM inspections WHERE id = $1`, [inspectionId]);
      return row?.tenant_id;
    });
  }

  /** A district's units that are in use, for its ranking. */
  activeUnits(tenantId: string): Promise<Array<{ id: string; name: string }>> {
    return this.transactions.read({ tenantIds: [tenantId] }, (sql) =>
      sql.query<{ id: string; name: string }>(`SELECT id, name FROM units WHERE tenant_id = $1 AND status = 'ACTIVE'`, [tenantId]),
    );
  }
}
