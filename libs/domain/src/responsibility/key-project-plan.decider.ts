import {
  KeyProjectAddedV1,
  KeyProjectPlanConfirmedV1,
  KeyProjectPlanDraftedV1,
  KeyProjectProgressReportedV1,
  type KeyProjectCategory,
  type KeyProjectPlanEvent,
} from '@zeren/events';
import { chinaDateOf } from '../shared/china-time';
import { actingContext } from '../abilities/actor';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid, validationFailed } from '../shared/domain-error';

export type KeyProjectPlanStatus = 'DRAFT' | 'CONFIRMED';

/** The weights of a confirmed plan add up to this (percent). */
export const FULL_WEIGHT = 100;

export interface Milestone {
  month: string;
  target: string;
}

export interface ProgressReport {
  month: string;
  completionPercent: number;
  summary: string;
  evidenceHashes: string[];
  reportedAt: string;
}

export interface KeyProject {
  projectId: string;
  category: KeyProjectCategory;
  title: string;
  weight: number;
  goal: string;
  milestones: Milestone[];
  progress: ProgressReport[];
}

export interface ExistingKeyProjectPlan {
  status: KeyProjectPlanStatus;
  version: number;
  planId: string;
  year: number;
  /** null: the district's own plan; otherwise the unit whose plan it is. */
  ownerUnitId: string | null;
  projects: KeyProject[];
  confirmedAt: string | null;
}

export type KeyProjectPlanState = NotCreated | ExistingKeyProjectPlan;

export interface DraftKeyProjectPlan {
  type: 'DraftKeyProjectPlan';
  planId: string;
  year: number;
  ownerUnitId: string | null;
}
export interface AddKeyProject {
  type: 'AddKeyProject';
  projectId: string;
  category: KeyProjectCategory;
  title: string;
  weight: number;
  goal: string;
  milestones: Milestone[];
}
export interface ConfirmKeyProjectPlan {
  type: 'ConfirmKeyProjectPlan';
}
export interface ReportKeyProjectProgress extends Omit<ProgressReport, 'reportedAt'> {
  type: 'ReportKeyProjectProgress';
  projectId: string;
}
export type KeyProjectPlanCommand = DraftKeyProjectPlan | AddKeyProject | ConfirmKeyProjectPlan | ReportKeyProjectProgress;

export const KEY_PROJECT_PLAN_COMMAND_ROLES: Record<KeyProjectPlanCommand['type'], readonly Role[]> = {
  DraftKeyProjectPlan: ['city_inspector', 'district_admin'],
  AddKeyProject: ['city_inspector', 'district_admin'],
  ConfirmKeyProjectPlan: ['city_inspector', 'district_admin'],
  ReportKeyProjectProgress: ['district_admin', 'unit_officer'],
};

const guard = new CommandGuard<KeyProjectPlanStatus, KeyProjectPlanCommand['type']>({
  aggregate: 'KeyProjectPlan',
  states: { NONE: '未制定', DRAFT: '草拟中', CONFIRMED: '已确定' },
  commands: {
    DraftKeyProjectPlan: '制定重点工作项目计划',
    AddKeyProject: '添加重点工作项目',
    ConfirmKeyProjectPlan: '确定重点工作项目计划',
    ReportKeyProjectProgress: '报送项目月度进展',
  },
});

/** One level up sets a plan: the city the district's own, the district its units'. */
function requirePlanner(context: DecisionContext, ownerUnitId: string | null, command: KeyProjectPlanCommand['type']): void {
  const planner: Role = ownerUnitId === null ? 'city_inspector' : 'district_admin';
  if (context.actor.role !== planner) throw guard.notAllowed(command, `only ${planner} sets this plan`);
}

/** The owner reports progress: the district on its own plan, the unit (or its district) on a unit's. */
function requireReporter(context: DecisionContext, ownerUnitId: string | null, command: KeyProjectPlanCommand['type']): void {
  if (ownerUnitId === null && context.actor.role !== 'district_admin') {
    throw guard.notAllowed(command, 'only the district reports on its own plan');
  }
  if (ownerUnitId !== null) guard.requireOwnUnit(context, ownerUnitId, command);
}

export const totalWeight = (projects: readonly Pick<KeyProject, 'weight'>[]): number => projects.reduce((sum, project) => sum + project.weight, 0);

