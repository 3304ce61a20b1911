import { Inject, Injectable } from '@nestjs/common';
import { validationFailed } from '@zeren/domain';
import type { Caller } from '../../identity/authenticator';
import { UnitsRepository } from '../../units/units.repository';
import { FindingCommands } from '../finding-commands';
import type { FindingRecord } from '../findings.repository';
import type { ReassignFindingInput } from './reassign-finding.input';

/** 改派责任单位: only to an active unit of the finding's own district. */
@Injectable()
export class ReassignFindingHandler {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
  ) {}

  execute(caller: Caller, input: ReassignFindingInput): Promise<FindingRecord> {
    return this.commands.change(caller, input, 'reassign', async (finding) => {
      if (!(await this.units.activeUnitIds(finding.tenantId, [input.toUnitId])).has(input.toUnitId)) {
        throw validationFailed({ toUnitId: 'no active unit of the finding’s district has this id' });
      }
      return { type: 'ReassignFinding', toUnitId: input.toUnitId, reason: input.reason };
    });
  }
}
