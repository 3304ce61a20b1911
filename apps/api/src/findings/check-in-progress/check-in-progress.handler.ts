import { Inject, Injectable } from '@nestjs/common';
import { validationFailed } from '@zeren/domain';
import { isEvidenceHash } from '@zeren/events';
import { EvidenceStore } from '../../evidence/evidence-store';
import type { Caller } from '../../identity/authenticator';
import { FindingCommands } from '../finding-commands';
import type { FindingRecord } from '../findings.repository';
import type { CheckInProgressInput } from './check-in-progress.input';

/**
 * 提交整改进展. Evidence is referenced by hash, so every file must already be in the evidence
 * store (uploaded through POST /api/evidence): a hash with no file would fail verification later.
 * A stated effective time travels with the event, so a late report stays visibly late.
 */
@Injectable()
export class CheckInProgressHandler {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(EvidenceStore) private readonly evidence: EvidenceStore,
  ) {}

  execute(caller: Caller, input: CheckInProgressInput): Promise<FindingRecord> {
    const effectiveAt = input.effectiveAt ?? null;
    return this.commands.change(
      caller,
      input,
      'checkIn',
      async () => {
        // Malformed hashes are left to the event schema, which names them field by field.
        const missing: string[] = [];
        for (const hash of input.evidence) if (isEvidenceHash(hash) && !(await this.evidence.has(hash))) missing.push(hash);
        if (missing.length > 0) throw validationFailed({ evidence: `not uploaded: ${missing.join(', ')}` }, '佐证材料尚未上传，请先上传文件');
        return {
          type: 'CheckInProgress',
          percent: input.percent,
          narrative: input.narrative,
          decreaseReason: input.decreaseReason ?? null,
          evidence: input.evidence,
          effectiveAt: effectiveAt?.toISOString() ?? null,
        };
      },
      { effectiveAt },
    );
  }
}
