import type { FindingEvent } from '@zeren/events';
import { actorFor, contextFor, given, OTHER_TENANT_ID, play } from '../shared/decider-spec';
import type { Actor } from '../shared/decider';
import type { CheckInProgress, FindingCommand, FindingCommandType, ReopenFinding } from './finding.commands';
import { findingDecider } from './finding.decider';
import {
  cityInspector,
  daysAfterT0,
  DEADLINE,
  districtAdmin,
  EVIDENCE,
  FINDING_ID,
  FOLLOW_UP_ID,
  historyTo,
  INSPECTION_ID,
  OTHER_UNIT_ID,
  otherUnitOfficer,
  recordFinding,
  scheduler,
  submitPlan,
  T0,
  UNIT_ID,
  unitOfficer,
} from './finding.fixtures';
import { FINDING_STATUSES, type FindingStatus, type RecordedFinding } from './finding.state';

const NOW = daysAfterT0(10);
const at = (actor: Actor, now = NOW) => contextFor(actor, now);
const givenFinding = (events: FindingEvent[]) => given(findingDecider, events);
/** The history plus what `command` emits on it. */
const after = (history: FindingEvent[], command: FindingCommand, actor: Actor) =>
  play(findingDecider, [[command, at(actor)]], history);

describe('Finding: recording', () => {
  it('records a finding in an inspection under way', () => {
    const state = given(findingDecider)
      .when(recordFinding, at(cityInspector, T0))
      .thenEmits([
        {
          type: 'FindingRecorded',
          data: {
            findingId: FINDING_ID,
            inspectionId: INSPECTION_ID,
            unitId: UNIT_ID,
            title: recordFinding.title,
            description: recordFinding.description,
            category: 'STUDY',
            severity: 'MAJOR',
            basis: recordFinding.basis,
            deadline: DEADLINE,
            recordedAt: T0,
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'RECORDED', version: 1, deadline: DEADLINE, originalDeadline: DEADLINE, recordedAt: T0 });
  });

  it('lets a district record findings of its own inspections only', () => {
    const districtInspection = { ...recordFinding, inspection: { ...recordFinding.inspection, level: 'DISTRICT' as const } };
    given(findingDecider).when(districtInspection, at(districtAdmin, T0)).thenEmits([expect.objectContaining({ type: 'FindingRecorded' })]);
    given(findingDecider).when(recordFinding, at(districtAdmin, T0)).thenFails('NOT_ALLOWED');
    given(findingDecider).when(districtInspection, at(cityInspector, T0)).thenFails('NOT_ALLOWED');
  });

  it.each(['unit_officer', 'auditor', 'platform_admin', 'service'] as const)('refuses a %s', (role) => {
    given(findingDecider).when(recordFinding, at(actorFor(role), T0)).thenFails('NOT_ALLOWED');
  });

  it('lets an API token that may act record as the office of its scope, and never a read-only one', () => {
    const districtInspection = { ...recordFinding, inspection: { ...recordFinding.inspection, level: 'DISTRICT' as const } };
    const districtToken = actorFor('service', { readOnly: false, operations: ['record'] });
    const cityToken = actorFor('service', { tenantId: null, readOnly: false, operations: ['record'] });
    given(findingDecider).when(districtInspection, at(districtToken, T0)).thenEmits([expect.objectContaining({ type: 'FindingRecorded' })]);
    given(findingDecider).when(recordFinding, at(cityToken, T0)).thenEmits([expect.objectContaining({ type: 'FindingRecorded' })]);
    // A district's token acts as its district office: it cannot record in the city's inspection.
    given(findingDecider).when(recordFinding, at(districtToken, T0)).thenFails('NOT_ALLOWED');
    given(findingDecider).when(districtInspection, at({ ...districtToken, readOnly: true, operations: [] }, T0)).thenFails('NOT_ALLOWED');
    given(findingDecider).when(districtInspection, contextFor(districtToken, T0, OTHER_TENANT_ID)).thenFails('NOT_ALLOWED');
  });

  it('refuses a district admin acting in another tenant', () => {
    const districtInspection = { ...recordFinding, inspection: { ...recordFinding.inspection, level: 'DISTRICT' as const } };
    given(findingDecider).when(districtInspection, contextFor(districtAdmin, T0, OTHER_TENANT_ID)).thenFails('NOT_ALLOWED');
  });

  it.each(['PLANNED', 'CLOSED', 'CANCELLED'] as const)('refuses while the inspection is %s', (status) => {
    const error = given(findingDecider)
      .when({ ...recordFinding, inspection: { ...recordFinding.inspection, status } }, at(cityInspector, T0))
      .thenFails('INVALID_STATE', { currentState: status, command: 'RecordFinding' });
    expect(error.userMessage).toContain('不能登记问题');
  });

  it('accepts findings while the inspection report is issued', () => {
    given(findingDecider)
      .when({ ...recordFinding, inspection: { ...recordFinding.inspection, status: 'REPORT_ISSUED' } }, at(cityInspector, T0))
      .thenEmits([expect.objectContaining({ type: 'FindingRecorded' })]);
  });

  it('refuses a deadline that has passed, but accepts today', () => {
    given(findingDecider)
      .when({ ...recordFinding, deadline: '2026-03-01' }, at(cityInspector, T0))
      .thenFails('VALIDATION_FAILED', { fields: { deadline: 'the deadline has already passed' } });
    given(findingDecider)
      .when({ ...recordFinding, deadline: '2026-03-02' }, at(cityInspector, T0))
      .thenEmits([expect.objectContaining({ type: 'FindingRecorded' })]);
  });

  it('names every malformed field', () => {
    const error = given(findingDecider)
      .when({ ...recordFinding, unitId: 'not-a-uuid', title: '  ', deadline: '2026-02-30' }, at(cityInspector, T0))
      .thenFails('VALIDATION_FAILED');
    expect(Object.keys((error.details as { fields: object }).fields).sort()).toEqual(['deadline', 'title', 'unitId']);
  });

  it('refuses to record the same finding twice', () => {
    givenFinding(historyTo('RECORDED'))
      .when(recordFinding, at(cityInspector, T0))
      .thenFails('INVALID_STATE', { currentState: 'RECORDED' });
  });

  it('answers NOT_FOUND for any other command on a finding that was never recorded', () => {
    given(findingDecider).when(submitPlan, at(unitOfficer)).thenFails('NOT_FOUND');
  });
});

describe('Finding: rectification plan', () => {
  it('moves a recorded finding to PLAN_SUBMITTED', () => {
    const state = givenFinding(historyTo('RECORDED'))
      .when(submitPlan, at(unitOfficer))
      .thenEmits([
        {
          type: 'RectificationPlanSubmitted',
          data: {
            findingId: FINDING_ID,
            measures: '制定年度学习计划，每月开展一次集体学习。',
            responsiblePerson: { personId: null, name: '王明' },
            plannedCompletionDate: '2026-03-25',
            submittedAt: NOW,
          },
        },
      ]);
    expect(state).toMatchObject({ status: 'PLAN_SUBMITTED', plan: { plannedCompletionDate: '2026-03-25', submittedAt: NOW } });
  });

  it('lets the plan be revised before work starts', () => {
    givenFinding(historyTo('PLAN_SUBMITTED'))
      .when({ ...submitPlan, plannedCompletionDate: DEADLINE }, at(unitOfficer))
      .thenEmits([expect.objectContaining({ type: 'RectificationPlanSubmitted' })]);
  });

  it('refuses a planned completion after the deadline', () => {
    givenFinding(historyTo('RECORDED'))
      .when({ ...submitPlan, plannedCompletionDate: '2026-04-01' }, at(unitOfficer))
      .thenFails('VALIDATION_FAILED', { fields: { plannedCompletionDate: expect.stringContaining(DEADLINE) } });
  });

  it("refuses an officer of another unit, but lets the district office file on the unit's behalf", () => {
    givenFinding(historyTo('RECORDED')).when(submitPlan, at(otherUnitOfficer)).thenFails('NOT_ALLOWED');
    givenFinding(historyTo('RECORDED'))
      .when(submitPlan, at(districtAdmin))
      .thenEmits([expect.objectContaining({ type: 'RectificationPlanSubmitted' })]);
  });
});

describe('Finding: progress check-ins', () => {
  const checkIn = (overrides: Partial<CheckInProgress> = {}): CheckInProgress => ({
    type: 'CheckInProgress',
    percent: 40,
    narrative: '已开展集体学习2次。',
    evidence: [EVIDENCE[1]],
    ...overrides,
  });

  it('moves the finding to IN_PROGRESS with the first check-in', () => {
    const state = givenFinding(historyTo('PLAN_SUBMITTED'))
      .when(checkIn(), at(unitOfficer))
      .thenEmits([
        {
          type: 'ProgressCheckedIn',
          data: {
            findingId: FINDING_ID,
            percent: 40,
            narrative: '已开展集体学习2次。',
            decreaseReason: null,
            evidence: [EVIDENCE[1]],
            effectiveAt: null,
            late: false,
            checkedInAt: NOW,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      latestPercent: 40,
      lastCheckInAt: NOW,
      checkInCount: 1,
      evidenceHashes: [EVIDENCE[1]],
    });
  });

  it('flags a check-in whose progress took effect more than 24 hours earlier as late', () => {
    const lateBy = (hours: number) =>
      givenFinding(historyTo('PLAN_SUBMITTED')).when(
        checkIn({ effectiveAt: daysAfterT0(10, -hours) }),
        at(unitOfficer),
      );
    lateBy(25).thenEmits([expect.objectContaining({ data: expect.objectContaining({ late: true, effectiveAt: daysAfterT0(9, -1) }) })]);
    lateBy(24).thenEmits([expect.objectContaining({ data: expect.objectContaining({ late: false }) })]);
  });

  it('counts late check-ins and collects evidence without duplicates', () => {
    const events = historyTo('IN_PROGRESS');
    const state = givenFinding(events)
      .when(checkIn({ percent: 100, evidence: [...EVIDENCE], effectiveAt: daysAfterT0(7) }), at(unitOfficer))
      .thenEmits([expect.objectContaining({ type: 'ProgressCheckedIn' })]) as RecordedFinding;
    expect(state.evidenceHashes).toEqual([...EVIDENCE]);
    expect(state.lateCheckInCount).toBe(1);
    expect(state.checkInCount).toBe(2);
  });

  it('refuses a check-in that takes effect in the future', () => {
    givenFinding(historyTo('PLAN_SUBMITTED'))
      .when(checkIn({ effectiveAt: daysAfterT0(10, 1) }), at(unitOfficer))
      .thenFails('VALIDATION_FAILED', { fields: { effectiveAt: 'must not be in the future' } });
  });

  it('requires a reason when progress falls, and only then', () => {
    const at100 = historyTo('IN_PROGRESS');
    givenFinding(at100)
      .when(checkIn({ percent: 80 }), at(unitOfficer))
      .thenFails('VALIDATION_FAILED', { fields: { decreaseReason: expect.stringContaining('100% to 80%') } });
    givenFinding(at100)
      .when(checkIn({ percent: 80, decreaseReason: '发现两次学习记录不完整，需补学' }), at(unitOfficer))
      .thenEmits([expect.objectContaining({ data: expect.objectContaining({ percent: 80, decreaseReason: '发现两次学习记录不完整，需补学' }) })]);
    givenFinding(at100)
      .when(checkIn({ percent: 100, decreaseReason: '无' }), at(unitOfficer))
      .thenFails('VALIDATION_FAILED', { fields: { decreaseReason: 'only given when progress falls' } });
  });

  it('treats blank optional text from a form as not given', () => {
    givenFinding(historyTo('IN_PROGRESS'))
      .when(checkIn({ percent: 100, decreaseReason: '  ', effectiveAt: '' }), at(unitOfficer))
      .thenEmits([expect.objectContaining({ data: expect.objectContaining({ decreaseReason: null, effectiveAt: null }) })]);
    givenFinding(historyTo('IN_PROGRESS'))
      .when({ type: 'SubmitForSignOff', note: '' }, at(unitOfficer))
      .thenEmits([{ type: 'RectificationSubmitted', data: { findingId: FINDING_ID, note: null, submittedAt: NOW } }]);
  });

  it.each([
    [{ percent: 101 }, 'percent'],
    [{ percent: 12.5 }, 'percent'],
    [{ narrative: '' }, 'narrative'],
    [{ evidence: ['ABC'] }, 'evidence.0'],
    [{ evidence: [EVIDENCE[0].toUpperCase()] }, 'evidence.0'],
    [{ evidence: [EVIDENCE[0], EVIDENCE[0]] }, 'evidence'],
    [{ effectiveAt: '2026-03-10' }, 'effectiveAt'],
  ])('refuses %j (field %s)', (overrides, field) => {
    const error = givenFinding(historyTo('PLAN_SUBMITTED')).when(checkIn(overrides), at(unitOfficer)).thenFails('VALIDATION_FAILED');
    expect(Object.keys((error.details as { fields: object }).fields)).toEqual([field]);
  });
});

describe('Finding: submission and reviews', () => {
  it('submits a complete rectification with evidence', () => {
    const state = givenFinding(historyTo('IN_PROGRESS'))
      .when({ type: 'SubmitForSignOff', note: '请审核' }, at(unitOfficer))
      .thenEmits([{ type: 'RectificationSubmitted', data: { findingId: FINDING_ID, note: '请审核', submittedAt: NOW } }]);
    expect(state).toMatchObject({ status: 'SUBMITTED', submittedAt: NOW });
  });

  it('refuses submission before the latest check-in reports 100%', () => {
    const history = after(historyTo('PLAN_SUBMITTED'), { type: 'CheckInProgress', percent: 90, narrative: '基本完成', evidence: [EVIDENCE[0]] }, unitOfficer);
    const error = givenFinding(history)
      .when({ type: 'SubmitForSignOff' }, at(unitOfficer))
      .thenFails('INVALID_STATE', { currentState: 'IN_PROGRESS', command: 'SubmitForSignOff' });
    expect(error.message).toContain('100%');
    expect(error.userMessage).toBe('当前状态为「整改中」，最近一次进展未达到100%，不能申请销号');
  });

  it('refuses submission without any evidence', () => {
    const history = after(historyTo('PLAN_SUBMITTED'), { type: 'CheckInProgress', percent: 100, narrative: '已完成', evidence: [] }, unitOfficer);
    const error = givenFinding(history).when({ type: 'SubmitForSignOff' }, at(unitOfficer)).thenFails('INVALID_STATE');
    expect(error.message).toContain('no evidence');
    expect(error.userMessage).toContain('尚未上传整改佐证材料');
  });

  it('passes the district review', () => {
    const state = givenFinding(historyTo('SUBMITTED'))
      .when({ type: 'PassDistrictReview', comment: '同意' }, at(districtAdmin))
      .thenEmits([{ type: 'DistrictReviewPassed', data: { findingId: FINDING_ID, comment: '同意', passedAt: NOW } }]);
    expect(state).toMatchObject({ status: 'DISTRICT_REVIEW_PASSED', districtReviewPassedAt: NOW });
  });

  it('sends the rectification back from the district review, and wants a new check-in before resubmission', () => {
    const history = historyTo('SUBMITTED');
    const state = givenFinding(history)
      .when({ type: 'RejectDistrictReview', reason: '佐证材料不完整' }, at(districtAdmin))
      .thenEmits([{ type: 'DistrictReviewRejected', data: { findingId: FINDING_ID, reason: '佐证材料不完整', rejectedAt: NOW } }]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      submittedAt: null,
      checkInDueBeforeSubmission: true,
      lastRejection: { by: 'DISTRICT', reason: '佐证材料不完整', rejectedAt: NOW },
    });
    const rejected = after(history, { type: 'RejectDistrictReview', reason: '佐证材料不完整' }, districtAdmin);
    const error = givenFinding(rejected).when({ type: 'SubmitForSignOff' }, at(unitOfficer)).thenFails('INVALID_STATE');
    expect(error.userMessage).toContain('退回或重新打开后尚未提交新的整改进展');
    const reported = after(rejected, { type: 'CheckInProgress', percent: 100, narrative: '已补充材料', evidence: [EVIDENCE[1]] }, unitOfficer);
    givenFinding(reported).when({ type: 'SubmitForSignOff' }, at(unitOfficer)).thenEmits([expect.objectContaining({ type: 'RectificationSubmitted' })]);
  });

  it('signs off (销号) by the city', () => {
    const state = givenFinding(historyTo('DISTRICT_REVIEW_PASSED'))
      .when({ type: 'SignOffFinding' }, at(cityInspector))
      .thenEmits([{ type: 'FindingVerified', data: { findingId: FINDING_ID, comment: null, verifiedAt: NOW } }]);
    expect(state).toMatchObject({ status: 'VERIFIED', verifiedAt: NOW });
  });

  it('sends the rectification back from the city', () => {
    const state = givenFinding(historyTo('DISTRICT_REVIEW_PASSED'))
      .when({ type: 'RejectSignOff', reason: '整改不彻底' }, at(cityInspector))
      .thenEmits([{ type: 'SignOffRejected', data: { findingId: FINDING_ID, reason: '整改不彻底', rejectedAt: NOW } }]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      submittedAt: null,
      districtReviewPassedAt: null,
      lastRejection: { by: 'CITY', reason: '整改不彻底' },
    });
  });

  it('keeps each review step with its level', () => {
    givenFinding(historyTo('SUBMITTED')).when({ type: 'PassDistrictReview' }, at(cityInspector)).thenFails('NOT_ALLOWED');
    givenFinding(historyTo('SUBMITTED')).when({ type: 'PassDistrictReview' }, at(unitOfficer)).thenFails('NOT_ALLOWED');
    givenFinding(historyTo('DISTRICT_REVIEW_PASSED')).when({ type: 'SignOffFinding' }, at(districtAdmin)).thenFails('NOT_ALLOWED');
    const error = givenFinding(historyTo('DISTRICT_REVIEW_PASSED'))
      .when({ type: 'RejectSignOff', reason: 'x' }, at(districtAdmin))
      .thenFails('NOT_ALLOWED');
    expect(error.userMessage).toBe('您无权退回整改（市级审核）');
  });
});

describe('Finding: deadline extensions', () => {
  const request: FindingCommand = { type: 'RequestExtension', requestedDeadline: '2026-04-30', reason: '需等待上级文件' };
  const withPending = () => after(historyTo('IN_PROGRESS'), request, unitOfficer);

  it('records a request for a later deadline as pending', () => {
    const state = givenFinding(historyTo('IN_PROGRESS'))
      .when(request, at(unitOfficer))
      .thenEmits([
        {
          type: 'ExtensionRequested',
          data: {
            findingId: FINDING_ID,
            currentDeadline: DEADLINE,
            requestedDeadline: '2026-04-30',
            reason: '需等待上级文件',
            requestedAt: NOW,
          },
        },
      ]);
    expect(state).toMatchObject({ deadline: DEADLINE, pendingExtension: { requestedDeadline: '2026-04-30' } });
  });

  it('refuses a requested deadline that is not later than the current one', () => {
    givenFinding(historyTo('IN_PROGRESS'))
      .when({ ...request, requestedDeadline: DEADLINE }, at(unitOfficer))
      .thenFails('VALIDATION_FAILED', { fields: { requestedDeadline: expect.stringContaining(DEADLINE) } });
  });

  it('allows only one pending request at a time', () => {
    const error = givenFinding(withPending()).when(request, at(unitOfficer)).thenFails('INVALID_STATE');
    expect(error.userMessage).toBe('当前状态为「整改中」，已有待审批的延期申请，不能申请延期');
  });

  it('moves the deadline when the extension is approved', () => {
    const state = givenFinding(withPending())
      .when({ type: 'ApproveExtension' }, at(cityInspector))
      .thenEmits([
        {
          type: 'ExtensionApproved',
          data: { findingId: FINDING_ID, previousDeadline: DEADLINE, deadline: '2026-04-30', comment: null, approvedAt: NOW },
        },
      ]);
    expect(state).toMatchObject({ deadline: '2026-04-30', originalDeadline: DEADLINE, pendingExtension: null, approvedExtensionCount: 1 });
  });

  it('keeps the deadline when the extension is refused', () => {
    const state = givenFinding(withPending())
      .when({ type: 'RefuseExtension', reason: '理由不充分' }, at(districtAdmin))
      .thenEmits([
        { type: 'ExtensionRefused', data: { findingId: FINDING_ID, requestedDeadline: '2026-04-30', reason: '理由不充分', refusedAt: NOW } },
      ]);
    expect(state).toMatchObject({ deadline: DEADLINE, pendingExtension: null });
  });

  it('refuses to decide on an extension nobody requested', () => {
    givenFinding(historyTo('IN_PROGRESS')).when({ type: 'ApproveExtension' }, at(cityInspector)).thenFails('INVALID_STATE');
    givenFinding(historyTo('IN_PROGRESS')).when({ type: 'RefuseExtension', reason: 'x' }, at(cityInspector)).thenFails('INVALID_STATE');
  });

  it('does not let the unit approve its own extension', () => {
    givenFinding(withPending()).when({ type: 'ApproveExtension' }, at(unitOfficer)).thenFails('NOT_ALLOWED');
  });

  it('drops a pending request when the finding is withdrawn', () => {
    const state = givenFinding(withPending())
      .when({ type: 'WithdrawFinding', reason: '重复登记' }, at(districtAdmin))
      .thenEmits([{ type: 'FindingWithdrawn', data: { findingId: FINDING_ID, reason: '重复登记', withdrawnAt: NOW } }]);
    expect(state).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: NOW, withdrawalReason: '重复登记', pendingExtension: null });
  });
});

