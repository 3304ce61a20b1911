import { findingDecider, type FindingState, type RecordedFinding } from '@zeren/domain';
import { findingEvents, type FindingEvent, type ProgressCheckedIn, type RecordedEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';
import { evolvingProjection } from '../records/evolving-projection';
import { lastWarningLevel, lockFinding } from './findings.repository';

/** SQL NULL for an absent value (a JSON null would not be IS NULL). */
const jsonOrNull = (value: unknown): string | null => (value === null ? null : JSON.stringify(value));

async function saveFinding(sql: Sql, event: RecordedEvent, finding: RecordedFinding): Promise<void> {
  await sql.query(
    `INSERT INTO findings AS f (tenant_id, id, inspection_id, unit_id, title, description, category, severity, basis, deadline, original_deadline,
                                status, plan, latest_percent, last_check_in_at, check_in_count, late_check_in_count, evidence_hashes, evidence_count,
                                check_in_due_before_submission, pending_extension, approved_extension_count, warnings_issued, last_warning_level,
                                reassignments, last_rejection, recorded_at, submitted_at, district_review_passed_at, verified_at, withdrawn_at,
                                withdrawal_reason, reopened_at, reopen_count, version, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11, $12, $13::jsonb, $14, $15, $16, $17, $18, $19, $20, $21::jsonb, $22, $23::jsonb, $24,
             $25::jsonb, $26::jsonb, $27, $28, $29, $30, $31, $32, $33, $34, $35, $36)
     ON CONFLICT (tenant_id, id) DO UPDATE SET
       inspection_id = excluded.inspection_id, unit_id = excluded.unit_id, title = excluded.title, description = excluded.description,
       category = excluded.category, severity = excluded.severity, basis = excluded.basis, deadline = excluded.deadline,
       original_deadline = excluded.original_deadline, status = excluded.status, plan = excluded.plan, latest_percent = excluded.latest_percent,
       last_check_in_at = excluded.last_check_in_at, check_in_count = excluded.check_in_count, late_check_in_count = excluded.late_check_in_count,
       evidence_hashes = excluded.evidence_hashes, evidence_count = excluded.evidence_count,
       check_in_due_before_submission = excluded.check_in_due_before_submission, pending_extension = excluded.pending_extension,
       approved_extension_count = excluded.approved_extension_count, warnings_issued = excluded.warnings_issued,
       last_warning_level = excluded.last_warning_level, reassignments = excluded.reassignments, last_rejection = excluded.last_rejection,
       recorded_at = excluded.recorded_at, submitted_at = excluded.submitted_at, district_review_passed_at = excluded.district_review_passed_at,
       verified_at = excluded.verified_at, withdrawn_at = excluded.withdrawn_at, withdrawal_reason = excluded.withdrawal_reason,
       reopened_at = excluded.reopened_at, reopen_count = excluded.reopen_count, version = excluded.version, updated_at = excluded.updated_at`,
    [
      event.tenantId,
      finding.findingId,
      finding.inspectionId,
      finding.unitId,
      finding.title,
      finding.description,
      finding.category,
      finding.severity,
      JSON.stringify(finding.basis),
      finding.deadline,
      finding.originalDeadline,
      finding.status,
      jsonOrNull(finding.plan),
      finding.latestPercent,
      finding.lastCheckInAt,
      finding.checkInCount,
      finding.lateCheckInCount,
      finding.evidenceHashes,
      finding.evidenceHashes.length,
      finding.checkInDueBeforeSubmission,
      jsonOrNull(finding.pendingExtension),
      finding.approvedExtensionCount,
      JSON.stringify(finding.warningsIssued),
      lastWarningLevel(finding),
      JSON.stringify(finding.reassignments),
      jsonOrNull(finding.lastRejection),
      finding.recordedAt,
      finding.submittedAt,
      finding.districtReviewPassedAt,
      finding.verifiedAt,
      finding.withdrawnAt,
      finding.withdrawalReason,
      finding.reopenedAt,
      finding.reopenCount,
      event.version,
      event.recordedAt,
    ],
  );
}

async function saveCheckIn(sql: Sql, event: RecordedEvent<ProgressCheckedIn['data']>): Promise<void> {
  const { data } = event;
  await sql.query(
    `INSERT INTO finding_check_ins (tenant_id, finding_id, version, percent, narrative, decrease_reason, evidence, effective_at, late, checked_in_at, actor_id, actor_role)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $12)`,
    [
      event.tenantId,
      event.streamId,
      event.version,
      data.percent,
      data.narrative,
      data.decreaseReason,
      JSON.stringify(data.evidence),
      data.effectiveAt,
      data.late,
      data.checkedInAt,
      event.metadata.actorId,
      event.metadata.actorRole,
    ],
  );
}

/**
 * A new stretch in finding_status_periods whenever status, unit or deadline changes. Two changes
 * recorded in the same instant leave no zero-length stretch: the later one takes the row over.
 */
async function savePeriod(sql: Sql, event: RecordedEvent, before: FindingState, after: RecordedFinding): Promise<void> {
  if (before.status !== 'NONE' && before.status === after.status && before.unitId === after.unitId && before.deadline === after.deadline) return;
  if (before.status !== 'NONE') {
    await sql.query(`UPDATE finding_status_periods SET valid_to = $3 WHERE tenant_id = $1 AND finding_id = $2 AND valid_to IS NULL`, [
      event.tenantId,
      event.streamId,
      event.recordedAt,
    ]);
  }
  await sql.query(
    `INSERT INTO finding_status_periods (tenant_id, finding_id, status, unit_id, inspection_id, deadline, valid_from, valid_to)
     VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)
     ON CONFLICT (tenant_id, finding_id, valid_from) DO UPDATE SET
       status = excluded.status, unit_id = excluded.unit_id, inspection_id = excluded.inspection_id, deadline = excluded.deadline, valid_to = NULL`,
    [event.tenantId, event.streamId, after.status, after.unitId, after.inspectionId, after.deadline, event.recordedAt],
  );
}

/** findings, finding_check_ins and finding_status_periods, from the Finding streams. */
export const findingProjection: InlineProjection = evolvingProjection<FindingState, FindingEvent>({
  name: 'findings',
  tables: ['findings', 'finding_check_ins', 'finding_status_periods'],
  handles: findingEvents.map((definition) => definition.type),
  decider: findingDecider,
  load: (sql, event) => lockFinding(sql, event.tenantId, event.streamId),

  async save(sql, event, before, after) {
    if (after.status === 'NONE') return;
    await saveFinding(sql, event, after);
    if (event.type === 'ProgressCheckedIn') await saveCheckIn(sql, event as RecordedEvent<ProgressCheckedIn['data']>);
    await savePeriod(sql, event, before, after);
  },
});
