import { Inject, Injectable } from '@nestjs/common';
import type { FindingStatus, FindingSummary } from '@zeren/domain';
import { ScopedTransactions } from '../database/scoped-transactions';

/** Which findings a scope covers: always within these districts, optionally one unit or inspection. */
export interface FindingScopeFilter {
  tenantIds: readonly string[];
  unitId?: string | null;
  inspectionId?: string | null;
}

interface SummaryRow {
  instant: number;
  tenant_id: string;
  status: FindingStatus;
  unit_id: string;
  inspection_id: string;
  deadline: string;
  recorded_at: Date;
  verified_at: Date | null;
  withdrawn_at: Date | null;
}

/**
 * Reads for statistics: each finding as it stood at given instants, from finding_status_periods
 * (one row per stretch of time a finding had one status, unit and deadline), so any past instant
 * is one indexed range lookup instead of a replay of the log.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  /**
   * The findings of the scope at each instant, as the summaries the domain's figures are made of;
   * `byInstant[i]` holds those at `instants[i]`. A finding signed off is VERIFIED from the start of
   * that period (no other change splits a VERIFIED period), so the period's start is its sign-off.
   */
  async findingsAt(filter: FindingScopeFilter, instants: readonly Date[]): Promise<FindingSummary[][]> {
    const rows = await this.transactions.read({ tenantIds: filter.tenantIds }, (sql) =>
      sql.query<SummaryRow>(
        `SELECT t.n::int - 1 AS instant, p.tenant_id, p.status, p.unit_id, p.inspection_id, p.deadline::text AS deadline, f.recorded_at,
                CASE WHEN p.status = 'VERIFIED' THEN p.valid_from END AS verified_at,
                CASE WHEN p.status = 'WITHDRAWN' THEN p.valid_from END AS withdrawn_at
           FROM unnest($1::timestamptz[]) WITH ORDINALITY AS t (as_of, n)
           JOIN finding_status_periods p ON p.valid_from <= t.as_of AND (p.valid_to IS NULL OR p.valid_to > t.as_of)
           JOIN findings f ON f.tenant_id = p.tenant_id AND f.id = p.finding_id
          WHERE p.tenant_id = ANY ($2::uuid[])
            AND ($3::uuid IS NULL OR p.unit_id = $3)
            AND ($4::uuid IS NULL OR p.inspection_id = $4)`,
        [instants, filter.tenantIds, filter.unitId ?? null, filter.inspectionId ?? null],
      ),
    );
    const byInstant = instants.map((): FindingSummary[] => []);
    for (const row of rows) {
      byInstant[row.instant]!.push({
        state: row.status,
        deadline: row.deadline,
        recordedAt: row.recorded_at.toISOString(),
        verifiedAt: row.verified_at?.toISOString() ?? null,
        withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
        unitId: row.unit_id,
        tenantId: row.tenant_id,
        inspectionId: row.inspection_id,
      });
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
