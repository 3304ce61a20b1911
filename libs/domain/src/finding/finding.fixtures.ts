import type { FindingEvent } from '@zeren/events';
import { actorFor, contextFor, play } from '../shared/decider-spec';
import type { DecisionContext } from '../shared/decider';
import type { CheckInProgress, FindingCommand, RecordFinding, SubmitRectificationPlan } from './finding.commands';
import { findingDecider } from './finding.decider';
import type { FindingStatus } from './finding.state';

/** Shared by the Finding specs: ids, actors and histories that reach each status. */
export const FINDING_ID = 'f0000000-0000-4000-8000-000000000001';
export const INSPECTION_ID = 'a0000000-0000-4000-8000-000000000001';
export const FOLLOW_UP_ID = 'a0000000-0000-4000-8000-000000000002';
export const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
export const OTHER_UNIT_ID = 'b0000000-0000-4000-8000-000000000002';
export const EVIDENCE = ['a'.repeat(64), 'b'.repeat(64)] as const;

export const cityInspector = actorFor('city_inspector');
export const districtAdmin = actorFor('district_admin');
export const unitOfficer = actorFor('unit_officer', { unitId: UNIT_ID });
export const otherUnitOfficer = actorFor('unit_officer', { unitId: OTHER_UNIT_ID });
export const scheduler = actorFor('service');

/** 10:00 on 2 March 2026 in China; the deadline below is 29 days away. */
export const T0 = '2026-03-02T02:00:00.000Z';
export const DEADLINE = '2026-03-31';

export function daysAfterT0(days: number, hours = 0): string {
  return new Date(Date.parse(T0) + (days * 24 + hours) * 3_600_000).toISOString();
}

export const recordFinding: RecordFinding = {
  type: 'RecordFinding',
  findingId: FINDING_ID,
  inspection: { inspectionId: INSPECTION_ID, status: 'IN_PROGRESS', level: 'CITY' },
  unitId: UNIT_ID,
  title: '理论学习中心组学习制度落实不到位',
  description: '2025年度中心组集体学习仅开展6次，少于规定的12次。',
  category: 'STUDY',
  severity: 'MAJOR',
  basis: {
    kind: 'RESPONSIBILITY_ITEM',
    reference: '意识形态工作责任清单第3条',
    text: '党委（党组）理论学习中心组每年集体学习不少于12次。',
  },
  deadline: DEADLINE,
};

export const submitPlan: SubmitRectificationPlan = {
  type: 'SubmitRectificationPlan',
  measures: '制定年度学习计划，每月开展一次集体学习。',
  responsiblePerson: { personId: null, name: '王明' },
  plannedCompletionDate: '2026-03-25',
};

export const checkInComplete: CheckInProgress = {
  type: 'CheckInProgress',
  percent: 100,
  narrative: '已补充开展集体学习6次，学习记录已归档。',
  evidence: [EVIDENCE[0]],
};

const step = (command: FindingCommand, actor = unitOfficer, at = T0): readonly [FindingCommand, DecisionContext] => [
  command,
  contextFor(actor, at),
];

const STEPS_TO: Record<Exclude<FindingStatus, 'WITHDRAWN'>, ReadonlyArray<readonly [FindingCommand, DecisionContext]>> = {
  RECORDED: [step(recordFinding, cityInspector)],
  PLAN_SUBMITTED: [step(submitPlan, unitOfficer, daysAfterT0(1))],
  IN_PROGRESS: [step(checkInComplete, unitOfficer, daysAfterT0(5))],
  SUBMITTED: [step({ type: 'SubmitForSignOff' }, unitOfficer, daysAfterT0(6))],
  DISTRICT_REVIEW_PASSED: [step({ type: 'PassDistrictReview' }, districtAdmin, daysAfterT0(7))],
  VERIFIED: [step({ type: 'SignOffFinding' }, cityInspector, daysAfterT0(8))],
};
const ORDER = ['RECORDED', 'PLAN_SUBMITTED', 'IN_PROGRESS', 'SUBMITTED', 'DISTRICT_REVIEW_PASSED', 'VERIFIED'] as const;

/** The events of a finding that went the ordinary way up to `status`. */
export function historyTo(status: FindingStatus): FindingEvent[] {
  if (status === 'WITHDRAWN') {
    return play(findingDecider, [
      ...STEPS_TO.RECORDED,
      step({ type: 'WithdrawFinding', reason: '经核实不属于问题' }, districtAdmin, daysAfterT0(1)),
    ]);
  }
  return play(findingDecider, ORDER.slice(0, ORDER.indexOf(status) + 1).flatMap((reached) => STEPS_TO[reached]));
}
