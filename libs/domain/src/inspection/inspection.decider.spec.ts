import type { InspectionEvent, InspectionKind } from '@zeren/events';
import { actorFor, contextFor, given, OTHER_TENANT_ID, play } from '../shared/decider-spec';
import type { Actor, Role } from '../shared/decider';
import { inspectionDecider, type InspectionCommand, type PlanInspection } from './inspection.decider';
import { canRecordFindingsIn, mayPlanInspection, type InspectionStatus } from './inspection.rules';

const INSPECTION_ID = 'a0000000-0000-4000-8000-000000000001';
const ORIGINAL_ID = 'a0000000-0000-4000-8000-000000000002';
const UNIT_IDS = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'];
const NOW = '2026-03-02T02:00:00.000Z';
const city = actorFor('city_inspector');
const district = actorFor('district_admin');
const at = (actor: Actor) => contextFor(actor, NOW);

const patrol: PlanInspection = {
  type: 'PlanInspection',
  inspectionId: INSPECTION_ID,
  title: '2026年度意识形态工作责任制专项巡察',
  kind: 'PATROL',
  target: { scope: 'DISTRICT' },
  period: { startDate: '2026-03-10', endDate: '2026-04-10' },
  team: [{ personId: null, name: '张强' }],
  followUpOf: null,
};
const selfCheck: PlanInspection = { ...patrol, kind: 'SELF_CHECK', title: '2026年一季度自查', target: { scope: 'UNITS', unitIds: UNIT_IDS } };

const planned = (command: PlanInspection = patrol, actor: Actor = city) => play(inspectionDecider, [[command, at(actor)]]);
const historyTo = (status: InspectionStatus, command: PlanInspection = patrol, actor: Actor = city): InspectionEvent[] => {
  const steps: Record<InspectionStatus, InspectionCommand[]> = {
    PLANNED: [],
    IN_PROGRESS: [{ type: 'StartInspection' }],
    REPORT_ISSUED: [{ type: 'StartInspection' }, { type: 'IssueInspectionReport', summary: '发现问题12个' }],
    CLOSED: [{ type: 'StartInspection' }, { type: 'IssueInspectionReport', summary: '发现问题12个' }, { type: 'CloseInspection' }],
    CANCELLED: [{ type: 'CancelInspection', reason: '与上级督查时间冲突' }],
  };
  return play(inspectionDecider, steps[status].map((next) => [next, at(actor)] as const), planned(command, actor));
};

