import {
  GENESIS_HASH,
  auditChain,
  createCheckpointExport,
  readStoredChain,
  readStoredCheckpoints,
  type AuditFailure,
  type CheckpointExport,
  type ChainHead,
  type SignedCheckpoint,
} from '@zeren/events';
import type { Sql } from '../database/sql';
import type { AuditLog } from './audit-log';
import type { CheckpointSigner } from './checkpoint-signer';

export interface CheckpointSigningResult {
  signed: SignedCheckpoint[];
  /** Tenants whose head has not moved since their last checkpoint. */
  unchanged: string[];
  /** Tenants left unsigned because their chain no longer continues from their last checkpoint. */
  refused: Array<{ tenantId: string; failure: AuditFailure }>;
}

interface HeadRow {
  tenant_id: string;
  tenant_position: string;
  hash: Buffer;
  checkpoint_position: string | null;
  checkpoint_hash: Buffer | null;
}

/**
 * Signs each tenant's chain head and keeps the signatures. Before signing, the events appended
 * since the last checkpoint are verified to continue from it, so a checkpoint never vouches for
 * a chain that was already cut or rewritten: that is refused and logged instead.
 */
export class CheckpointService {
  constructor(
    private readonly signer: CheckpointSigner,
    private readonly log: AuditLog,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Signs the heads of the given tenants (default: every tenant in the transaction's scope). */
  async signHeads(sql: Sql, tenantIds?: readonly string[]): Promise<CheckpointSigningResult> {
    // The head is read from the events themselves, not tenant_chain_heads: the signature must vouch for what is stored.
    const heads = await sql.query<HeadRow>(
      `SELECT h.tenant_id, e.tenant_position, e.hash, c.tenant_position AS checkpoint_position, c.hash AS checkpoint_hash
         FROM tenant_chain_heads h
        CROSS JOIN LATERAL (SELECT tenant_position, hash FROM events
                             WHERE tenant_id = h.tenant_id ORDER BY tenant_position DESC LIMIT 1) e
         LEFT JOIN LATERAL (SELECT tenant_position, hash FROM audit_checkpoints
                             WHERE tenant_id = h.tenant_id ORDER BY tenant_position DESC LIMIT 1) c ON true
        WHERE $1::uuid[] IS NULL OR h.tenant_id = ANY ($1::uuid[])
        ORDER BY h.tenant_id`,
      [tenantIds ? tenantIds.map((id) => id.toLowerCase()) : null],
    );
    const result: CheckpointSigningResult = { signed: [], unchanged: [], refused: [] };
    for (const row of heads) {
      const head: ChainHead = { tenantPosition: BigInt(row.tenant_position), hash: row.hash };
      const last: ChainHead | null =
        row.checkpoint_position === null ? null : { tenantPosition: BigInt(row.checkpoint_position), hash: row.checkpoint_hash! };
      if (last && last.tenantPosition === head.tenantPosition && last.hash.equals(head.hash)) {
        result.unchanged.push(row.tenant_id);
        continue;
      }
      const failure = await this.continuesFrom(sql, row.tenant_id, last, head);
      if (failure) {
        this.log.error(
          `refusing to sign the chain head of tenant ${row.tenant_id}: position ${failure.tenantPosition} ${failure.fault}: ${failure.detail}. Run verify-audit.`,
        );
        result.refused.push({ tenantId: row.tenant_id, failure });
        continue;
      }
      const checkpoint = this.signer.sign({
        tenantId: row.tenant_id,
        tenantPosition: head.tenantPosition,
        hash: head.hash.toString('hex'),
        signedAt: this.clock().toISOString(),
      });
      // A concurrent signer may have stored this very head under this key a moment ago; theirs stands.
      const inserted = await sql.query(
        `INSERT INTO audit_checkpoints (tenant_id, tenant_position, key_id, hash, signed_at, public_key, signature)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING tenant_id`,
        [
          checkpoint.tenantId,
          checkpoint.tenantPosition.toString(),
          checkpoint.keyId,
          head.hash,
          checkpoint.signedAt,
          checkpoint.publicKey,
          Buffer.from(checkpoint.signature, 'base64'),
        ],
      );
      if (inserted.length) result.signed.push(checkpoint);
      else result.unchanged.push(row.tenant_id);
    }
    return result;
  }

  /** Oldest first. */
  listCheckpoints(sql: Sql, tenantId: string): Promise<SignedCheckpoint[]> {
    return readStoredCheckpoints(sql, tenantId.toLowerCase());
  }

  /** Every checkpoint of a tenant with its public keys, as JSON to keep outside the system (verify-audit --checkpoints reads it). */
  async exportCheckpoints(sql: Sql, tenantId: string): Promise<CheckpointExport> {
    return createCheckpointExport(tenantId.toLowerCase(), await this.listCheckpoints(sql, tenantId), this.clock());
  }

  /** Verifies the events after the last checkpoint (all of them the first time) up to the head about to be signed. */
  private async continuesFrom(sql: Sql, tenantId: string, last: ChainHead | null, head: ChainHead): Promise<AuditFailure | null> {
    const start = last ?? { tenantPosition: 0n, hash: GENESIS_HASH };
    const report = await auditChain(readStoredChain(sql, tenantId, { after: start.tenantPosition, through: head.tenantPosition }), {
      tenantId,
      start,
      expectedHead: head.tenantPosition,
    });
    return report.failure;
  }
}
