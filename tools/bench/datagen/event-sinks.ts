import { canonicalEventContent, chainHash, GENESIS_HASH, type EventMetadata, type HashedEventContent, type EventRegistry, type RecordedEvent } from '@zeren/events';
import type { Client } from 'pg';
import type { GeneratedCommit } from './city-data-generator';
import type { EventStore, ScopedTransactions, Sql } from '../api';

export function metadataOf(commit: GeneratedCommit): EventMetadata {
  return { actorId: commit.actor.id, actorRole: commit.actor.role, actingForTenantId: commit.tenantId, requestId: commit.requestId };
}

/**
 * The product's own write path: one transaction per commit, zeren_append computing the chain, the
 * inline projections in the same transaction. Districts are written side by side, each in order.
 */
export async function appendCommits(
  services: { transactions: ScopedTransactions; store: EventStore; projections: { apply(sql: Sql, events: readonly RecordedEvent[]): Promise<void> } },
  commitsByTenant: readonly GeneratedCommit[][],
  concurrency: number,
): Promise<number> {
  let next = 0;
  let appended = 0;
  const worker = async (): Promise<void> => {
    while (next < commitsByTenant.length) {
      const commits = commitsByTenant[next++]!;
      for (const commit of commits) {
        await services.transactions.run({ tenantIds: [commit.tenantId] }, async (sql) => {
          const result = await services.store.append(sql, {
            tenantId: commit.tenantId,
            streamId: commit.streamId,
            expectedVersion: commit.expectedVersion,
            events: commit.events.map((event) => ({ type: event.type, data: event.data, effectiveAt: commit.effectiveAt })),
            metadata: metadataOf(commit),
            recordedAt: commit.at,
          });
          await services.projections.apply(sql, result.recorded);
        });
        appended += commit.events.length;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return appended;
}

/** What the chain hashes, and where it sits in the chain. */
interface BulkRow extends HashedEventContent {
  metadata: EventMetadata;
  tenantPosition: number;
  prevHash: Buffer;
  hash: Buffer;
}

const BULK_BATCH = 4000;

/**
 * The fast path for large data sets, giving the event rows zeren_append would give: the same
 * schema validation, canonical bytes and sha256 chain, computed here and inserted many rows per
 * statement. It writes events only; the projections are built from them afterwards by the
 * rebuild's own code (projectTenantChain). Runs as the owner, on a connection the caller owns.
 */
export class BulkEventWriter {
  private readonly heads = new Map<string, { position: number; hash: Buffer }>();
  private pending: BulkRow[] = [];

  /** Its chains start with it: it writes new districts' chains from their first event. */
  constructor(
    private readonly owner: Client,
    private readonly registry: EventRegistry,
  ) {}

  async write(commits: readonly GeneratedCommit[]): Promise<void> {
    for (const commit of commits) {
      const head = this.heads.get(commit.tenantId) ?? { position: 0, hash: GENESIS_HASH };
      const metadata = metadataOf(commit);
      const recordedAt = commit.at.toISOString();
      const effectiveAt = commit.effectiveAt?.toISOString() ?? null;
      commit.events.forEach((event, index) => {
        const validated = this.registry.validate(event.type, event.data);
        const data: unknown = JSON.parse(JSON.stringify(validated.data));
        const version = commit.expectedVersion + index + 1;
        const content = {
          tenantId: commit.tenantId,
          streamType: validated.streamType,
          streamId: commit.streamId,
          version,
          type: event.type,
          schemaVersion: validated.schemaVersion,
          data,
          metadata,
          recordedAt,
          effectiveAt,
        };
        const hash = chainHash(head.hash, canonicalEventContent(content));
        head.position += 1;
        this.pending.push({ ...content, tenantPosition: head.position, prevHash: head.hash, hash });
        head.hash = hash;
      });
      this.heads.set(commit.tenantId, head);
      if (this.pending.length >= BULK_BATCH) await this.flush();
    }
  }

  /** Writes what is pending and moves the chain heads, in one transaction. */
  async flush(): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return;
    await this.owner.query('BEGIN');
    try {
      const tenantIds = [...new Set(rows.map((row) => row.tenantId))];
      await this.owner.query(`SELECT set_config('zeren.tenant_ids', $1, true)`, [`{${tenantIds.join(',')}}`]);
      const column = <T>(pick: (row: BulkRow) => T): T[] => rows.map(pick);
      await this.owner.query(
        `INSERT INTO events (tenant_id, tenant_position, stream_type, stream_id, version, type, schema_version, data, metadata,
                             recorded_at, effective_at, prev_hash, hash)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::text[], $4::uuid[], $5::int[], $6::text[], $7::int[], $8::jsonb[],
                              $9::jsonb[], $10::timestamptz[], $11::timestamptz[], $12::bytea[], $13::bytea[])`,
        [
          column((row) => row.tenantId),
          column((row) => row.tenantPosition),
          column((row) => row.streamType),
          column((row) => row.streamId),
          column((row) => row.version),
          column((row) => row.type),
          column((row) => row.schemaVersion),
          column((row) => JSON.stringify(row.data)),
          column((row) => JSON.stringify(row.metadata)),
          column((row) => row.recordedAt),
          column((row) => row.effectiveAt),
          column((row) => row.prevHash),
          column((row) => row.hash),
        ],
      );
      const heads = tenantIds.map((tenantId) => ({ tenantId, ...this.heads.get(tenantId)! }));
      await this.owner.query(
        `INSERT INTO tenant_chain_heads (tenant_id, tenant_position, hash)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bytea[])
         ON CONFLICT (tenant_id) DO UPDATE SET tenant_position = excluded.tenant_position, hash = excluded.hash`,
        [heads.map((head) => head.tenantId), heads.map((head) => head.position), heads.map((head) => head.hash)],
      );
      await this.owner.query('COMMIT');
    } catch (error) {
      await this.owner.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