describe('Finding: reassignment', () => {
  it('moves the finding to another unit and keeps the history', () => {
    const state = givenFinding(historyTo('IN_PROGRESS'))
      .when({ type: 'ReassignFinding', toUnitId: OTHER_UNIT_ID, reason: '职责调整' }, at(districtAdmin))
      .thenEmits([
        {
          type: 'FindingReassigned',
          data: { findingId: FINDING_ID, fromUnitId: UNIT_ID, toUnitId: OTHER_UNIT_ID, reason: '职责调整', reassignedAt: NOW },
        },
      ]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      unitId: OTHER_UNIT_ID,
      reassignments: [{ fromUnitId: UNIT_ID, toUnitId: OTHER_UNIT_ID, reason: '职责调整', reassignedAt: NOW }],
    });
  });

  it('hands the finding to the new unit only', () => {
    const history = after(historyTo('PLAN_SUBMITTED'), { type: 'ReassignFinding', toUnitId: OTHER_UNIT_ID, reason: '职责调整' }, districtAdmin);
    const checkIn: FindingCommand = { type: 'CheckInProgress', percent: 10, narrative: '已启动', evidence: [] };
    givenFinding(history).when(checkIn, at(unitOfficer)).thenFails('NOT_ALLOWED');
    givenFinding(history).when(checkIn, at(otherUnitOfficer)).thenEmits([expect.objectContaining({ type: 'ProgressCheckedIn' })]);
  });

  it('refuses to reassign to the same unit', () => {
    givenFinding(historyTo('RECORDED'))
      .when({ type: 'ReassignFinding', toUnitId: UNIT_ID, reason: '职责调整' }, at(districtAdmin))
      .thenFails('VALIDATION_FAILED', { fields: { toUnitId: expect.any(String) } });
  });
});

