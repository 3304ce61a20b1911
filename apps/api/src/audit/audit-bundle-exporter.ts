import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import {
  AuditBundleWriter,
  FindingRecordedV1,
  checkpointToJson,
  evidenceHashesOf,
  publicKeysOf,
  readStoredChain,
  readStoredCheckpoints,
  type ChainRange,
} from '@zeren/events';
import type { Sql } from '../database/sql';
import type { EvidenceStore } from '../evidence/evidence-store';

export interface AuditBundleRequest {
  tenantId: string;
  /** Only this inspection: its own stream and the findings recorded in it. */
  inspectionId?: string;
  /** Only events recorded at or after this instant. */
  from?: Date;
  /** Only events recorded at or before this instant. */
  to?: Date;
  /** Embed the evidence files themselves, not only their hashes. */
  includeEvidenceFiles?: boolean;
}

export interface ExportedAuditBundle {
  file: string;
  /** Identifies the bundle in an archive register. */
  manifestSha256: string;
  /** The chain positions carried: after `after`, through `through`. */
  segment: { after: bigint; through: bigint };
  /** Events the request selected; the rest of the segment is there so the chain can be recomputed. */
  selectedEvents: number;
  /** Whether a signed checkpoint closes the segment; if not, its tail is only as good as the database it came from. */
  anchored: boolean;
}

export class NothingToExportError extends Error {
  constructor(readonly tenantId: string) {
    super(`No events of tenant ${tenantId} match the requested inspection and time range`);
    this.name = 'NothingToExportError';
  }
}

/**
 * Writes one tenant's audit bundle (format: libs/events/src/audit/audit-bundle.ts): the chain
 * segment from the first selected event to the first signed checkpoint at or after the last one,
 * every event in it in full, the checkpoints and keys that vouch for it, and the evidence its
 * events refer to. Run it in one transaction so both passes read the same chain.
 */
export class AuditBundleExporter {
  constructor(private readonly evidence: EvidenceStore) {}

  async export(sql: Sql, request: AuditBundleRequest, file: string): Promise<ExportedAuditBundle> {
    const tenantId = request.tenantId.toLowerCase();
    const streamIds = request.inspectionId ? await this.inspectionStreams(sql, tenantId, request.inspectionId.toLowerCase()) : null;
    const [selected] = await sql.query<{ first: string | null; last: string | null; count: number }>(
      `SELECT min(tenant_position) AS first, max(tenant_position) AS last, count(*)::int AS count FROM events
        WHERE tenant_id = $1 AND ($2::uuid[] IS NULL OR stream_id = ANY ($2::uuid[]))
          AND ($3::timestamptz IS NULL OR recorded_at >= $3) AND ($4::timestamptz IS NULL OR recorded_at <= $4)`,
      [tenantId, streamIds, request.from ?? null, request.to ?? null],
    );
    if (!selected?.first || !selected.last) throw new NothingToExportError(tenantId);
    const [anchor] = await sql.query<{ position: string | null }>(
      `SELECT min(tenant_position) AS position FROM audit_checkpoints WHERE tenant_id = $1 AND tenant_position >= $2`,
      [tenantId, selected.last],
    );
    const segment: Required<ChainRange> = {
      after: BigInt(selected.first) - 1n,
      through: anchor?.position ? BigInt(anchor.position) : BigInt(selected.last),
    };
    // A checkpoint at the segment's start position vouches for the first event's prev_hash too.
    const checkpoints = await readStoredCheckpoints(sql, tenantId, { after: segment.after > 0n ? segment.after - 1n : 0n, through: segment.through });
    const evidence = new Set<string>();
    for await (const link of readStoredChain(sql, tenantId, segment)) for (const hash of evidenceHashesOf(link.content)) evidence.add(hash);

    const partial = `${file}.${process.pid}.part`;
    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    const writer = new AuditBundleWriter(async (text) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    });
    try {
      await writer.header({
        tenantId,
        createdAt: new Date().toISOString(),
        selection: {
          inspectionId: request.inspectionId?.toLowerCase() ?? null,
          streamIds: streamIds ? [...streamIds].sort() : null,
          from: request.from?.toISOString() ?? null,
          to: request.to?.toISOString() ?? null,
        },
        segment: { after: segment.after.toString(), through: segment.through.toString() },
        evidenceFiles: request.includeEvidenceFiles ?? false,
      });
      for (const key of publicKeysOf(checkpoints)) await writer.publicKey(key);
      for (const checkpoint of checkpoints) await writer.checkpoint(checkpointToJson(checkpoint));
      for (const sha256 of [...evidence].sort()) await writer.evidence({ sha256, ...(await this.evidenceEntry(sha256, request.includeEvidenceFiles ?? false)) });
      for await (const link of readStoredChain(sql, tenantId, segment)) await writer.event(link);
      const manifest = await writer.finish();
      gzip.end();
      await written;
      await rename(partial, file);
      return { file, manifestSha256: manifest.manifestSha256, segment, selectedEvents: selected.count, anchored: anchor?.position != null };
    } catch (error) {
      gzip.destroy();
      await written.catch(() => undefined);
      await rm(partial, { force: true });
      throw error;
    }
  }

  /** The inspection's own stream and the streams of the findings recorded in it. */
  private async inspectionStreams(sql: Sql, tenantId: string, inspectionId: string): Promise<string[]> {
    const findings = await sql.query<{ stream_id: string }>(
      `SELECT DISTINCT stream_id FROM events WHERE tenant_id = $1 AND type = $2 AND data->>'inspectionId' = $3`,
      [tenantId, FindingRecordedV1.type, inspectionId],
    );
    return [inspectionId, ...findings.map((row) => row.stream_id)];
  }

  /** A file missing from the store at export time is recorded as missing (size null), for the verifier to report. */
  private async evidenceEntry(sha256: string, embed: boolean): Promise<{ size: number | null; content: string | null }> {
    try {
      if (!embed) return { size: (await stat(this.evidence.pathOf(sha256))).size, content: null };
      const bytes = await readFile(this.evidence.pathOf(sha256));
      return { size: bytes.length, content: bytes.toString('base64') };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { size: null, content: null };
      throw error;
    }
  }
}