function decide(state: KeyProjectPlanState, command: KeyProjectPlanCommand, given: DecisionContext): KeyProjectPlanEvent[] {
  const context = actingContext(given);
  guard.requireRole(context, KEY_PROJECT_PLAN_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'DraftKeyProjectPlan') {
    requirePlanner(context, command.ownerUnitId, command.type);
    guard.requireState(state.status, ['NONE'], command.type);
    const { type: _type, ...drafted } = command;
    return [createEvent(KeyProjectPlanDraftedV1, drafted)];
  }
  const plan = guard.existing(state, command.type);
  const { planId } = plan;
  switch (command.type) {
    case 'AddKeyProject': {
      requirePlanner(context, plan.ownerUnitId, command.type);
      guard.requireState(plan.status, ['DRAFT'], command.type);
      const { type: _type, ...project } = command;
      const event = createEvent(KeyProjectAddedV1, { planId, ...project });
      assertValid([
        ['projectId', !plan.projects.some((existing) => existing.projectId === command.projectId), 'the plan already has this project'],
        ['weight', totalWeight(plan.projects) + command.weight <= FULL_WEIGHT, `the plan's weights would exceed ${FULL_WEIGHT}%`],
        ...event.data.milestones.map(
          (milestone, index) => [`milestones.${index}.month`, milestone.month.startsWith(`${plan.year}-`), `must be in ${plan.year}`] as const,
        ),
      ]);
      return [event];
    }
    case 'ConfirmKeyProjectPlan': {
      requirePlanner(context, plan.ownerUnitId, command.type);
      guard.requireState(plan.status, ['DRAFT'], command.type);
      const weight = totalWeight(plan.projects);
      if (weight !== FULL_WEIGHT) {
        throw validationFailed({ weights: `the projects' weights sum to ${weight}%, not ${FULL_WEIGHT}%` }, `各项目权重合计为${weight}%，应为${FULL_WEIGHT}%`);
      }
      return [createEvent(KeyProjectPlanConfirmedV1, { planId, totalWeight: FULL_WEIGHT, confirmedAt: context.now.toISOString() })];
    }
    case 'ReportKeyProjectProgress': {
      requireReporter(context, plan.ownerUnitId, command.type);
      guard.requireState(plan.status, ['CONFIRMED'], command.type);
      const project = plan.projects.find((candidate) => candidate.projectId === command.projectId);
      assertValid([
        ['projectId', project !== undefined, 'no such project in this plan'],
        ['month', project === undefined || project.milestones.some((milestone) => milestone.month === command.month), 'the project has no milestone in this month'],
        ['month', command.month <= chinaDateOf(context.now).slice(0, 7), 'must not be a future month'],
      ]);
      if (project!.progress.some((report) => report.month === command.month)) {
        throw guard.invalidState(plan.status, command.type, {
          message: `progress for ${command.month} is already reported`,
          userMessage: '该月进展已报送',
        });
      }
      const { type: _type, ...report } = command;
      return [createEvent(KeyProjectProgressReportedV1, { planId, ...report, reportedAt: context.now.toISOString() })];
    }
  }
}

function evolve(state: KeyProjectPlanState, event: KeyProjectPlanEvent): KeyProjectPlanState {
  const version = state.version + 1;
  if (event.type === 'KeyProjectPlanDrafted') return { status: 'DRAFT', version, ...event.data, projects: [], confirmedAt: null };
  if (state.status === 'NONE') return { ...state, version };
  switch (event.type) {
    case 'KeyProjectAdded': {
      const { planId: _planId, ...project } = event.data;
      return { ...state, version, projects: [...state.projects, { ...project, progress: [] }] };
    }
    case 'KeyProjectPlanConfirmed':
      return { ...state, version, status: 'CONFIRMED', confirmedAt: event.data.confirmedAt };
    case 'KeyProjectProgressReported': {
      const { planId: _planId, projectId, ...report } = event.data;
      return {
        ...state,
        version,
        projects: state.projects.map((project) => (project.projectId === projectId ? { ...project, progress: [...project.progress, report] } : project)),
      };
    }
  }
}

export const keyProjectPlanDecider: Decider<KeyProjectPlanState, KeyProjectPlanCommand, KeyProjectPlanEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