describe('Finding: reopening by a follow-up inspection', () => {
  const reopen: ReopenFinding = {
    type: 'ReopenFinding',
    followUpInspection: { inspectionId: FOLLOW_UP_ID, kind: 'FOLLOW_UP', status: 'IN_PROGRESS' },
    reason: '回头看发现学习制度仍未落实',
    deadline: '2026-05-31',
  };

  it('reopens a verified finding with a fresh deadline', () => {
    const state = givenFinding(historyTo('VERIFIED'))
      .when(reopen, at(cityInspector))
      .thenEmits([
        {
          type: 'FindingReopened',
          data: {
            findingId: FINDING_ID,
            followUpInspectionId: FOLLOW_UP_ID,
            reason: '回头看发现学习制度仍未落实',
            deadline: '2026-05-31',
            reopenedAt: NOW,
          },
        },
      ]);
    expect(state).toMatchObject({
      status: 'IN_PROGRESS',
      deadline: '2026-05-31',
      verifiedAt: null,
      submittedAt: null,
      districtReviewPassedAt: null,
      reopenedAt: NOW,
      reopenCount: 1,
      checkInDueBeforeSubmission: true,
    });
  });

  it('accepts only a follow-up inspection that is under way', () => {
    givenFinding(historyTo('VERIFIED'))
      .when({ ...reopen, followUpInspection: { ...reopen.followUpInspection, kind: 'PATROL' } }, at(cityInspector))
      .thenFails('VALIDATION_FAILED', { fields: { 'followUpInspection.kind': expect.any(String) } });
    givenFinding(historyTo('VERIFIED'))
      .when({ ...reopen, followUpInspection: { ...reopen.followUpInspection, status: 'CLOSED' } }, at(cityInspector))
      .thenFails('INVALID_STATE', { currentState: 'CLOSED', command: 'ReopenFinding' });
  });

  it('refuses a fresh deadline that has already passed', () => {
    givenFinding(historyTo('VERIFIED'))
      .when({ ...reopen, deadline: '2026-03-01' }, at(cityInspector))
      .thenFails('VALIDATION_FAILED', { fields: { deadline: 'the deadline has already passed' } });
  });
});

