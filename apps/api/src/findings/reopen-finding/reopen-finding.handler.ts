import { Inject, Injectable } from '@nestjs/common';
import { validationFailed } from '@zeren/domain';
import type { Caller } from '../../identity/authenticator';
import { Authorization } from '../../identity/authorization';
import { InspectionsRepository, inspectionSubject } from '../../inspections/inspections.repository';
import { FindingCommands } from '../finding-commands';
import type { FindingRecord } from '../findings.repository';
import type { ReopenFindingInput } from './reopen-finding.input';

/** 重新打开: the follow-up inspection's kind and status decide (the decider's rules); it is read in the finding's district. */
@Injectable()
export class ReopenFindingHandler {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(InspectionsRepository) private readonly inspections: InspectionsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  execute(caller: Caller, input: ReopenFindingInput): Promise<FindingRecord> {
    return this.commands.change(caller, input, 'reopen', async (finding) => {
      const followUp = await this.inspections.find([finding.tenantId], input.followUpInspectionId);
      if (!followUp || !this.authorization.can(caller, 'read', 'Inspection', inspectionSubject(followUp))) {
        throw validationFailed({ followUpInspectionId: 'no inspection of the finding’s district has this id' });
      }
      return {
        type: 'ReopenFinding',
        followUpInspection: { inspectionId: followUp.id, kind: followUp.kind, status: followUp.status },
        reason: input.reason,
        deadline: input.deadline,
      };
    });
  }
}
