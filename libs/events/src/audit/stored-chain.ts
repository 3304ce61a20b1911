import type { ChainLink } from '../core/chain-verifier';
import { auditChain, type AuditReport } from './chain-audit';
import type { SignedCheckpoint } from './checkpoint';
import type { EvidenceCheck } from './evidence';

/**
 * How the stored chain is read, shared by the API and the verify-audit tool (which may not import
 * the API). Only the SQL text and the row mapping live here; the caller brings the connection, so
 * this library still does no I/O of its own. It is the read side of DESIGN.md's event store
 * contract: the columns the hash covers, the links, and the signed checkpoints.
 */
export interface ChainSql {
  query<Row = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<Row[]>;
}

interface StoredLinkRow {
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

interface StoredCheckpointRow {
  tenant_id: string;
  tenant_position: string;
  hash: Buffer;
  signed_at: Date;
  key_id: string;
  public_key: string;
  signature: Buffer;
}

const BATCH = 5000;

export interface ChainRange {
  /** Exclusive: the position before the first link read. */
  after?: bigint;
  /** Inclusive: the last position read. */
  through?: bigint;
}

/** One tenant's links in position order, fetched in batches so a chain of any length streams. */
export async function* readStoredChain(sql: ChainSql, tenantId: string, range: ChainRange = {}): AsyncGenerator<ChainLink> {
  let after = range.after ?? 0n;
  for (;;) {
    const rows = await sql.query<StoredLinkRow>(
      `SELECT tenant_position, stream_type, stream_id, version, type, schema_version, data, metadata,
              recorded_at, effective_at, prev_hash, hash
         FROM events
        WHERE tenant_id = $1 AND tenant_position > $2 AND ($3::bigint IS NULL OR tenant_position <= $3)
        ORDER BY tenant_position LIMIT $4`,
      [tenantId, after.toString(), range.through?.toString() ?? null, BATCH],
    );
    for (const row of rows) {
      yield {
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
      };
    }
    if (rows.length < BATCH) return;
    after = BigInt(rows[rows.length - 1]!.tenant_position);
  }
}

const CHECKPOINT_COLUMNS = 'tenant_id, tenant_position, hash, signed_at, key_id, public_key, signature';

function checkpointFromRow(row: StoredCheckpointRow): SignedCheckpoint {
  return {
    tenantId: row.tenant_id,
    tenantPosition: BigInt(row.tenant_position),
    hash: row.hash.toString('hex'),
    signedAt: row.signed_at.toISOString(),
    keyId: row.key_id,
    publicKey: row.public_key,
    signature: row.signature.toString('base64'),
  };
}

/** A tenant's stored checkpoints, oldest position first (and, at one position, oldest signature first). */
export async function readStoredCheckpoints(sql: ChainSql, tenantId: string, range: ChainRange = {}): Promise<SignedCheckpoint[]> {
  const rows = await sql.query<StoredCheckpointRow>(
    `SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints
      WHERE tenant_id = $1 AND tenant_position > $2 AND ($3::bigint IS NULL OR tenant_position <= $3)
      ORDER BY tenant_position, signed_at, key_id`,
    [tenantId, (range.after ?? 0n).toString(), range.through?.toString() ?? null],
  );
  return rows.map(checkpointFromRow);
}

export interface StoredChainAuditOptions {
  trustedKeyIds?: ReadonlySet<string>;
  /** Checkpoints kept outside the database (exportCheckpoints files), checked as well as the stored ones. */
  extraCheckpoints?: readonly SignedCheckpoint[];
  evidence?: EvidenceCheck;
  /** Sees each event the audit reads, in chain order (for summaries). */
  onEvent?: (link: ChainLink) => void;
}

/** Audits a tenant's whole stored chain against its stored checkpoints (and any kept elsewhere). */
export async function auditStoredChain(sql: ChainSql, tenantId: string, options: StoredChainAuditOptions = {}): Promise<AuditReport> {
  const checkpoints = [...(await readStoredCheckpoints(sql, tenantId)), ...(options.extraCheckpoints ?? [])];
  async function* links(): AsyncGenerator<ChainLink> {
    for await (const link of readStoredChain(sql, tenantId)) {
      options.onEvent?.(link);
      yield link;
    }
  }
  return auditChain(links(), {
    tenantId,
    checkpoints,
    ...(options.trustedKeyIds ? { trustedKeyIds: options.trustedKeyIds } : {}),
    ...(options.evidence ? { evidence: options.evidence } : {}),
  });
}
