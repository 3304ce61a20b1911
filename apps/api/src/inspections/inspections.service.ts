import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { inspectionDecider, validationFailed, type InspectionCommand, type InspectionState } from '@zeren/domain';
import type { InspectionEvent, InspectionKind, InspectionTarget } from '@zeren/events';
import { CommandPipeline } from '../commands/command-pipeline';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import { pageSize, toConnection, type Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { newRecordId, RecordCommands } from '../records/record-commands';
import { recordAsOf } from '../records/time-travel';
import { UnitsRepository } from '../units/units.repository';
import { toInspection } from './inspection.mapper';
import {
  InspectionOrder,
  type CancelInspectionInput,
  type ChangeInspectionInput,
  type Inspection,
  type InspectionFilter,
  type IssueInspectionReportInput,
  type PlanInspectionInput,
} from './inspection.models';
import { InspectionsRepository, inspectionSubject, toInspectionRecord, type InspectionRecord } from './inspections.repository';

/** The inspection use cases and reads; outside facts (targeted units, the inspection followed up) come from projections. */
@Injectable()
export class InspectionsService {
  private readonly records: RecordCommands<InspectionRecord, InspectionState, InspectionCommand, InspectionEvent>;

  constructor(
    @Inject(CommandPipeline) pipeline: CommandPipeline,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(InspectionsRepository) private readonly inspections: InspectionsRepository,
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(EventStore) private readonly store: EventStore,
  ) {
    this.records = new RecordCommands(
      {
        subjectType: 'Inspection',
        decider: inspectionDecider,
        find: (tenantIds, id) => inspections.find(tenantIds, id),
        subjectOf: (inspection: InspectionRecord) => inspectionSubject(inspection),
      },
      pipeline,
      authorization,
    );
  }

  visible(caller: Caller, id: string): Promise<InspectionRecord> {
    return this.records.visible(caller, id);
  }

  async asOf(caller: Caller, id: string, asOf: Date): Promise<InspectionRecord> {
    const current = await this.records.visible(caller, id);
    const { state, events } = await recordAsOf(this.transactions, this.store, inspectionDecider, { ...current, type: 'Inspection' }, asOf);
    return { ...state, tenantId: current.tenantId, id: current.id, plannedBy: current.plannedBy, createdAt: events[0]!.recordedAt, updatedAt: events[events.length - 1]!.recordedAt };
  }

  async list(caller: Caller, filter: InspectionFilter | null | undefined, first: number | undefined, after: string | null | undefined, order: InspectionOrder): Promise<Connection<Inspection>> {
    const size = pageSize(first);
    const page = await this.inspections.list(caller.tenantIds, this.authorization.abilityOf(caller), { ...filter, order, after, limit: size });
    return toConnection(page.rows, size, page.totalCount, (row) => page.keyset.cursorOf(row), (row) => toInspection(toInspectionRecord(row)), after);
  }

  async plan(caller: Caller, input: PlanInspectionInput): Promise<InspectionRecord> {
    const tenantId = input.tenantId ?? caller.actor.tenantId;
    if (!tenantId) throw validationFailed({ tenantId: 'name the district to inspect' });
    const target = await this.target(tenantId, input);
    const followUpOf = input.followUpOfId ? await this.followedUp(caller, tenantId, input.followUpOfId) : null;
    const inspectionId = newRecordId(caller, input.idempotencyKey, randomUUID);
    // The decider sets the level from the planner's role in the same way; the rules read it on the new record.
    const level = caller.actor.role === 'city_inspector' ? 'CITY' : 'DISTRICT';
    return this.records.create(
      caller,
      { tenantId, id: inspectionId, subject: inspectionSubject({ tenantId, kind: input.kind, level, target }), idempotencyKey: input.idempotencyKey },
      'plan',
      {
        type: 'PlanInspection',
        inspectionId,
        title: input.title,
        kind: input.kind,
        target,
        period: { startDate: input.periodStart, endDate: input.periodEnd },
        team: input.team.map((member) => ({ personId: member.personId ?? null, name: member.name })),
        followUpOf,
      },
    );
  }

  start(caller: Caller, input: ChangeInspectionInput): Promise<InspectionRecord> {
    return this.records.change(caller, input, 'update', { type: 'StartInspection' });
  }

  issueReport(caller: Caller, input: IssueInspectionReportInput): Promise<InspectionRecord> {
    return this.records.change(caller, input, 'update', { type: 'IssueInspectionReport', summary: input.summary });
  }

  close(caller: Caller, input: ChangeInspectionInput): Promise<InspectionRecord> {
    return this.records.change(caller, input, 'update', { type: 'CloseInspection' });
  }

  cancel(caller: Caller, input: CancelInspectionInput): Promise<InspectionRecord> {
    return this.records.change(caller, input, 'update', { type: 'CancelInspection', reason: input.reason });
  }

  /** Listed units must be active units of the inspected district. */
  private async target(tenantId: string, input: PlanInspectionInput): Promise<InspectionTarget> {
    if (input.target.scope === 'DISTRICT') return { scope: 'DISTRICT' };
    const unitIds = [...new Set(input.target.unitIds ?? [])];
    const active = await this.units.activeUnitIds(tenantId, unitIds);
    if (unitIds.length === 0 || unitIds.some((id) => !active.has(id))) {
      throw validationFailed({ 'target.unitIds': 'list one or more active units of the inspected district' });
    }
    return { scope: 'UNITS', unitIds };
  }

  /** A 回头看 re-checks an inspection of the same district that the caller can see. */
  private async followedUp(caller: Caller, tenantId: string, id: string): Promise<{ inspectionId: string; kind: InspectionKind }> {
    const original = await this.inspections.find([tenantId], id);
    if (!original || !this.authorization.can(caller, 'read', 'Inspection', inspectionSubject(original))) {
      throw validationFailed({ followUpOfId: 'no inspection of this district has this id' });
    }
    return { inspectionId: original.id, kind: original.kind };
  }
}
