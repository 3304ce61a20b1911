import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { validationFailed, type FindingBasis } from '@zeren/domain';
import type { Caller } from '../../identity/authenticator';
import { Authorization } from '../../identity/authorization';
import { InspectionsRepository, inspectionSubject } from '../../inspections/inspections.repository';
import { newRecordId } from '../../records/record-commands';
import { ResponsibilityRepository } from '../../responsibility/responsibility.repository';
import { UnitsRepository } from '../../units/units.repository';
import { FindingCommands } from '../finding-commands';
import type { FindingRecord } from '../findings.repository';
import { FindingBasisKindValue } from '../finding.models';
import type { FindingBasisInput, RecordFindingInput } from './record-finding.input';

/**
 * 登记问题. The inspection's status and level decide whether and by whom (the decider's rules);
 * they are read here, in the inspection's district, which becomes the finding's district. So are
 * the records the finding names: its unit, and the 责任清单 item its basis cites.
 */
@Injectable()
export class RecordFindingHandler {
  constructor(
    @Inject(FindingCommands) private readonly commands: FindingCommands,
    @Inject(InspectionsRepository) private readonly inspections: InspectionsRepository,
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
    @Inject(ResponsibilityRepository) private readonly responsibility: ResponsibilityRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  async execute(caller: Caller, input: RecordFindingInput): Promise<FindingRecord> {
    const inspection = await this.inspections.find(caller.tenantIds, input.inspectionId);
    this.authorization.assertCanRead(caller, 'Inspection', inspection && inspectionSubject(inspection), input.inspectionId);
    const tenantId = inspection!.tenantId;
    if (!(await this.units.activeUnitIds(tenantId, [input.unitId])).has(input.unitId)) {
      throw validationFailed({ unitId: 'no active unit of the inspected district has this id' });
    }
    const basis = await this.citableBasis(tenantId, input.basis);
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
        basis,
        deadline: input.deadline,
      },
    );
  }

  /**
   * The basis as recorded. One citing a 责任清单 item names it by id (ResponsibilityItem.id), and
   * the item must be one of the district's: an id of nothing, of another kind of record or of
   * another district's item is refused alike, so the answer tells nothing of other districts.
   */
  private async citableBasis(tenantId: string, basis: FindingBasisInput): Promise<FindingBasis> {
    if (basis.kind !== FindingBasisKindValue.RESPONSIBILITY_ITEM) return { kind: basis.kind, reference: basis.reference, text: basis.text };
    const itemId = basis.reference.trim().toLowerCase();
    if (!(await this.responsibility.itemExists(tenantId, itemId))) {
      throw validationFailed({ 'basis.reference': 'no responsibility item of the inspected district has this id' }, '依据的责任清单事项不存在：请选择本区责任清单中的事项');
    }
    return { kind: basis.kind, reference: itemId, text: basis.text };
  }
}
