import type { ReportStanding, WarningLevel } from '../generated/graphql';

/**
 * The colours of the cycle's standings and warnings. Their words are in the shared catalogue
 * (i18n/messages.ts), under the enum's group: `label('reportStanding', standing)`, `label('warning', level)`.
 */
export const STANDING_COLOURS: Record<ReportStanding, string> = { REPORTED: 'green', LATE: 'orange', MISSING: 'red', PENDING: 'default' };
export const WARNING_COLOURS: Record<WarningLevel, string> = { GREEN: 'green', YELLOW: 'gold', RED: 'red' };
