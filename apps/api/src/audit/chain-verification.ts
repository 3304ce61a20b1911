import { ChainVerifier, readStoredChain, type ChainFailure, type ChainHead } from '@zeren/events';
import type { Sql } from '../database/sql';

export interface ChainVerificationResult {
  tenantId: string;
  ok: boolean;
  verifiedEvents: number;
  head: ChainHead;
  failure: ChainFailure | null;
}

/**
 * Recomputes a tenant's whole chain from the stored columns and reports the first fault. The
 * quick check of the links alone; AuditVerifier adds checkpoints, evidence and a diagnosis.
 */
export async function verifyTenantChain(sql: Sql, tenantId: string): Promise<ChainVerificationResult> {
  const verifier = new ChainVerifier();
  for await (const link of readStoredChain(sql, tenantId)) {
    const failure = verifier.push(link);
    if (failure) return { tenantId, ok: false, verifiedEvents: verifier.verifiedCount, head: verifier.head, failure };
  }
  return { tenantId, ok: true, verifiedEvents: verifier.verifiedCount, head: verifier.head, failure: null };
}
