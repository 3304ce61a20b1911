import { findingDecider, type FindingState, type RecordedFinding } from '@zeren/domain';
import { findingEvents, type FindingEvent, type ProgressCheckedIn, type RecordedEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import { evolvingProjection, type BulkRows } from '../records/evolving-projection';
import { ProjectionTable, type RowOf } from '../records/projection-table';
import { lastWarningLevel, lockFinding } from './findings.repository';

const FINDINGS = new ProjectionTable(
  'findings',
  {
    tenant_id: 'uuid',
    id: 'uuid',
    inspection_id: 'uuid',
    unit_id: 'uuid',
    title: 'text',
    description: 'text',
    category: 'text',
    severity: 'text',
    basis: 'jsonb',
    deadline: 'date',
    original_deadline: 'date',
    status: 'text',
    plan: 'jsonb',
    latest_percent: 'integer',
    last_check_in_at: 'timestamptz',
    check_in_count: 'integer',
    late_check_in_count: 'integer',
    evidence_hashes: 'text[]',
    evidence_count: 'integer',
    check_in_due_before_submission: 'boolean',
    pending_extension: 'jsonb',
    approved_extension_count: 'integer',
    warnings_issued: 'jsonb',
    last_warning_level: 'text',
    reassignments: 'jsonb',
    last_rejection: 'jsonb',
    recorded_at: 'timestamptz',
    submitted_at: 'timestamptz',
    district_review_passed_at: 'timestamptz',
    verified_at: 'timestamptz',
    withdrawn_at: 'timestamptz',
    withdrawal_reason: 'text',
    reopened_at: 'timestamptz',
    reopen_count: 'integer',
    version: 'integer',
    updated_at: 'timestamptz',
  },
  ['tenant_id', 'id'],
);

const CHECK_INS = new ProjectionTable('finding_check_ins', {
  tenant_id: 'uuid',
  finding_id: 'uuid',
  version: 'integer',
  percent: 'integer',
  narrative: 'text',
  decrease_reason: 'text',
  evidence: 'jsonb',
  effective_at: 'timestamptz',
  late: 'boolean',
  checked_in_at: 'timestamptz',
  actor_id: 'uuid',
  actor_role: 'text',
});

const STATUS_PERIODS = new ProjectionTable(
  'finding_status_periods',
  {
    tenant_id: 'uuid',
    finding_id: 'uuid',
    status: 'text',
    unit_id: 'uuid',
    inspection_id: 'uuid',
    deadline: 'date',
    valid_from: 'timestamptz',
    valid_to: 'timestamptz',
  },
  ['tenant_id', 'finding_id', 'valid_from'],
);

type StatusPeriod = RowOf<typeof STATUS_PERIODS>;

/** The findings row of a finding as an event left it. */
function findingRow(event: RecordedEvent, finding: RecordedFinding): RowOf<typeof FINDINGS> {
  return {
    tenant_id: event.tenantId,
    id: finding.findingId,
    inspection_id: finding.inspectionId,
    unit_id: finding.unitId,
    title: finding.title,
    description: finding.description,
    category: finding.category,
    severity: finding.severity,
    basis: finding.basis,
    deadline: finding.deadline,
    original_deadline: finding.originalDeadline,
    status: finding.status,
    plan: finding.plan,
    latest_percent: finding.latestPercent,
    last_check_in_at: finding.lastCheckInAt,
    check_in_count: finding.checkInCount,
    late_check_in_count: finding.lateCheckInCount,
    evidence_hashes: finding.evidenceHashes,
    evidence_count: finding.evidenceHashes.length,
    check_in_due_before_submission: finding.checkInDueBeforeSubmission,
    pending_extension: finding.pendingExtension,
    approved_extension_count: finding.approvedExtensionCount,
    warnings_issued: finding.warningsIssued,
    last_warning_level: lastWarningLevel(finding),
    reassignments: finding.reassignments,
    last_rejection: finding.lastRejection,
    recorded_at: finding.recordedAt,
    submitted_at: finding.submittedAt,
    district_review_passed_at: finding.districtReviewPassedAt,
    verified_at: finding.verifiedAt,
    withdrawn_at: finding.withdrawnAt,
    withdrawal_reason: finding.withdrawalReason,
    reopened_at: finding.reopenedAt,
    reopen_count: finding.reopenCount,
    version: event.version,
    updated_at: event.recordedAt,
  };
}

/** The finding_check_ins row a check-in adds; other events add none. */
function checkInRow(event: RecordedEvent): RowOf<typeof CHECK_INS> | undefined {
  if (event.type !== 'ProgressCheckedIn') return undefined;
  const data = event.data as ProgressCheckedIn['data'];
  return {
    tenant_id: event.tenantId,
    finding_id: event.streamId,
    version: event.version,
    percent: data.percent,
    narrative: data.narrative,
    decrease_reason: data.decreaseReason,
    evidence: data.evidence,
    effective_at: data.effectiveAt,
    late: data.late,
    checked_in_at: data.checkedInAt,
    actor_id: event.metadata.actorId,
    actor_role: event.metadata.actorRole,
  };
}

/**
 * A new stretch in finding_status_periods whenever status, unit or deadline changes; the open
 * stretch, if there is one, ends where the new one starts. Two changes recorded in the same
 * instant leave no zero-length stretch: the later one takes the row over.
 */
function statusPeriodChange(event: RecordedEvent, before: FindingState, after: RecordedFinding): { endsOpenPeriod: boolean; opens: StatusPeriod } | undefined {
  if (before.status !== 'NONE' && before.status === after.status && before.unitId === after.unitId && before.deadline === after.deadline) return undefined;
  return {
    endsOpenPeriod: before.status !== 'NONE',
    opens: {
      tenant_id: event.tenantId,
      finding_id: event.streamId,
      status: after.status,
      unit_id: after.unitId,
      inspection_id: after.inspectionId,
      deadline: after.deadline,
      valid_from: event.recordedAt,
      valid_to: null,
    },
  };
}

/**
 * The rebuild's rows: each finding's last row, every check-in, and the status periods, with the
 * open period of each finding kept in memory until a later change ends it.
 */
function bulkFindingRows(): BulkRows<FindingState> {
  const changed = new Map<string, { event: RecordedEvent; finding: RecordedFinding }>();
  const openPeriods = new Map<string, { period: StatusPeriod; from: number }>();
  let checkIns: Array<RowOf<typeof CHECK_INS>> = [];
  let endedPeriods: StatusPeriod[] = [];
  return {
    add(event, before, after) {
      if (after.status === 'NONE') return;
      const finding = `${event.tenantId}/${event.streamId}`;
      changed.set(finding, { event, finding: after });
      const checkIn = checkInRow(event);
      if (checkIn) checkIns.push(checkIn);
      const change = statusPeriodChange(event, before, after);
      if (!change) return;
      const open = openPeriods.get(finding);
      // An open period that started in this same instant is taken over, as the live upsert does.
      if (change.endsOpenPeriod && open && open.from !== event.recordedAt.getTime()) endedPeriods.push({ ...open.period, valid_to: event.recordedAt });
      openPeriods.set(finding, { period: change.opens, from: event.recordedAt.getTime() });
    },
    get pendingRows() {
      return changed.size + checkIns.length + endedPeriods.length;
    },
    async write(sql) {
      // Findings first: check-ins and periods reference them.
      await FINDINGS.write(sql, [...changed.values()].map(({ event, finding }) => findingRow(event, finding)));
      await CHECK_INS.write(sql, checkIns);
      await STATUS_PERIODS.write(sql, [...endedPeriods, ...[...changed.keys()].map((finding) => openPeriods.get(finding)!.period)]);
      changed.clear();
      checkIns = [];
      endedPeriods = [];
    },
  };
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
    await FINDINGS.write(sql, [findingRow(event, after)]);
    const checkIn = checkInRow(event);
    if (checkIn) await CHECK_INS.write(sql, [checkIn]);
    const change = statusPeriodChange(event, before, after);
    if (!change) return;
    if (change.endsOpenPeriod) {
      await sql.query(`UPDATE finding_status_periods SET valid_to = $3 WHERE tenant_id = $1 AND finding_id = $2 AND valid_to IS NULL`, [
        event.tenantId,
        event.streamId,
        change.opens.valid_from,
      ]);
    }
    await STATUS_PERIODS.write(sql, [change.opens]);
  },
  bulkRows: bulkFindingRows,
});