describe('Finding: transitions refused by state', () => {
  const samples: Record<Exclude<FindingCommandType, 'RecordFinding' | 'IssueDueWarnings'>, [FindingCommand, Actor]> = {
    SubmitRectificationPlan: [submitPlan, unitOfficer],
    CheckInProgress: [{ type: 'CheckInProgress', percent: 100, narrative: '完成', evidence: [] }, unitOfficer],
    SubmitForSignOff: [{ type: 'SubmitForSignOff' }, unitOfficer],
    PassDistrictReview: [{ type: 'PassDistrictReview' }, districtAdmin],
    RejectDistrictReview: [{ type: 'RejectDistrictReview', reason: '不合格' }, districtAdmin],
    SignOffFinding: [{ type: 'SignOffFinding' }, cityInspector],
    RejectSignOff: [{ type: 'RejectSignOff', reason: '不合格' }, cityInspector],
    RequestExtension: [{ type: 'RequestExtension', requestedDeadline: '2026-06-30', reason: '客观原因' }, unitOfficer],
    ApproveExtension: [{ type: 'ApproveExtension' }, cityInspector],
    RefuseExtension: [{ type: 'RefuseExtension', reason: '不同意' }, cityInspector],
    ReassignFinding: [{ type: 'ReassignFinding', toUnitId: OTHER_UNIT_ID, reason: '调整' }, districtAdmin],
    WithdrawFinding: [{ type: 'WithdrawFinding', reason: '撤销' }, districtAdmin],
    ReopenFinding: [
      {
        type: 'ReopenFinding',
        followUpInspection: { inspectionId: FOLLOW_UP_ID, kind: 'FOLLOW_UP', status: 'IN_PROGRESS' },
        reason: '回头看',
        deadline: '2026-06-30',
      },
      cityInspector,
    ],
  };
  const open: FindingStatus[] = ['RECORDED', 'PLAN_SUBMITTED', 'IN_PROGRESS', 'SUBMITTED', 'DISTRICT_REVIEW_PASSED'];
  /** The lifecycle as the issue describes it, written out independently of the decider's table. */
  const allowedFrom: Record<keyof typeof samples, FindingStatus[]> = {
    SubmitRectificationPlan: ['RECORDED', 'PLAN_SUBMITTED'],
    CheckInProgress: ['PLAN_SUBMITTED', 'IN_PROGRESS'],
    SubmitForSignOff: ['IN_PROGRESS'],
    PassDistrictReview: ['SUBMITTED'],
    RejectDistrictReview: ['SUBMITTED'],
    SignOffFinding: ['DISTRICT_REVIEW_PASSED'],
    RejectSignOff: ['DISTRICT_REVIEW_PASSED'],
    RequestExtension: open,
    ApproveExtension: open,
    RefuseExtension: open,
    ReassignFinding: open,
    WithdrawFinding: open,
    ReopenFinding: ['VERIFIED'],
  };
  const cases = Object.entries(samples).flatMap(([type, [command, actor]]) =>
    FINDING_STATUSES.map((status) => ({ type, status, command, actor, allowed: allowedFrom[type as keyof typeof samples].includes(status) })),
  );

  it.each(cases.filter((c) => !c.allowed))('refuses $type when $status', ({ command, actor, status, type }) => {
    const error = givenFinding(historyTo(status)).when(command, at(actor)).thenFails('INVALID_STATE', { currentState: status, command: type });
    expect(error.message).toContain(status);
    expect(error.userMessage).toMatch(/^当前状态为「.+」，.*不能/);
  });

  /** Deciding on an extension also needs a pending request, which only an open finding can have. */
  const historyFor = (type: string, status: FindingStatus) => {
    const history = historyTo(status);
    if (type !== 'ApproveExtension' && type !== 'RefuseExtension') return history;
    const [request, requester] = samples.RequestExtension;
    return after(history, request, requester);
  };

  it.each(cases.filter((c) => c.allowed))('accepts $type when $status', ({ type, command, actor, status }) => {
    const emitted = findingDecider.decide(givenFinding(historyFor(type, status)).state, command, at(actor));
    expect(emitted).toHaveLength(1);
  });
});

describe('Finding: who may act', () => {
  it.each(['auditor', 'platform_admin'] as const)('refuses every command from a %s', (role) => {
    givenFinding(historyTo('IN_PROGRESS')).when({ type: 'SubmitForSignOff' }, at(actorFor(role))).thenFails('NOT_ALLOWED');
    givenFinding(historyTo('IN_PROGRESS')).when({ type: 'IssueDueWarnings' }, at(actorFor(role))).thenFails('NOT_ALLOWED');
  });

  it('lets the scheduler issue warnings but nothing else', () => {
    givenFinding(historyTo('IN_PROGRESS')).when({ type: 'WithdrawFinding', reason: 'x' }, at(scheduler)).thenFails('NOT_ALLOWED');
    givenFinding(historyTo('IN_PROGRESS')).when({ type: 'IssueDueWarnings' }, at(scheduler, daysAfterT0(10))).thenEmits([
      expect.objectContaining({ type: 'WarningIssued' }),
    ]);
  });
});
