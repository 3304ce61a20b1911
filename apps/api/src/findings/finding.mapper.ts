import { daysUntilDeadline, FINDING_STATUS_LABELS, isOpenFinding, isOverdue, warningLevelFor } from '@zeren/domain';
import type {
  Finding,
  FindingBasisKindValue,
  FindingCategoryValue,
  FindingSeverityValue,
  FindingStatusValue,
  WarningLevelValue,
} from './finding.models';
import { lastWarningLevel, type FindingRecord } from './findings.repository';

const date = (value: string | null): Date | null => (value ? new Date(value) : null);

/**
 * The GraphQL shape of a finding. The three-colour status, days remaining and overdue are judged
 * at `asOf` when the finding is shown as of a past instant, otherwise at `now`.
 */
export function toFinding(record: FindingRecord, now: Date, asOf: Date | null = null): Finding {
  const at = asOf ?? now;
  const open = isOpenFinding(record.status);
  const daysRemaining = daysUntilDeadline(record.deadline, at);
  return {
    id: record.id,
    tenantId: record.tenantId,
    inspectionId: record.inspectionId,
    unitId: record.unitId,
    title: record.title,
    description: record.description,
    category: record.category as FindingCategoryValue,
    severity: record.severity as FindingSeverityValue,
    basis: { ...record.basis, kind: record.basis.kind as FindingBasisKindValue },
    deadline: record.deadline,
    originalDeadline: record.originalDeadline,
    status: record.status as FindingStatusValue,
    statusLabel: FINDING_STATUS_LABELS[record.status],
    plan: record.plan && { ...record.plan, submittedAt: new Date(record.plan.submittedAt) },
    latestPercent: record.latestPercent,
    lastCheckInAt: date(record.lastCheckInAt),
    checkInCount: record.checkInCount,
    lateCheckInCount: record.lateCheckInCount,
    evidenceCount: record.evidenceHashes.length,
    pendingExtension: record.pendingExtension && { ...record.pendingExtension, requestedAt: new Date(record.pendingExtension.requestedAt) },
    approvedExtensionCount: record.approvedExtensionCount,
    warningsIssued: record.warningsIssued.map((warning) => ({ ...warning, level: warning.level as WarningLevelValue, issuedAt: new Date(warning.issuedAt) })),
    lastWarningLevel: lastWarningLevel(record) as WarningLevelValue | null,
    warningLevel: open ? (warningLevelFor(daysRemaining) as WarningLevelValue | null) : null,
    daysRemaining,
    overdue: open && isOverdue(record.deadline, at),
    reassignments: record.reassignments.map((reassignment) => ({ ...reassignment, reassignedAt: new Date(reassignment.reassignedAt) })),
    lastRejection: record.lastRejection && { ...record.lastRejection, rejectedAt: new Date(record.lastRejection.rejectedAt) },
    recordedAt: new Date(record.recordedAt),
    submittedAt: date(record.submittedAt),
    districtReviewPassedAt: date(record.districtReviewPassedAt),
    verifiedAt: date(record.verifiedAt),
    withdrawnAt: date(record.withdrawnAt),
    withdrawalReason: record.withdrawalReason,
    reopenedAt: date(record.reopenedAt),
    reopenCount: record.reopenCount,
    version: record.version,
    asOf,
  };
}
