import {
  InspectionCancelledV1,
  InspectionClosedV1,
  InspectionPlannedV1,
  InspectionReportIssuedV1,
  InspectionStartedV1,
  type InspectionEvent,
  type InspectionKind,
  type InspectionLevel,
  type InspectionTarget,
} from '@zeren/events';
import { actingContext } from '../abilities/actor';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext } from '../shared/decider';
import { assertValid } from '../shared/domain-error';
import { canRecordFindingsIn, INSPECTION_RUNNER_ROLE, mayPlanInspection, type InspectionStatus } from './inspection.rules';

export interface InspectionTeamMember {
  personId: string | null;
  name: string;
}

export interface InspectionPeriod {
  startDate: string;
  endDate: string;
}

export interface ExistingInspection {
  status: InspectionStatus;
  version: number;
  inspectionId: string;
  title: string;
  kind: InspectionKind;
  level: InspectionLevel;
  target: InspectionTarget;
  period: InspectionPeriod;
  team: InspectionTeamMember[];
  followUpOfInspectionId: string | null;
  plannedAt: string;
  startedAt: string | null;
  reportSummary: string | null;
  reportIssuedAt: string | null;
  closedAt: string | null;
  cancelledAt: string | null;
  cancellationReason: string | null;
}

export type InspectionState = NotCreated | ExistingInspection;

export interface PlanInspection {
  type: 'PlanInspection';
  inspectionId: string;
  title: string;
  kind: InspectionKind;
  /** A city inspector may target the whole district or some of its units; a district targets units. */
  target: InspectionTarget;
  period: InspectionPeriod;
  team: InspectionTeamMember[];
  /** Required iff kind is FOLLOW_UP: the inspection re-checked and its kind, from the caller. */
  followUpOf?: { inspectionId: string; kind: InspectionKind } | null;
}
export interface StartInspection {
  type: 'StartInspection';
}
export interface IssueInspectionReport {
  type: 'IssueInspectionReport';
  summary: string;
}
export interface CloseInspection {
  type: 'CloseInspection';
}
export interface CancelInspection {
  type: 'CancelInspection';
  reason: string;
}

export type InspectionCommand =
  | PlanInspection
  | StartInspection
  | IssueInspectionReport
  | CloseInspection
  | CancelInspection;

/** Finding commands that depend on the state of an inspection are refused in its terms. */
type InspectionDependentCommand = 'RecordFinding' | 'ReopenFinding';

const guard = new CommandGuard<InspectionStatus, InspectionCommand['type'] | InspectionDependentCommand>({
  aggregate: 'Inspection',
  states: {
    NONE: '未创建',
    PLANNED: '已计划',
    IN_PROGRESS: '检查中',
    REPORT_ISSUED: '已反馈报告',
    CLOSED: '已结束',
    CANCELLED: '已取消',
  },
  commands: {
    PlanInspection: '制定检查计划',
    StartInspection: '开始检查',
    IssueInspectionReport: '反馈检查报告',
    CloseInspection: '结束检查',
    CancelInspection: '取消检查',
    RecordFinding: '登记问题',
    ReopenFinding: '重新打开问题',
  },
});

/** Findings are recorded (or reopened by a follow-up) only in an inspection that is under way. */
export function requireFindingsRecordable(status: InspectionStatus, command: InspectionDependentCommand): void {
  if (!canRecordFindingsIn(status)) {
    throw guard.invalidState(status, command, {
      message: 'findings are recorded only while an inspection is in progress or its report is issued',
      userMessage: '检查未在进行中',
    });
  }
}