describe('Inspection: planning', () => {
  it('lets the city plan a patrol of a district', () => {
    const state = given(inspectionDecider)
      .when(patrol, at(city))
      .thenEmits([
        {
          type: 'InspectionPlanned',
          data: {
            inspectionId: INSPECTION_ID,
            title: patrol.title,
            kind: 'PATROL',
            level: 'CITY',
            target: { scope: 'DISTRICT' },
            period: { startDate: '2026-03-10', endDate: '2026-04-10' },
            team: [{ personId: null, name: '张强' }],
            followUpOfInspectionId: null,
            plannedAt: NOW,
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'PLANNED', level: 'CITY', version: 1, startedAt: null });
  });

  it('lets a district plan a self-check of its units', () => {
    given(inspectionDecider)
      .when(selfCheck, at(district))
      .thenEmits([
        expect.objectContaining({ data: expect.objectContaining({ kind: 'SELF_CHECK', level: 'DISTRICT', target: { scope: 'UNITS', unitIds: UNIT_IDS } }) }),
      ]);
  });

  it('lets an API token that may act plan and run inspections as the office of its scope, and never a read-only one', () => {
    const districtToken = actorFor('service', { readOnly: false, operations: ['plan', 'update'] });
    given(inspectionDecider)
      .when(selfCheck, at(districtToken))
      .thenEmits([expect.objectContaining({ data: expect.objectContaining({ kind: 'SELF_CHECK', level: 'DISTRICT' }) })]);
    given(inspectionDecider, planned(selfCheck, district)).when({ type: 'StartInspection' }, at(districtToken)).thenEmits([expect.objectContaining({ type: 'InspectionStarted' })]);
    given(inspectionDecider).when(selfCheck, at({ ...districtToken, readOnly: true, operations: [] })).thenFails('NOT_ALLOWED');
  });

  it('makes a district name the units it inspects', () => {
    given(inspectionDecider)
      .when(patrol, at(district))
      .thenFails('VALIDATION_FAILED', { fields: { target: expect.any(String) } });
  });

  it.each<[Role, InspectionKind, InspectionKind | null, boolean]>([
    ['city_inspector', 'PATROL', null, true],
    ['city_inspector', 'SPECIAL_SUPERVISION', null, true],
    ['city_inspector', 'SELF_CHECK', null, false],
    ['city_inspector', 'MUTUAL_CHECK', null, false],
    ['city_inspector', 'CROSS_CHECK', null, false],
    ['district_admin', 'PATROL', null, true],
    ['district_admin', 'SPECIAL_SUPERVISION', null, true],
    ['district_admin', 'SELF_CHECK', null, true],
    ['district_admin', 'MUTUAL_CHECK', null, true],
    ['district_admin', 'CROSS_CHECK', null, true],
    ['city_inspector', 'FOLLOW_UP', 'PATROL', true],
    ['city_inspector', 'FOLLOW_UP', 'CROSS_CHECK', false],
    ['district_admin', 'FOLLOW_UP', 'CROSS_CHECK', true],
    ['district_admin', 'FOLLOW_UP', 'SPECIAL_SUPERVISION', true],
    ['unit_officer', 'SELF_CHECK', null, false],
  ])('%s planning %s (of %s): %s', (role, kind, followUpOfKind, allowed) => {
    expect(mayPlanInspection(role, kind, followUpOfKind)).toBe(allowed);
    const command: PlanInspection = {
      ...selfCheck,
      kind,
      followUpOf: followUpOfKind ? { inspectionId: ORIGINAL_ID, kind: followUpOfKind } : null,
    };
    const when = given(inspectionDecider).when(command, at(actorFor(role)));
    if (allowed) when.thenEmits([expect.objectContaining({ type: 'InspectionPlanned' })]);
    else when.thenFails('NOT_ALLOWED');
  });

  it('links a follow-up to the inspection it re-checks', () => {
    given(inspectionDecider)
      .when({ ...patrol, kind: 'FOLLOW_UP', followUpOf: { inspectionId: ORIGINAL_ID, kind: 'PATROL' } }, at(city))
      .thenEmits([expect.objectContaining({ data: expect.objectContaining({ kind: 'FOLLOW_UP', followUpOfInspectionId: ORIGINAL_ID }) })]);
  });

  it('requires the original inspection for a follow-up, and only for a follow-up', () => {
    given(inspectionDecider)
      .when({ ...patrol, kind: 'FOLLOW_UP' }, at(city))
      .thenFails('VALIDATION_FAILED', { fields: { followUpOf: expect.any(String) } });
    given(inspectionDecider)
      .when({ ...patrol, followUpOf: { inspectionId: ORIGINAL_ID, kind: 'PATROL' } }, at(city))
      .thenFails('VALIDATION_FAILED', { fields: { followUpOf: expect.any(String) } });
    given(inspectionDecider)
      .when({ ...patrol, kind: 'FOLLOW_UP', followUpOf: { inspectionId: ORIGINAL_ID, kind: 'FOLLOW_UP' } }, at(city))
      .thenFails('VALIDATION_FAILED', { fields: { 'followUpOf.kind': expect.any(String) } });
    given(inspectionDecider)
      .when({ ...patrol, kind: 'FOLLOW_UP', followUpOf: { inspectionId: INSPECTION_ID, kind: 'PATROL' } }, at(city))
      .thenFails('VALIDATION_FAILED', { fields: { 'followUpOf.inspectionId': expect.any(String) } });
  });

  it('refuses a period that ends before it starts, an empty team and no target units', () => {
    const error = given(inspectionDecider)
      .when({ ...selfCheck, period: { startDate: '2026-04-10', endDate: '2026-03-10' }, team: [], target: { scope: 'UNITS', unitIds: [] } }, at(district))
      .thenFails('VALIDATION_FAILED');
    expect(Object.keys((error.details as { fields: object }).fields).sort()).toEqual(['period.endDate', 'target.unitIds', 'team']);
  });

  it('refuses a second plan on the same stream and another tenant’s district admin', () => {
    given(inspectionDecider, planned()).when(patrol, at(city)).thenFails('INVALID_STATE', { currentState: 'PLANNED' });
    given(inspectionDecider).when(selfCheck, contextFor(district, NOW, OTHER_TENANT_ID)).thenFails('NOT_ALLOWED');
  });
});

describe('Inspection: lifecycle', () => {
  it('starts, issues its report and closes', () => {
    const started = given(inspectionDecider, historyTo('PLANNED'))
      .when({ type: 'StartInspection' }, at(city))
      .thenEmits([{ type: 'InspectionStarted', data: { inspectionId: INSPECTION_ID, startedAt: NOW } }]);
    expect(started).toMatchObject({ status: 'IN_PROGRESS', startedAt: NOW });
    const reported = given(inspectionDecider, historyTo('IN_PROGRESS'))
      .when({ type: 'IssueInspectionReport', summary: '发现问题12个，涉及8个单位' }, at(city))
      .thenEmits([{ type: 'InspectionReportIssued', data: { inspectionId: INSPECTION_ID, summary: '发现问题12个，涉及8个单位', issuedAt: NOW } }]);
    expect(reported).toMatchObject({ status: 'REPORT_ISSUED', reportSummary: '发现问题12个，涉及8个单位', reportIssuedAt: NOW });
    const closed = given(inspectionDecider, historyTo('REPORT_ISSUED'))
      .when({ type: 'CloseInspection' }, at(city))
      .thenEmits([{ type: 'InspectionClosed', data: { inspectionId: INSPECTION_ID, closedAt: NOW } }]);
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: NOW, version: 4 });
  });

  it('cancels a planned inspection', () => {
    const state = given(inspectionDecider, planned())
      .when({ type: 'CancelInspection', reason: '与上级督查时间冲突' }, at(city))
      .thenEmits([{ type: 'InspectionCancelled', data: { inspectionId: INSPECTION_ID, reason: '与上级督查时间冲突', cancelledAt: NOW } }]);
    expect(state).toMatchObject({ status: 'CANCELLED', cancellationReason: '与上级督查时间冲突' });
  });

  const allowedFrom: Record<Exclude<InspectionCommand['type'], 'PlanInspection'>, InspectionStatus> = {
    StartInspection: 'PLANNED',
    IssueInspectionReport: 'IN_PROGRESS',
    CloseInspection: 'REPORT_ISSUED',
    CancelInspection: 'PLANNED',
  };
  const commands: Record<keyof typeof allowedFrom, InspectionCommand> = {
    StartInspection: { type: 'StartInspection' },
    IssueInspectionReport: { type: 'IssueInspectionReport', summary: '报告' },
    CloseInspection: { type: 'CloseInspection' },
    CancelInspection: { type: 'CancelInspection', reason: '取消' },
  };
  const statuses: InspectionStatus[] = ['PLANNED', 'IN_PROGRESS', 'REPORT_ISSUED', 'CLOSED', 'CANCELLED'];
  const refusals = Object.entries(allowedFrom).flatMap(([type, from]) =>
    statuses.filter((status) => status !== from).map((status) => ({ type, status })),
  );

  it.each(refusals)('refuses $type when $status', ({ type, status }) => {
    given(inspectionDecider, historyTo(status))
      .when(commands[type as keyof typeof commands], at(city))
      .thenFails('INVALID_STATE', { currentState: status, command: type });
  });

  it('is run by the office that planned it', () => {
    given(inspectionDecider, planned()).when({ type: 'StartInspection' }, at(district)).thenFails('NOT_ALLOWED');
    given(inspectionDecider, planned(selfCheck, district)).when({ type: 'StartInspection' }, at(city)).thenFails('NOT_ALLOWED');
    given(inspectionDecider, planned(selfCheck, district))
      .when({ type: 'StartInspection' }, at(district))
      .thenEmits([expect.objectContaining({ type: 'InspectionStarted' })]);
  });

  it('answers NOT_FOUND for an inspection never planned', () => {
    given(inspectionDecider).when({ type: 'StartInspection' }, at(city)).thenFails('NOT_FOUND');
  });

  it('takes findings only while in progress or reporting', () => {
    expect(statuses.filter(canRecordFindingsIn)).toEqual(['IN_PROGRESS', 'REPORT_ISSUED']);
  });
});
