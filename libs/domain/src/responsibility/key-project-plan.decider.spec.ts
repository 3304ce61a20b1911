import type { KeyProjectPlanEvent } from '@zeren/events';
import { actorFor, contextFor, given, play } from '../shared/decider-spec';
import { keyProjectPlanDecider, type AddKeyProject, type KeyProjectPlanCommand } from './key-project-plan.decider';

const PLAN_ID = 'a0000000-0000-4000-8000-000000000801';
const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
const projectId = (n: number) => `a0000000-0000-4000-8000-0000000009${String(n).padStart(2, '0')}`;
const JAN = '2026-01-10T02:00:00.000Z';
const city = contextFor(actorFor('city_inspector'), JAN);
const district = (now = JAN) => contextFor(actorFor('district_admin'), now);

const project = (n: number, weight: number): AddKeyProject => ({
  type: 'AddKeyProject',
  projectId: projectId(n),
  category: 'HIGHLIGHT',
  title: `重点项目${n}`,
  weight,
  goal: '建成新时代文明实践站',
  milestones: [{ month: '2026-03', target: '完成选址' }, { month: '2026-06', target: '建成' }],
});

const draft = { type: 'DraftKeyProjectPlan', planId: PLAN_ID, year: 2026, ownerUnitId: null } as const;
const planned = (weights: number[]): KeyProjectPlanEvent[] =>
  play(keyProjectPlanDecider, [[draft, city], ...weights.map((weight, index) => [project(index, weight), city] as const)]);
const confirmed = () => play(keyProjectPlanDecider, [[{ type: 'ConfirmKeyProjectPlan' }, city]], planned(Array(10).fill(10)));
const report = (month = '2026-03'): KeyProjectPlanCommand => ({ type: 'ReportKeyProjectProgress', projectId: projectId(0), month, completionPercent: 40, summary: '已完成选址', evidenceHashes: ['d'.repeat(64)] });

describe('KeyProjectPlan (重点工作项目)', () => {
  it('confirms a plan of ten projects weighing 10% each', () => {
    const state = given(keyProjectPlanDecider, planned(Array(10).fill(10)))
      .when({ type: 'ConfirmKeyProjectPlan' }, city)
      .thenEmits([{ type: 'KeyProjectPlanConfirmed', data: { planId: PLAN_ID, totalWeight: 100, confirmedAt: JAN } }]);
    expect(state).toMatchObject({ status: 'CONFIRMED', projects: expect.arrayContaining([expect.objectContaining({ weight: 10 })]) });
  });

  it('refuses to confirm weights that do not sum to 100, and to add one that would pass 100', () => {
    const error = given(keyProjectPlanDecider, planned([50, 40])).when({ type: 'ConfirmKeyProjectPlan' }, city).thenFails('VALIDATION_FAILED');
    expect(error.userMessage).toBe('各项目权重合计为90%，应为100%');
    given(keyProjectPlanDecider, planned([50, 40])).when(project(2, 20), city).thenFails('VALIDATION_FAILED', { fields: { weight: "the plan's weights would exceed 100%" } });
  });

  it('refuses milestones outside the plan’s year', () => {
    given(keyProjectPlanDecider, planned([]))
      .when({ ...project(0, 10), milestones: [{ month: '2027-01', target: '验收' }] }, city)
      .thenFails('VALIDATION_FAILED', { fields: { 'milestones.0.month': 'must be in 2026' } });
  });

  it('takes one progress report per milestone month with evidence, only once confirmed and not for a future month', () => {
    given(keyProjectPlanDecider, planned([100])).when(report(), district('2026-03-20T02:00:00.000Z')).thenFails('INVALID_STATE');
    const after = given(keyProjectPlanDecider, confirmed())
      .when(report(), district('2026-03-20T02:00:00.000Z'))
      .thenEmits([
        {
          type: 'KeyProjectProgressReported',
          data: { planId: PLAN_ID, projectId: projectId(0), month: '2026-03', completionPercent: 40, summary: '已完成选址', evidenceHashes: ['d'.repeat(64)], reportedAt: '2026-03-20T02:00:00.000Z' },
        },
      ]);
    expect(after.status !== 'NONE' && after.projects[0]!.progress).toEqual([expect.objectContaining({ month: '2026-03', completionPercent: 40 })]);
    const withReport = play(keyProjectPlanDecider, [[report(), district('2026-03-20T02:00:00.000Z')]], confirmed());
    given(keyProjectPlanDecider, withReport).when(report(), district('2026-03-21T02:00:00.000Z')).thenFails('INVALID_STATE');
    given(keyProjectPlanDecider, confirmed()).when(report('2026-06'), district('2026-03-20T02:00:00.000Z')).thenFails('VALIDATION_FAILED', { fields: { month: 'must not be a future month' } });
    given(keyProjectPlanDecider, confirmed()).when(report('2026-04'), district('2026-05-20T02:00:00.000Z')).thenFails('VALIDATION_FAILED', { fields: { month: 'the project has no milestone in this month' } });
  });

  it('is set one level up and reported by its owner', () => {
    given(keyProjectPlanDecider).when(draft, district()).thenFails('NOT_ALLOWED');
    given(keyProjectPlanDecider).when({ ...draft, ownerUnitId: UNIT_ID }, city).thenFails('NOT_ALLOWED');
    const unitPlan = play(keyProjectPlanDecider, [
      [{ ...draft, ownerUnitId: UNIT_ID }, district()],
      [project(0, 100), district()],
      [{ type: 'ConfirmKeyProjectPlan' }, district()],
    ]);
    const at = '2026-03-20T02:00:00.000Z';
    given(keyProjectPlanDecider, unitPlan).when(report(), contextFor(actorFor('unit_officer', { unitId: 'b0000000-0000-4000-8000-000000000002' }), at)).thenFails('NOT_ALLOWED');
    given(keyProjectPlanDecider, unitPlan).when(report(), contextFor(actorFor('unit_officer', { unitId: UNIT_ID }), at)).thenEmits([expect.objectContaining({ type: 'KeyProjectProgressReported' })]);
  });
});
