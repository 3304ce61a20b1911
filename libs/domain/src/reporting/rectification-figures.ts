import type { WarningLevel } from '@zeren/events';
import { daysUntilDeadline, overdueFrom } from '../shared/china-time';
import { warningLevelFor } from '../finding/deadline-warnings';
import { FINDING_STATUSES, isOpenFinding, type FindingStatus } from '../finding/finding.state';

/** One finding as of the instant the figures are for (fold its events up to that instant). */
export interface FindingSummary {
  state: FindingStatus;
  deadline: string;
  recordedAt: string;
  verifiedAt: string | null;
  withdrawnAt: string | null;
  unitId: string;
  tenantId: string;
  inspectionId: string;
}

export type WarningColour = WarningLevel | 'NONE';

export interface RectificationFigures {
  asOf: string;
  /** Findings recorded as of the instant, withdrawn ones excluded. */
  recorded: number;
  verified: number;
  /** Verified before the deadline in force had passed. */
  verifiedOnTime: number;
  withdrawn: number;
  /** 整改率: verified ÷ recorded; null when nothing was recorded. */
  rectificationRate: number | null;
  /** Neither verified nor withdrawn, and past the deadline. */
  overdue: number;
  byState: Record<FindingStatus, number>;
  /** The 三色预警 colour each open finding is in now; NONE when more than 20 days remain. */
  warningColours: Record<WarningColour, number>;
}

/** What figures are made of: findings counted by state, on-time sign-offs and open findings' colours. */
export interface RectificationTallies {
  byState: Record<FindingStatus, number>;
  verifiedOnTime: number;
  warningColours: Record<WarningColour, number>;
}

export function emptyTallies(): RectificationTallies {
  return {
    byState: Object.fromEntries(FINDING_STATUSES.map((status) => [status, 0])) as Record<FindingStatus, number>,
    verifiedOnTime: 0,
    warningColours: { GREEN: 0, YELLOW: 0, RED: 0, NONE: 0 },
  };
}

/** The figures from their tallies, however they were counted (here from findings, or by the database). */
export function figuresFromTallies({ byState, verifiedOnTime, warningColours }: RectificationTallies, asOf: Date): RectificationFigures {
  const withdrawn = byState.WITHDRAWN;
  const verified = byState.VERIFIED;
  const recorded = FINDING_STATUSES.reduce((sum, status) => sum + byState[status], 0) - withdrawn;
  return {
    asOf: asOf.toISOString(),
    recorded,
    verified,
    verifiedOnTime,
    withdrawn,
    rectificationRate: recorded === 0 ? null : verified / recorded,
    // An open finding is RED exactly when its deadline has passed.
    overdue: warningColours.RED,
    byState,
    warningColours,
  };
}

export function rectificationFigures(findings: readonly FindingSummary[], asOf: Date): RectificationFigures {
  const tallies = emptyTallies();
  for (const finding of findings) {
    if (Date.parse(finding.recordedAt) > asOf.getTime()) continue;
    tallies.byState[finding.state] += 1;
    if (finding.state === 'VERIFIED' && finding.verifiedAt !== null) {
      if (Date.parse(finding.verifiedAt) < overdueFrom(finding.deadline).getTime()) tallies.verifiedOnTime += 1;
    }
    if (isOpenFinding(finding.state)) {
      tallies.warningColours[warningLevelFor(daysUntilDeadline(finding.deadline, asOf)) ?? 'NONE'] += 1;
    }
  }
  return figuresFromTallies(tallies, asOf);
}

/** Figures per scope (tenant, unit, inspection…), keyed by what `scopeOf` returns. */
export function rectificationFiguresBy(
  findings: readonly FindingSummary[],
  asOf: Date,
  scopeOf: (finding: FindingSummary) => string,
): Map<string, RectificationFigures> {
  const groups = new Map<string, FindingSummary[]>();
  for (const finding of findings) {
    const scope = scopeOf(finding);
    const group = groups.get(scope);
    if (group) group.push(finding);
    else groups.set(scope, [finding]);
  }
  return new Map([...groups].map(([scope, group]) => [scope, rectificationFigures(group, asOf)]));
}

export interface RankableScope {
  name: string;
  figures: Pick<RectificationFigures, 'rectificationRate' | 'overdue'>;
}

function compareScopes(a: RankableScope, b: RankableScope): number {
  const rateA = a.figures.rectificationRate ?? -1;
  const rateB = b.figures.rectificationRate ?? -1;
  return rateB - rateA || a.figures.overdue - b.figures.overdue;
}

/**
 * Sorted by rate (highest first; no findings last), then fewest overdue, then name (pinyin order).
 * Scopes equal on rate and overdue share a rank (1, 2, 2, 4): the name only orders the display.
 */
export function rankScopes<Scope extends RankableScope>(scopes: readonly Scope[]): Array<Scope & { rank: number }> {
  const sorted = [...scopes].sort((a, b) => compareScopes(a, b) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  const ranked: Array<Scope & { rank: number }> = [];
  for (const [index, scope] of sorted.entries()) {
    const previous = ranked[index - 1];
    ranked.push({ ...scope, rank: previous && compareScopes(previous, scope) === 0 ? previous.rank : index + 1 });
  }
  return ranked;
}
