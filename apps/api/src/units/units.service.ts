import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { unitDecider, validationFailed, type UnitCommand, type UnitState } from '@zeren/domain';
import type { UnitEvent } from '@zeren/events';
import { CommandPipeline } from '../commands/command-pipeline';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { newRecordId, RecordCommands } from '../records/record-commands';
import { recordAsOf } from '../records/time-travel';
import type { AssignUnitPersonInput, CreateUnitInput, DeactivateUnitInput, MoveUnitInput, RenameUnitInput } from './unit.models';
import { UnitsRepository, type UnitRecord } from './units.repository';

export type UnitRoleAssignment = 'AssignUnitLeader' | 'AssignUnitHead' | 'AssignUnitLiaison';

/** The unit use cases: each reads the outside facts its command needs, then goes through the pipeline. */
@Injectable()
export class UnitsService {
  private readonly records: RecordCommands<UnitRecord, UnitState, UnitCommand, UnitEvent>;

  constructor(
    @Inject(CommandPipeline) pipeline: CommandPipeline,
    @Inject(Authorization) authorization: Authorization,
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(EventStore) private readonly store: EventStore,
  ) {
    this.records = new RecordCommands(
      {
        subjectType: 'Unit',
        decider: unitDecider,
        find: (tenantIds, id) => units.find(tenantIds, id),
        subjectOf: (unit) => ({ tenantId: unit.tenantId, unitId: unit.id }),
      },
      pipeline,
      authorization,
    );
  }

  visible(caller: Caller, id: string): Promise<UnitRecord> {
    return this.records.visible(caller, id);
  }

  /** The unit as it stood at `asOf`, folded from its events; NOT_FOUND if it did not exist yet. */
  async asOf(caller: Caller, id: string, asOf: Date): Promise<UnitRecord> {
    const current = await this.records.visible(caller, id);
    const { state, events } = await recordAsOf(this.transactions, this.store, unitDecider, { ...current, type: 'Unit' }, asOf);
    // Ancestors are the current ones: the tree as of then would need every other unit folded too.
    return { ...state, tenantId: current.tenantId, id: current.id, ancestorIds: current.ancestorIds, createdAt: events[0]!.recordedAt, updatedAt: events[events.length - 1]!.recordedAt };
  }

  async create(caller: Caller, input: CreateUnitInput): Promise<UnitRecord> {
    const tenantId = input.tenantId ?? caller.actor.tenantId;
    if (!tenantId) throw validationFailed({ tenantId: 'name the district the unit belongs to' });
    const parentId = input.parentId ?? null;
    if (parentId && !(await this.units.activeUnitIds(tenantId, [parentId])).has(parentId)) {
      throw validationFailed({ parentId: 'no active unit of this district has this id' });
    }
    const unitId = newRecordId(caller, input.idempotencyKey, randomUUID);
    return this.records.create(
      caller,
      { tenantId, id: unitId, subject: { unitId }, idempotencyKey: input.idempotencyKey },
      'create',
      { type: 'CreateUnit', unitId, parentUnitId: parentId, name: input.name, kind: input.kind },
    );
  }

  rename(caller: Caller, input: RenameUnitInput): Promise<UnitRecord> {
    return this.records.change(caller, input, 'update', { type: 'RenameUnit', name: input.name });
  }

  move(caller: Caller, input: MoveUnitInput): Promise<UnitRecord> {
    return this.records.change(caller, input, 'update', async (unit) => {
      if (input.parentId === null) return { type: 'MoveUnit', toParentUnitId: null, toParentAncestorIds: [] };
      const parent = await this.units.find([unit.tenantId], input.parentId);
      if (!parent || parent.status !== 'ACTIVE') throw validationFailed({ parentId: 'no active unit of this district has this id' });
      return { type: 'MoveUnit', toParentUnitId: parent.id, toParentAncestorIds: parent.ancestorIds };
    });
  }

  assign(caller: Caller, input: AssignUnitPersonInput, type: UnitRoleAssignment): Promise<UnitRecord> {
    return this.records.change(caller, input, 'update', async (unit) => {
      const name = await this.units.personName(unit.tenantId, input.personId);
      if (!name) throw validationFailed({ personId: 'no person of this district has this id' });
      return { type, personId: input.personId, name };
    });
  }

  deactivate(caller: Caller, input: DeactivateUnitInput): Promise<UnitRecord> {
    return this.records.change(caller, input, 'update', async (unit) => ({
      type: 'DeactivateUnit',
      reason: input.reason,
      ...(await this.units.deactivationFacts(unit.tenantId, unit.id)),
    }));
  }
}
