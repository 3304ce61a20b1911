import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { validationFailed } from '@zeren/domain';
import type { Caller } from '../../identity/authenticator';
import { Authorization } from '../../identity/authorization';
import { InspectionsRepository, inspectionSubject } from '../../inspections/inspections.repository';
import { newRecordId } from '../../records/record-commands';
import { UnitsRepository } from '../../units/units.repository';
import { FindingCommands } from '../finding-commands';
import type { FindingRecord } from '../findings.repository';
import type { RecordFindingInput } from './record-finding.input';

/**
 * 登记问题. The inspection's status and level decide whether and by whom (the decider's rules);
 * they are read here, in the inspection's district, which becomes the finding's district.
 */
@Injectable()
export class RecordFindingHandler {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(InspectionsRepository) private readonly inspections: InspectionsRepository,
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  async execute(caller: Caller, input: RecordFindingInput): Promise<FindingRecord> {
    const inspection = await this.inspections.find(caller.tenantIds, input.inspectionId);
    this.authorization.assertCanRead(caller, 'Inspection', inspection && inspectionSubject(inspection), input.inspectionId);
    const tenantId = inspection!.tenantId;
    if (!(await this.units.activeUnitIds(tenantId, [input.unitId])).has(input.unitId)) {
      throw validationFailed({ unitId: 'no active unit of the inspected district has this id' });
    }
    const findingId = newRecordId(caller, input.idempotencyKey, randomUUID);
    return this.commands.create(
      caller,
      { tenantId, id: findingId, subject: { unitId: input.unitId, status: 'RECORDED' }, idempotencyKey: input.idempotencyKey },
      'record',
      {
        type: 'RecordFinding',
        findingId,
        inspection: { inspectionId: inspection!.id, status: inspection!.status, level: inspection!.level },
        unitId: input.unitId,
        title: input.title,
        description: input.description,
        category: input.category,
        severity: input.severity,
        basis: { kind: input.basis.kind, reference: input.basis.reference, text: input.basis.text },
        deadline: input.deadline,
      },
    );
  }
}
