import { auditStoredChain, type AuditReport, type SignedCheckpoint } from '@zeren/events';
import type { Sql } from '../database/sql';
import type { EvidenceStore } from '../evidence/evidence-store';

export interface TenantAuditOptions {
  /** Key ids whose checkpoints are believed; unset: any checkpoint that verifies under its own key (report.checkpoints.keysPinned says so). */
  trustedKeyIds?: ReadonlySet<string>;
  /** Checkpoints kept outside the database (exports), checked as well as the stored ones. */
  extraCheckpoints?: readonly SignedCheckpoint[];
}

/**
 * Verifies a tenant's stored chain the way verify-audit does offline: every hash and link, the
 * chain passing through every signed checkpoint, and every evidence file the events refer to
 * re-hashed. Reports OK or the first bad position with what is wrong there.
 */
export class AuditVerifier {
  /** `defaults`: options every verification starts from; the server pins its own signing keys here. */
  constructor(
    private readonly evidence: EvidenceStore,
    private readonly defaults: TenantAuditOptions = {},
  ) {}

  verifyTenant(sql: Sql, tenantId: string, options: TenantAuditOptions = {}): Promise<AuditReport> {
    return auditStoredChain(sql, tenantId.toLowerCase(), { ...this.defaults, ...options, evidence: (sha256) => this.evidence.verify(sha256) });
  }
}
