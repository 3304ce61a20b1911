import { Inject, Injectable } from '@nestjs/common';
import { ScopedTransactions } from '../../database/scoped-transactions';

/** Where one district's chain stood when a ledger was exported, and its latest signed checkpoint. */
export interface ChainProvenance {
  tenantId: string;
  headPosition: number;
  headHash: string;
  checkpoint: { position: number; hash: string; signedAt: Date; keyId: string } | null;
}

interface ProvenanceRow {
  tenant_id: string;
  head_position: string;
  head_hash: Buffer;
  checkpoint_position: string | null;
  checkpoint_hash: Buffer | null;
  signed_at: Date | null;
  key_id: string | null;
}

/** Chain heads and checkpoints for the provenance sheet of a ledger export. */
@Injectable()
export class LedgerProvenanceRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  heads(tenantIds: readonly string[]): Promise<ChainProvenance[]> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const rows = await sql.query<ProvenanceRow>(
        `SELECT h.tenant_id, h.tenant_position AS head_position, h.hash AS head_hash,
                c.tenant_position AS checkpoint_position, c.hash AS checkpoint_hash, c.signed_at, c.key_id
           FROM tenant_chain_heads h
           LEFT JOIN LATERAL (SELECT tenant_position, hash, signed_at, key_id FROM audit_checkpoints
                               WHERE tenant_id = h.tenant_id ORDER BY tenant_position DESC, signed_at DESC LIMIT 1) c ON true
          WHERE h.tenant_id = ANY ($1::uuid[])
          ORDER BY h.tenant_id`,
        [tenantIds],
      );
      return rows.map((row) => ({
        tenantId: row.tenant_id,
        headPosition: Number(row.head_position),
        headHash: row.head_hash.toString('hex'),
        checkpoint:
          row.checkpoint_position === null
            ? null
            : { position: Number(row.checkpoint_position), hash: row.checkpoint_hash!.toString('hex'), signedAt: row.signed_at!, keyId: row.key_id! },
      }));
    });
  }
}