function plan(state: InspectionState, command: PlanInspection, context: DecisionContext): InspectionEvent[] {
  guard.requireRole(context, ['city_inspector', 'district_admin'], command.type);
  const { role } = context.actor;
  const level: InspectionLevel = role === 'city_inspector' ? 'CITY' : 'DISTRICT';
  guard.requireState(state.status, ['NONE'], command.type);
  const followUpOf = command.followUpOf ?? null;
  const followUpOfKind = followUpOf?.kind ?? null;
  assertValid([
    ['followUpOf', (command.kind === 'FOLLOW_UP') === (followUpOf !== null), 'required for FOLLOW_UP inspections and only for them'],
    ['followUpOf.kind', followUpOfKind !== 'FOLLOW_UP', 'a follow-up re-checks the original inspection, not another follow-up'],
    ['followUpOf.inspectionId', followUpOf?.inspectionId !== command.inspectionId, 'an inspection cannot follow itself up'],
    ['target', role !== 'district_admin' || command.target.scope === 'UNITS', 'a district inspects its own units: list them'],
  ]);
  if (!mayPlanInspection(role, command.kind, followUpOfKind)) {
    throw guard.notAllowed(
      command.type,
      `role ${role} may not plan a ${command.kind}${followUpOfKind ? ` of a ${followUpOfKind}` : ''} inspection`,
      '您无权制定此类检查计划',
    );
  }
  const { inspectionId, title, kind, target, period, team } = command;
  return [
    createEvent(InspectionPlannedV1, {
      inspectionId,
      title,
      kind,
      level,
      target,
      period,
      team,
      followUpOfInspectionId: followUpOf?.inspectionId ?? null,
      plannedAt: context.now.toISOString(),
    }),
  ];
}

function decide(state: InspectionState, command: InspectionCommand, given: DecisionContext): InspectionEvent[] {
  const context = actingContext(given);
  if (command.type === 'PlanInspection') return plan(state, command, context);

  const inspection = guard.existing(state, command.type);
  guard.requireRole(context, [INSPECTION_RUNNER_ROLE[inspection.level]], command.type);
  const { inspectionId } = inspection;
  const at = context.now.toISOString();
  switch (command.type) {
    case 'StartInspection':
      guard.requireState(inspection.status, ['PLANNED'], command.type);
      return [createEvent(InspectionStartedV1, { inspectionId, startedAt: at })];
    case 'IssueInspectionReport':
      guard.requireState(inspection.status, ['IN_PROGRESS'], command.type);
      return [createEvent(InspectionReportIssuedV1, { inspectionId, summary: command.summary, issuedAt: at })];
    case 'CloseInspection':
      guard.requireState(inspection.status, ['REPORT_ISSUED'], command.type);
      return [createEvent(InspectionClosedV1, { inspectionId, closedAt: at })];
    case 'CancelInspection':
      guard.requireState(inspection.status, ['PLANNED'], command.type);
      return [createEvent(InspectionCancelledV1, { inspectionId, reason: command.reason, cancelledAt: at })];
  }
}

function evolve(state: InspectionState, event: InspectionEvent): InspectionState {
  const version = state.version + 1;
  if (event.type === 'InspectionPlanned') {
    return {
      status: 'PLANNED',
      version,
      ...event.data,
      startedAt: null,
      reportSummary: null,
      reportIssuedAt: null,
      closedAt: null,
      cancelledAt: null,
      cancellationReason: null,
    };
  }
  if (state.status === 'NONE') return { ...state, version };
  switch (event.type) {
    case 'InspectionStarted':
      return { ...state, version, status: 'IN_PROGRESS', startedAt: event.data.startedAt };
    case 'InspectionReportIssued':
      return {
        ...state,
        version,
        status: 'REPORT_ISSUED',
        reportSummary: event.data.summary,
        reportIssuedAt: event.data.issuedAt,
      };
    case 'InspectionClosed':
      return { ...state, version, status: 'CLOSED', closedAt: event.data.closedAt };
    case 'InspectionCancelled':
      return {
        ...state,
        version,
        status: 'CANCELLED',
        cancelledAt: event.data.cancelledAt,
        cancellationReason: event.data.reason,
      };
  }
}

export const inspectionDecider: Decider<InspectionState, InspectionCommand, InspectionEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
