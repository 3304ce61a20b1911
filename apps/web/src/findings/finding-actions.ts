import { FINDING_ACTION_COMMANDS, FINDING_ACTIONS, FINDING_COMMAND_FROM, isAllowed, type AppAbility, type FindingAction, type FindingStatus } from '@zeren/domain';

/** The lifecycle actions the finding page offers (recording is the inspection page's). */
export type FindingPageAction = Exclude<FindingAction, 'record'>;
export const FINDING_PAGE_ACTIONS = FINDING_ACTIONS.filter((action): action is FindingPageAction => action !== 'record');

export interface FindingForActions {
  tenantId: string;
  unitId: string;
  status: FindingStatus;
  pendingExtension: object | null;
}

/**
 * What the viewer may do to this finding now: the shared permission model says who, the decider's
 * table of source states says when. The API checks both again; this only decides what to show.
 */
export function availableFindingActions(ability: AppAbility, finding: FindingForActions): FindingPageAction[] {
  const subject = { tenantId: finding.tenantId, unitId: finding.unitId, status: finding.status };
  return FINDING_PAGE_ACTIONS.filter((action) => {
    if (!FINDING_COMMAND_FROM[FINDING_ACTION_COMMANDS[action]].includes(finding.status)) return false;
    const decidesExtension = action === 'approveExtension' || action === 'refuseExtension';
    if (decidesExtension && !finding.pendingExtension) return false;
    if (action === 'requestExtension' && finding.pendingExtension) return false;
    return isAllowed(ability, action, 'Finding', subject);
  });
}
