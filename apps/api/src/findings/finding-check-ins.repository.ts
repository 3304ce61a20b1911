import { Inject, Injectable } from '@nestjs/common';
import { ScopedTransactions } from '../database/scoped-transactions';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../graphql/connection';
import { SqlParams } from '../records/sql-params';
import type { CheckIn, EvidenceFile } from './finding.models';
import type { Page } from './findings.repository';

export interface CheckInRow {
  tenant_id: string;
  finding_id: string;
  version: number;
  percent: number;
  narrative: string;
  decrease_reason: string | null;
  evidence_files: EvidenceFile[];
  effective_at: Date | null;
  late: boolean;
  checked_in_at: Date;
  actor_id: string;
  actor_role: string;
}

/** A check-in's evidence hashes with the names and types they were uploaded under, in the order reported. */
const EVIDENCE_FILES = `(SELECT coalesce(jsonb_agg(jsonb_build_object('sha256', h.sha256, 'filename', e.filename, 'mediaType', e.media_type, 'size', e.size) ORDER BY h.n), '[]')
    FROM jsonb_array_elements_text(c.evidence) WITH ORDINALITY AS h(sha256, n)
    LEFT JOIN evidence_files e ON e.tenant_id = c.tenant_id AND e.sha256 = h.sha256) AS evidence_files`;

const CHECK_IN_COLUMNS = `c.tenant_id, c.finding_id, c.version, c.percent, c.narrative, c.decrease_reason, ${EVIDENCE_FILES},
  c.effective_at, c.late, c.checked_in_at, c.actor_id, c.actor_role`;

/** A finding's check-ins up to a version: all of them for its current state, fewer when shown as of the past. */
export interface CheckInsKey {
  tenantId: string;
  findingId: string;
  upToVersion: number;
}

export function toCheckIn(row: CheckInRow): CheckIn {
  return {
    id: `${row.finding_id}:${row.version}`,
    findingId: row.finding_id,
    version: row.version,
    percent: row.percent,
    narrative: row.narrative,
    decreaseReason: row.decrease_reason,
    evidence: row.evidence_files,
    effectiveAt: row.effective_at,
    late: row.late,
    checkedInAt: row.checked_in_at,
    actorId: row.actor_id,
    actorRole: row.actor_role,
  };
}

const keysOf = (keys: readonly CheckInsKey[], params: SqlParams): string =>
  `unnest(${params.add(keys.map((key) => key.tenantId))}::uuid[], ${params.add(keys.map((key) => key.findingId))}::uuid[], ${params.add(
    keys.map((key) => key.upToVersion),
  )}::int[]) AS k(tenant_id, finding_id, up_to)`;

const belongsTo = (row: CheckInRow, key: CheckInsKey): boolean => row.tenant_id === key.tenantId && row.finding_id === key.findingId;

/** finding_check_ins, for the nested fields of a page of findings: one statement per field per page. */
@Injectable()
export class FindingCheckInsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  latest(tenantIds: readonly string[], keys: readonly CheckInsKey[]): Promise<Array<CheckInRow | null>> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      const rows = await sql.query<CheckInRow & { up_to: number }>(
        `SELECT latest.*, k.up_to FROM ${keysOf(keys, params)}
           CROSS JOIN LATERAL (SELECT ${CHECK_IN_COLUMNS} FROM finding_check_ins c
                                WHERE c.tenant_id = k.tenant_id AND c.finding_id = k.finding_id AND c.version <= k.up_to
                                ORDER BY c.version DESC LIMIT 1) latest`,
        params.values,
      );
      return keys.map((key) => rows.find((row) => belongsTo(row, key) && row.up_to === key.upToVersion) ?? null);
    });
  }

  /** Newest first; the cursor is the version of the last check-in shown. */
  pages(tenantIds: readonly string[], keys: readonly CheckInsKey[], page: { limit: number; after?: string | null }): Promise<Array<Page<CheckInRow>>> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const params = new SqlParams();
      let before = 'TRUE';
      if (page.after) {
        const [version] = decodeCursor(page.after, 1);
        if (typeof version !== 'number') throw new InvalidCursorError();
        before = `c.version < ${params.add(version)}`;
      }
      const rows = await sql.query<CheckInRow & { total: number; up_to: number }>(
        `WITH chosen AS (
           SELECT ${CHECK_IN_COLUMNS}, count(*) OVER (PARTITION BY c.tenant_id, c.finding_id, k.up_to)::int AS total, ${before} AS shown, k.up_to
             FROM ${keysOf(keys, params)} JOIN finding_check_ins c ON c.tenant_id = k.tenant_id AND c.finding_id = k.finding_id AND c.version <= k.up_to
         ), paged AS (
           SELECT chosen.*, row_number() OVER (PARTITION BY tenant_id, finding_id, up_to ORDER BY version DESC) AS rn FROM chosen WHERE shown
         )
         SELECT * FROM paged WHERE rn <= ${params.add(page.limit + 1)} ORDER BY rn`,
        params.values,
      );
      return keys.map((key) => {
        const own = rows.filter((row) => belongsTo(row, key) && row.up_to === key.upToVersion);
        return { rows: own, totalCount: own[0]?.total ?? 0, cursorOf: (row) => encodeCursor([row.version]) };
      });
    });
  }
}
