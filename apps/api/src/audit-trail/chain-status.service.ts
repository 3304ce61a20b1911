import { Inject, Injectable } from '@nestjs/common';
import type { AuditReport } from '@zeren/events';
import { ScopedTransactions } from '../database/scoped-transactions';
import { AuditVerifier } from '../audit/audit-verifier';
import type { ChainStatus } from './audit-event.models';

interface Verification {
  report: AuditReport;
  verifiedAt: Date;
}

function toChainStatus({ report, verifiedAt }: Verification): ChainStatus {
  return {
    tenantId: report.tenantId,
    ok: report.ok,
    verifiedAt,
    verifiedEvents: report.verifiedEvents,
    headPosition: report.head.tenantPosition.toString(),
    headHash: report.head.hash.toString('hex'),
    failure: report.failure && {
      tenantPosition: report.failure.tenantPosition.toString(),
      fault: report.failure.fault,
      detail: report.failure.detail,
      confirmedThrough: report.failure.confirmedThrough?.toString() ?? null,
      evidenceHash: report.failure.evidenceHash ?? null,
    },
    checkpointsConfirmed: report.checkpoints.confirmed,
    lastConfirmedPosition: report.checkpoints.lastConfirmedPosition?.toString() ?? null,
    keysPinned: report.checkpoints.keysPinned,
    evidenceReferenced: report.evidence.referenced,
    evidenceIntact: report.evidence.intact,
  };
}

/**
 * A district's chain verified by the audit area's verifier (hashes, links, signed checkpoints,
 * evidence files) when asked. Not cached: a changed event moves no head, so "nothing appended
 * since the last run" says nothing about tampering. Requests for one district while a run is
 * under way share that run, so asking repeatedly costs one scan at a time.
 */
@Injectable()
export class ChainStatusService {
  private readonly running = new Map<string, Promise<Verification>>();

  constructor(
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(AuditVerifier) private readonly verifier: AuditVerifier,
  ) {}

  async status(tenantId: string): Promise<ChainStatus> {
    let run = this.running.get(tenantId);
    if (!run) {
      run = this.verify(tenantId).finally(() => this.running.delete(tenantId));
      this.running.set(tenantId, run);
    }
    return toChainStatus(await run);
  }

  private async verify(tenantId: string): Promise<Verification> {
    const verifiedAt = new Date();
    const report = await this.transactions.run({ tenantIds: [tenantId] }, (sql) => this.verifier.verifyTenant(sql, tenantId));
    return { report, verifiedAt };
  }
}
