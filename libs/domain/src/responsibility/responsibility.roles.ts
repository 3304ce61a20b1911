import type { Role } from '../shared/decider';
import { KEY_PROJECT_PLAN_COMMAND_ROLES } from './key-project-plan.decider';
import { MONTHLY_REPORT_COMMAND_ROLES } from './monthly-report.decider';
import { RESPONSIBILITY_LIST_COMMAND_ROLES } from './responsibility-list.decider';
import { TARGET_LETTER_COMMAND_ROLES } from './target-letter.decider';

/** The commands that start a responsibility record's stream; every other command changes one. */
const CREATING_COMMANDS = new Set(['CreateResponsibilityList', 'DraftTargetLetter', 'DraftKeyProjectPlan', 'ScheduleMonthlyReport']);

const COMMAND_ROLES: ReadonlyArray<readonly [string, readonly Role[]]> = [
  ...Object.entries(RESPONSIBILITY_LIST_COMMAND_ROLES),
  ...Object.entries(TARGET_LETTER_COMMAND_ROLES),
  ...Object.entries(KEY_PROJECT_PLAN_COMMAND_ROLES),
  ...Object.entries(MONTHLY_REPORT_COMMAND_ROLES),
];

/**
 * `create` and `update` on the Responsibility subject, as the deciders' role tables give them: the
 * ability grants an office the records of its scope, the decider judges which record and level.
 */
export function responsibilityActionsOf(role: Role): Array<'create' | 'update'> {
  const commands = COMMAND_ROLES.filter(([, roles]) => roles.includes(role)).map(([command]) => command);
  return [
    ...(commands.some((command) => CREATING_COMMANDS.has(command)) ? (['create'] as const) : []),
    ...(commands.some((command) => !CREATING_COMMANDS.has(command)) ? (['update'] as const) : []),
  ];
}
