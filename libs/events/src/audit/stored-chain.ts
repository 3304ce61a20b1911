import type { ChainLink } from '../core/chain-verifier';
import { auditChain, type AuditReport } from './chain-audit';
import type { SignedCheckpoint } from './checkpoint';
import type { EvidenceCheck } from './evidence';
import { storedInstantText } from './stored-instant';

/**
 * How the stored chain is read, shared by the API and the verify-audit tool (which may not import
 * the API). Only the SQL text and the row mapping live here; the caller brings the connection, so
 * this library still does no I/O of its own. It is the read side of DESIGN.md's event store
 * contract: the columns the hash covers, the links, and the signed checkpoints.
 */
export interface ChainSql {
  query<Row = Record<string, unknown>>(text: string, parameters?: unknown[]): Promise<Row[]>;
}

/**
 * One stored event as a single JSON array, handed over as text: the driver then decodes one value
 * per row instead of twelve, and each row is parsed only when it is verified, so its objects die
 * young instead of a whole batch of them outliving the collector's nursery. Instants travel as
 * exact epoch milliseconds (sub-millisecond digits included, see storedInstantText); hashes as
 * hex; the position as text, as bigint allows.
 */
const LINK_AS_JSON_TEXT = `json_build_array(
    tenant_position::text, stream_type, stream_id, version, type, schema_version, data, metadata,
    extract(epoch FROM recorded_at) * 1000, extract(epoch FROM effective_at) * 1000,
    encode(prev_hash, 'hex'), encode(hash, 'hex'))::text AS link`;

type StoredLink = [
  tenantPosition: string,
  streamType: string,
  streamId: string,
  version: number,
  type: string,
  schemaVersion: number,
  data: unknown,
  metadata: unknown,
  recordedAtMs: number | string,
  effectiveAtMs: number | string | null,
  prevHash: string,
  hash: string,
];

interface StoredLinkRow {
  link: string;
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

function readLinkRows(sql: ChainSql, tenantId: string, after: bigint, through: bigint | undefined): Promise<StoredLinkRow[]> {
  const rows = sql.query<StoredLinkRow>(
    `SELECT ${LINK_AS_JSON_TEXT}
       FROM events
      WHERE tenant_id = $1 AND tenant_position > $2 AND ($3::bigint IS NULL OR tenant_position <= $3)
      ORDER BY tenant_position LIMIT $4`,
    [tenantId, after.toString(), through?.toString() ?? null, BATCH],
  );
  // A page read ahead is abandoned when the reader stops early; its failure then concerns no one.
  rows.catch(() => undefined);
  return rows;
}

function storedLinkOf(row: StoredLinkRow): StoredLink {
  return JSON.parse(row.link) as StoredLink;
}

function chainLinkOf(tenantId: string, stored: StoredLink): ChainLink {
  const [tenantPosition, streamType, streamId, version, type, schemaVersion, data, metadata, recordedAtMs, effectiveAtMs, prevHash, hash] = stored;
  return {
    tenantPosition: BigInt(tenantPosition),
    prevHash: Buffer.from(prevHash, 'hex'),
    hash: Buffer.from(hash, 'hex'),
    content: {
      tenantId,
      streamType,
      streamId,
      version,
      type,
      schemaVersion,
      data,
      metadata,
      recordedAt: storedInstantText(recordedAtMs),
      effectiveAt: effectiveAtMs === null ? null : storedInstantText(effectiveAtMs),
    },
  };
}

/**
 * One tenant's links in position order, fetched in batches so a chain of any length streams. The
 * next batch is requested before this one is handed out, so the database reads it while the
 * caller hashes (queries on one connection run in order, so this needs no second connection).
 */
export async function* readStoredChain(sql: ChainSql, tenantId: string, range: ChainRange = {}): AsyncGenerator<ChainLink> {
  let pending: Promise<StoredLinkRow[]> | null = readLinkRows(sql, tenantId, range.after ?? 0n, range.through);
  while (pending) {
    const rows: StoredLinkRow[] = await pending;
    pending = rows.length < BATCH ? null : readLinkRows(sql, tenantId, BigInt(storedLinkOf(rows[rows.length - 1]!)[0]), range.through);
    for (const row of rows) yield chainLinkOf(tenantId, storedLinkOf(row));
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
