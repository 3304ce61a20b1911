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

/** What a row of the count says of its findings beyond their status. */
type CountBucket = 'VERIFIED_ON_TIME' | 'GREEN' | 'YELLOW' | 'RED' | null;

interface CountsRow {
  instant: number;
  member_id: string | null;
  status: FindingStatus;
  bucket: CountBucket;
  count: number;
}

const OPEN = `p.status = ANY ('{${OPEN_FINDING_STATUSES.join(',')}}'::text[])`;

/** The domain's overdueFrom in SQL: the midnight (China time, UTC+8 all year) that ends the deadline day. */
const overdueFromSql = (deadline: string): string => `((${deadline} + 1)::timestamp AT TIME ZONE INTERVAL '+08:00')`;

const BUCKET_FIELDS = { GREEN: 'green', YELLOW: 'yellow', RED: 'red' } as const;

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
   * A finding's first period starts at the instant it was recorded (FindingRecorded's recordedAt is
   * its event's), so a finding with a period in force at an instant was recorded by then.
   */
  async countsAt(filter: FindingScopeFilter, instants: readonly Date[], group: CountsGroup | null = null): Promise<Array<Map<string | null, StatusCounts[]>>> {
    // One bucket per period, so the count is a hash aggregate over few groups rather than a sort
    // of every period with five filtered counts.
    const bucket = `CASE WHEN p.status = 'VERIFIED' THEN CASE WHEN p.valid_from < ${overdueFromSql('p.deadline')} THEN 'VERIFIED_ON_TIME' END
                         WHEN ${OPEN} THEN CASE ${(['RED', 'YELLOW', 'GREEN'] as const).map((level) => `WHEN ${warningColourSql(level, 'p.deadline', 't.today')} THEN '${level}'`).join(' ')} END
                    END`;
    const rows = await this.transactions.read({ tenantIds: filter.tenantIds }, (sql) =>
      sql.query<CountsRow>(
        `SELECT t.n::int - 1 AS instant, ${group ? `p.${group}` : 'NULL::uuid'} AS member_id, p.status, ${bucket} AS bucket, count(*)::int AS count
           FROM unnest($1::timestamptz[], $2::date[]) WITH ORDINALITY AS t (as_of, today, n)
          CROSS JOIN LATERAL (${PERIODS_IN_FORCE}) p
          WHERE ($4::uuid IS NULL OR p.unit_id = $4)
            AND ($5::uuid IS NULL OR p.inspection_id = $5)
          GROUP BY 1, 2, 3, 4`,
        [instants, instants.map(chinaDateOf), filter.tenantIds, filter.unitId ?? null, filter.inspectionId ?? null],
      ),
    );
    const byInstant = instants.map(() => new Map<string | null, Map<FindingStatus, StatusCounts>>());
    for (const row of rows) {
      const members = byInstant[row.instant]!;
      const statuses = members.get(row.member_id) ?? new Map<FindingStatus, StatusCounts>();
      members.set(row.member_id, statuses);
      const counts = statuses.get(row.status) ?? { status: row.status, count: 0, verifiedOnTime: 0, green: 0, yellow: 0, red: 0 };
      statuses.set(row.status, counts);
      counts.count += row.count;
      if (row.bucket === 'VERIFIED_ON_TIME') counts.verifiedOnTime += row.count;
      else if (row.bucket) counts[BUCKET_FIELDS[row.bucket]] += row.count;
    }
    return byInstant.map((members) => new Map([...members].map(([member, statuses]) => [member, [...statuses.values()]])));
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
