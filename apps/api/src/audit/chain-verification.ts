import { ChainVerifier, type ChainFailure, type ChainHead } from '@zeren/events';
import type { Sql } from '../database/sql';

export interface ChainVerificationResult {
  tenantId: string;
  ok: boolean;
  verifiedEvents: number;
  head: ChainHead;
  failure: ChainFailure | null;
}

interface ChainRow {
  tenant_position: string;
  stream_type: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: unknown;
  recorded_at: Date;
  effective_at: Date | null;
  prev_hash: Buffer;
  hash: Buffer;
}

const BATCH = 5000;

/** Recomputes a tenant's whole chain from the stored columns, in batches, and reports the first fault. */
export async function verifyTenantChain(sql: Sql, tenantId: string): Promise<ChainVerificationResult> {
  const verifier = new ChainVerifier();
  let after = 0n;
  for (;;) {
    const rows = await sql.query<ChainRow>(
      `SELECT tenant_position, stream_type, stream_id, version, type, schema_version, data, metadata,
              recorded_at, effective_at, prev_hash, hash
         FROM events WHERE tenant_id = $1 AND tenant_position > $2 ORDER BY tenant_position LIMIT $3`,
      [tenantId, after.toString(), BATCH],
    );
    for (const row of rows) {
      const failure = verifier.push({
        tenantPosition: BigInt(row.tenant_position),
        prevHash: row.prev_hash,
        hash: row.hash,
        content: {
          tenantId,
          streamType: row.stream_type,
          streamId: row.stream_id,
          version: row.version,
          type: row.type,
          schemaVersion: row.schema_version,
          data: row.data,
          metadata: row.metadata,
          recordedAt: row.recorded_at.toISOString(),
          effectiveAt: row.effective_at ? row.effective_at.toISOString() : null,
        },
      });
      if (failure) return { tenantId, ok: false, verifiedEvents: verifier.verifiedCount, head: verifier.head, failure };
    }
    if (rows.length < BATCH) break;
    after = BigInt(rows[rows.length - 1]!.tenant_position);
  }
  return { tenantId, ok: true, verifiedEvents: verifier.verifiedCount, head: verifier.head, failure: null };
}
