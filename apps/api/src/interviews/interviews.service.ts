import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  chinaDateOf,
  interviewDecider,
  isUuid,
  overdueCommitments,
  validationFailed,
  type InterviewAction,
  type InterviewCommand,
  type InterviewState,
} from '@zeren/domain';
import { PLATFORM_TENANT_ID, type InterviewEvent } from '@zeren/events';
import { RecordNotFoundError } from '../commands/command-errors';
import { CommandPipeline } from '../commands/command-pipeline';
import { ScopedTransactions } from '../database/scoped-transactions';
import { EventStore } from '../event-store/event-store';
import { pageSize, toConnection, type Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { TenantDirectory } from '../identity/tenant-directory';
import { newRecordId, RecordCommands, type ChangeRequest } from '../records/record-commands';
import { recordAsOf } from '../records/time-travel';
import { nextMonth, parseMonth, startOfMonth } from '../reporting/calendar-months';
import {
  Interview,
  InterviewKindValue,
  InterviewOrder,
  InterviewStatusValue,
  type CancelInterviewInput,
  type FulfilCommitmentInput,
  type InterviewFilter,
  type RecordInterviewHeldInput,
  type RescheduleInterviewInput,
  type ScheduleInterviewInput,
} from './interview.models';
import { InterviewsRepository, type InterviewRecord, type PersonOnRecord } from './interviews.repository';

/** The fields of an interview the permission rules read: its district, confidentiality and the people named. */
function subjectOf(record: InterviewRecord): Record<string, unknown> {
  const { state } = record;
  return {
    tenantId: record.tenantId,
    confidential: state.confidential,
    participantIds: [...state.interviewerIds, ...state.interviewees.map((person) => person.personId)],
  };
}

const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

function later(a: Date | null | undefined, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a > b ? a : b;
}

function earlier(a: Date | null | undefined, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/**
 * 约谈: scheduling and recording them through the command pipeline, and reading them with the
 * confidentiality rule applied on every row, every count and the minutes field.
 */
@Injectable()
export class InterviewsService {
  private readonly records: RecordCommands<InterviewRecord, InterviewState, InterviewCommand, InterviewEvent>;

  constructor(
    @Inject(CommandPipeline) pipeline: CommandPipeline,
    @Inject(InterviewsRepository) private readonly interviews: InterviewsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(TenantDirectory) private readonly tenants: TenantDirectory,
    @Inject(ScopedTransactions) private readonly transactions: ScopedTransactions,
    @Inject(EventStore) private readonly store: EventStore,
  ) {
    this.records = new RecordCommands(
      { subjectType: 'Interview', decider: interviewDecider, find: (tenantIds, id) => this.interviews.find(tenantIds, id), subjectOf },
      pipeline,
      authorization,
    );
  }

  /**
   * The current state, or the state as of an instant folded from the events recorded up to it. One
   * the caller may not read is NOT_FOUND, like a missing one; who may read it cannot change over
   * time (district, confidentiality and the people named are fixed when it is scheduled).
   */
  async get(caller: Caller, id: string, asOf?: Date | null): Promise<Interview> {
    const record = await this.records.visible(caller, id);
    if (!asOf) return this.present(caller, record, null);
    const past = await recordAsOf(this.transactions, this.store, interviewDecider, { ...record, type: 'Interview' }, asOf);
    return this.present(caller, { ...record, state: past.state }, asOf);
  }

  async list(caller: Caller, filter: InterviewFilter, order: InterviewOrder, first: number, after: string | null | undefined): Promise<Connection<Interview>> {
    const size = pageSize(first);
    let scheduledFrom = filter.scheduledFrom ?? null;
    let scheduledBefore = filter.scheduledBefore ?? null;
    if (filter.months) {
      const firstMonth = parseMonth(filter.months.from, 'filter.months.from');
      const lastMonth = filter.months.to ? parseMonth(filter.months.to, 'filter.months.to') : firstMonth;
      scheduledFrom = later(scheduledFrom, startOfMonth(firstMonth));
      scheduledBefore = earlier(scheduledBefore, startOfMonth(nextMonth(lastMonth)));
    }
    const { records, totalCount, cursorOf } = await this.interviews.list(caller.tenantIds, this.authorization.abilityOf(caller), {
      tenantId: filter.tenantId ?? null,
      kind: filter.kind ?? null,
      statuses: filter.statuses ?? null,
      unitId: filter.unitId ?? null,
      findingId: filter.findingId ?? null,
      scheduledFrom,
      scheduledBefore,
      hasOverdueCommitments: filter.hasOverdueCommitments ?? null,
      today: chinaDateOf(new Date()),
      order,
      after: after ?? null,
      limit: size,
    });
    return toConnection(records, size, totalCount, cursorOf, (record) => this.present(caller, record, null), after);
  }

  async schedule(caller: Caller, given: ScheduleInterviewInput): Promise<Interview> {
    // Ids are compared with stored (lower-case) ones by the permission rules, so they are stored alike.
    const input: ScheduleInterviewInput = {
      ...given,
      interviewerIds: given.interviewerIds.map((id) => id.toLowerCase()),
      interviewees: given.interviewees.map((person) => ({ personId: person.personId.toLowerCase(), unitId: person.unitId?.toLowerCase() ?? null })),
      findingIds: given.findingIds.map((id) => id.toLowerCase()),
    };
    const tenantId = (input.tenantId ?? caller.actor.tenantId)?.toLowerCase();
    if (!tenantId) throw validationFailed({ tenantId: 'name the district the interview belongs to' });
    const participantIds = [...input.interviewerIds, ...input.interviewees.map((person) => person.personId)];
    // Checked before the people and records of the district are looked up for the command.
    if (!caller.tenantIds.includes(tenantId)) throw new RecordNotFoundError('Tenant', tenantId);
    this.authorization.assertCan(caller, 'schedule', 'Interview', { tenantId, confidential: input.confidential, participantIds });
    const interviewees = await this.resolveParticipants(tenantId, input);
    const interviewId = newRecordId(caller, input.idempotencyKey, randomUUID);
    const record = await this.records.create(
      caller,
      { tenantId, id: interviewId, subject: { confidential: input.confidential, participantIds }, idempotencyKey: input.idempotencyKey },
      'schedule',
      {
        type: 'ScheduleInterview',
        interviewId,
        kind: input.kind,
        interviewerIds: input.interviewerIds,
        interviewees,
        reason: input.reason,
        findingIds: input.findingIds,
        scheduledAt: input.scheduledAt.toISOString(),
        place: input.place,
        confidential: input.confidential,
      },
    );
    return this.present(caller, record, null);
  }

  reschedule(caller: Caller, input: RescheduleInterviewInput): Promise<Interview> {
    return this.change(caller, input, 'schedule', {
      type: 'RescheduleInterview',
      scheduledAt: input.scheduledAt.toISOString(),
      place: input.place ?? null,
      reason: input.reason,
    });
  }

  recordHeld(caller: Caller, input: RecordInterviewHeldInput): Promise<Interview> {
    return this.change(caller, input, 'recordMinutes', {
      type: 'RecordInterviewHeld',
      heldAt: input.heldAt ? input.heldAt.toISOString() : null,
      minutes: input.minutes,
      // A retry must carry the same command, so with a key each commitment's id derives from it and its place.
      commitments: input.commitments.map((commitment, index) => ({
        commitmentId: newRecordId(caller, input.idempotencyKey && `${input.idempotencyKey}#commitment-${index}`, randomUUID),
        text: commitment.text,
        dueDate: commitment.dueDate,
      })),
    });
  }

  fulfilCommitment(caller: Caller, input: FulfilCommitmentInput): Promise<Interview> {
    return this.change(caller, input, 'fulfilCommitment', { type: 'FulfilCommitment', commitmentId: input.commitmentId, note: input.note });
  }

  cancel(caller: Caller, input: CancelInterviewInput): Promise<Interview> {
    return this.change(caller, input, 'cancel', { type: 'CancelInterview', reason: input.reason });
  }

  private async change(caller: Caller, request: ChangeRequest, action: InterviewAction, command: InterviewCommand): Promise<Interview> {
    return this.present(caller, await this.records.change(caller, request, action, command), null);
  }

  /**
   * The people named must be people of the district (interviewers may also be inspectors of its
   * city), still active; interviewees answer for a unit of the district, and linked findings are
   * the district's. Names and units are taken from the records, not from the client.
   */
  private async resolveParticipants(tenantId: string, input: ScheduleInterviewInput): Promise<Array<{ personId: string; name: string; unitId: string }>> {
    const cityId = await this.tenants.cityOfTenant(tenantId);
    const ids = [...input.interviewerIds, ...input.interviewees.map((person) => person.personId)].filter(isUuid);
    const people = new Map((await this.interviews.people([tenantId, PLATFORM_TENANT_ID], ids)).map((person) => [person.id, person]));
    const fields: Record<string, string> = {};
    const ofDistrict = (person: PersonOnRecord | undefined): person is PersonOnRecord => person?.active === true && person.tenantId === tenantId;
    input.interviewerIds.forEach((id, index) => {
      const person = people.get(id);
      const cityInspector = person?.active === true && person.role === 'city_inspector' && person.cityId === cityId;
      if (!ofDistrict(person) && !cityInspector) fields[`interviewerIds.${index}`] = 'no active person of this district or an inspector of its city';
    });
    const interviewees = input.interviewees.map((interviewee, index) => {
      const person = people.get(interviewee.personId);
      if (!ofDistrict(person)) {
        fields[`interviewees.${index}.personId`] = 'no active person of this district';
        return { personId: interviewee.personId, name: '', unitId: '' };
      }
      const unitId = interviewee.unitId ?? person.unitId;
      if (!unitId) fields[`interviewees.${index}.unitId`] = 'the person belongs to no unit: name the unit they answer for';
      return { personId: person.id, name: person.displayName, unitId: unitId ?? '' };
    });
    const unitIds = [...new Set(interviewees.map((interviewee) => interviewee.unitId).filter(isUuid))];
    const [units, findings] = await Promise.all([
      this.interviews.existingStreams(tenantId, 'Unit', unitIds),
      this.interviews.existingStreams(tenantId, 'Finding', input.findingIds.filter(isUuid)),
    ]);
    interviewees.forEach((interviewee, index) => {
      if (interviewee.unitId && !units.has(interviewee.unitId)) fields[`interviewees.${index}.unitId`] ??= 'no such unit in this district';
    });
    input.findingIds.forEach((id, index) => {
      if (!findings.has(id)) fields[`findingIds.${index}`] = 'no such finding in this district';
    });
    if (Object.keys(fields).length > 0) throw validationFailed(fields);
    return interviewees;
  }

  private present(caller: Caller, record: InterviewRecord, asOf: Date | null): Interview {
    const { state } = record;
    const overdue = new Set(overdueCommitments(state, asOf ?? new Date()).map((commitment) => commitment.commitmentId));
    const minutesVisible = this.authorization.can(caller, 'read', 'Interview', subjectOf(record), 'minutes');
    return {
      id: state.interviewId,
      tenantId: record.tenantId,
      kind: state.kind as InterviewKindValue,
      status: state.status as InterviewStatusValue,
      confidential: state.confidential,
      interviewerIds: state.interviewerIds,
      interviewees: state.interviewees,
      findingIds: state.findingIds,
      reason: state.reason,
      scheduledAt: new Date(state.scheduledAt),
      place: state.place,
      rescheduleCount: state.rescheduleCount,
      heldAt: dateOrNull(state.heldAt),
      minutes: minutesVisible ? state.minutes : null,
      commitments: state.commitments.map((commitment) => ({
        id: commitment.commitmentId,
        text: commitment.text,
        dueDate: commitment.dueDate,
        fulfilledAt: dateOrNull(commitment.fulfilledAt),
        note: commitment.fulfilmentNote,
        overdue: overdue.has(commitment.commitmentId),
      })),
      overdueCommitmentCount: overdue.size,
      cancelledAt: dateOrNull(state.cancelledAt),
      cancellationReason: state.cancellationReason,
      version: state.version,
      asOf,
    };
  }
}
