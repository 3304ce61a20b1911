import { WarningIssuedV1, type WarningIssued, type WarningLevel, type WarningRecipient } from '@zeren/events';
import { daysUntilDeadline } from '../shared/china-time';
import { createEvent } from '../shared/create-event';
import { isOpenFinding, type FindingState } from './finding.state';

export const GREEN_WARNING_DAYS = 20;
export const YELLOW_WARNING_DAYS = 10;

const SEVERITY: Record<WarningLevel, number> = { GREEN: 1, YELLOW: 2, RED: 3 };

export const WARNING_RECIPIENTS_BY_LEVEL: Record<WarningLevel, readonly WarningRecipient[]> = {
  GREEN: ['UNIT_LIAISON'],
  YELLOW: ['UNIT_LIAISON', 'UNIT_LEADER'],
  RED: ['UNIT_LIAISON', 'UNIT_LEADER', 'UNIT_HEAD'],
};

/** The 三色预警 colour for a number of days remaining (negative once overdue); null when none applies. */
export function warningLevelFor(daysRemaining: number): WarningLevel | null {
  if (daysRemaining < 0) return 'RED';
  if (daysRemaining <= YELLOW_WARNING_DAYS) return 'YELLOW';
  if (daysRemaining <= GREEN_WARNING_DAYS) return 'GREEN';
  return null;
}

/**
 * The warnings to send now: at most one, of the colour the deadline is in, unless that colour or a
 * more severe one was already sent for this deadline. Lesser colours skipped by a late start stay
 * unsent, because the more severe warning already reaches their recipients and a stale green is noise.
 */
export function warningsDue(finding: FindingState, now: Date): WarningIssued[] {
  if (finding.status === 'NONE' || !isOpenFinding(finding.status)) return [];
  const daysRemaining = daysUntilDeadline(finding.deadline, now);
  const level = warningLevelFor(daysRemaining);
  if (level === null) return [];
  const alreadyWarned = finding.warningsIssued.some(
    (warning) => warning.deadline === finding.deadline && SEVERITY[warning.level] >= SEVERITY[level],
  );
  if (alreadyWarned) return [];
  return [
    createEvent(WarningIssuedV1, {
      findingId: finding.findingId,
      unitId: finding.unitId,
      level,
      deadline: finding.deadline,
      daysRemaining,
      recipients: [...WARNING_RECIPIENTS_BY_LEVEL[level]],
      issuedAt: now.toISOString(),
    }),
  ];
}
