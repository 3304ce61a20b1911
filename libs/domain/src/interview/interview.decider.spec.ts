import type { InterviewEvent } from '@zeren/events';
import { actorFor, contextFor, given, play } from '../shared/decider-spec';
import { fold, type Actor } from '../shared/decider';
import {
  interviewDecider,
  type InterviewCommand,
  type InterviewStatus,
  type RecordInterviewHeld,
  type ScheduleInterview,
} from './interview.decider';
import { isCommitmentOverdue, isNamedInInterview, overdueCommitments } from './interview.rules';

const INTERVIEW_ID = 'a0000000-0000-4000-8000-000000000101';
const INTERVIEWER_ID = 'a0000000-0000-4000-8000-000000000102';
const INTERVIEWEE_ID = 'a0000000-0000-4000-8000-000000000103';
const UNIT_ID = 'b0000000-0000-4000-8000-000000000001';
const FINDING_ID = 'f0000000-0000-4000-8000-000000000001';
const COMMITMENT_IDS = ['a0000000-0000-4000-8000-000000000201', 'a0000000-0000-4000-8000-000000000202'] as const;
const NOW = '2026-03-02T02:00:00.000Z';
const LATER = '2026-03-12T02:00:00.000Z';
const city = actorFor('city_inspector');
const at = (actor: Actor = city, now = NOW) => contextFor(actor, now);

const schedule: ScheduleInterview = {
  type: 'ScheduleInterview',
  interviewId: INTERVIEW_ID,
  kind: 'ADMONITION',
  interviewerIds: [INTERVIEWER_ID],
  interviewees: [{ personId: INTERVIEWEE_ID, name: '赵刚', unitId: UNIT_ID }],
  reason: '整改进度严重滞后',
  findingIds: [FINDING_ID],
  scheduledAt: '2026-03-10T01:30:00.000Z',
  place: '区委第三会议室',
  confidential: true,
};
const hold: RecordInterviewHeld = {
  type: 'RecordInterviewHeld',
  minutes: '指出问题，提出要求，被约谈人作出表态。',
  commitments: [
    { commitmentId: COMMITMENT_IDS[0], text: '3月底前完成全部整改', dueDate: '2026-03-31' },
    { commitmentId: COMMITMENT_IDS[1], text: '每周报送整改进展', dueDate: '2026-03-20' },
  ],
};

const historyTo = (status: InterviewStatus): InterviewEvent[] => {
  const steps: Record<InterviewStatus, InterviewCommand[]> = {
    SCHEDULED: [schedule],
    HELD: [schedule, hold],
    CANCELLED: [schedule, { type: 'CancelInterview', reason: '被约谈人已调离' }],
  };
  return play(interviewDecider, steps[status].map((command) => [command, at(city, LATER)] as const));
};

describe('Interview (约谈)', () => {
  it('schedules an interview with named people and linked findings', () => {
    const { type: _type, ...data } = schedule;
    const state = given(interviewDecider).when(schedule, at()).thenEmits([{ type: 'InterviewScheduled', data }]);
    expect(state).toMatchObject({ status: 'SCHEDULED', confidential: true, findingIds: [FINDING_ID], rescheduleCount: 0, commitments: [] });
  });

  it('refuses schedules without interviewers or interviewees, or naming someone twice', () => {
    const error = given(interviewDecider)
      .when({ ...schedule, interviewerIds: [], interviewees: [schedule.interviewees[0]!, schedule.interviewees[0]!] }, at())
      .thenFails('VALIDATION_FAILED');
    expect(Object.keys((error.details as { fields: object }).fields).sort()).toEqual(['interviewees', 'interviewerIds']);
  });

  it('reschedules, keeping the previous time in the event', () => {
    const state = given(interviewDecider, historyTo('SCHEDULED'))
      .when({ type: 'RescheduleInterview', scheduledAt: '2026-03-11T01:30:00.000Z', reason: '会议冲突' }, at())
      .thenEmits([
        {
          type: 'InterviewRescheduled',
          data: {
            interviewId: INTERVIEW_ID,
            previousScheduledAt: '2026-03-10T01:30:00.000Z',
            scheduledAt: '2026-03-11T01:30:00.000Z',
            place: '区委第三会议室',
            reason: '会议冲突',
          },
        },
      ]);
    expect(state).toMatchObject({ scheduledAt: '2026-03-11T01:30:00.000Z', rescheduleCount: 1 });
    given(interviewDecider, historyTo('SCHEDULED'))
      .when({ type: 'RescheduleInterview', scheduledAt: schedule.scheduledAt, reason: '无变化' }, at())
      .thenFails('VALIDATION_FAILED', { fields: { scheduledAt: expect.any(String) } });
  });

  it('records the interview as held, with minutes and commitments', () => {
    const state = given(interviewDecider, historyTo('SCHEDULED'))
      .when(hold, at(city, LATER))
      .thenEmits([{ type: 'InterviewHeld', data: { interviewId: INTERVIEW_ID, heldAt: LATER, minutes: '指出问题，提出要求，被约谈人作出表态。', commitments: hold.commitments } }]);
    expect(state).toMatchObject({ status: 'HELD', heldAt: LATER, commitments: [{ fulfilledAt: null }, { fulfilledAt: null }] });
  });

  it('refuses a held time in the future and commitments due before the interview', () => {
    given(interviewDecider, historyTo('SCHEDULED'))
      .when({ ...hold, heldAt: '2026-03-12T03:00:00.000Z' }, at(city, LATER))
      .thenFails('VALIDATION_FAILED', { fields: { heldAt: 'must not be in the future' } });
    given(interviewDecider, historyTo('SCHEDULED'))
      .when({ type: 'RecordInterviewHeld', minutes: '纪要', commitments: [{ commitmentId: COMMITMENT_IDS[0], text: '整改', dueDate: '2026-03-11' }] }, at(city, LATER))
      .thenFails('VALIDATION_FAILED', { fields: { 'commitments.0.dueDate': expect.any(String) } });
  });

  it('tracks a commitment to fulfilment, once', () => {
    const fulfil: InterviewCommand = { type: 'FulfilCommitment', commitmentId: COMMITMENT_IDS[1], note: '已按周报送' };
    const state = given(interviewDecider, historyTo('HELD'))
      .when(fulfil, at(city, LATER))
      .thenEmits([{ type: 'CommitmentFulfilled', data: { interviewId: INTERVIEW_ID, commitmentId: COMMITMENT_IDS[1], note: '已按周报送', fulfilledAt: LATER } }]);
    expect(state).toMatchObject({ commitments: [{ fulfilledAt: null }, { fulfilledAt: LATER, fulfilmentNote: '已按周报送' }] });
    const fulfilled = play(interviewDecider, [[fulfil, at(city, LATER)]], historyTo('HELD'));
    const error = given(interviewDecider, fulfilled).when(fulfil, at(city, LATER)).thenFails('INVALID_STATE', { currentState: 'HELD' });
    expect(error.userMessage).toContain('该承诺已确认落实');
    given(interviewDecider, historyTo('HELD'))
      .when({ ...fulfil, commitmentId: INTERVIEW_ID }, at(city, LATER))
      .thenFails('VALIDATION_FAILED', { fields: { commitmentId: expect.any(String) } });
  });

  it('cancels a scheduled interview', () => {
    const state = given(interviewDecider, historyTo('SCHEDULED'))
      .when({ type: 'CancelInterview', reason: '被约谈人已调离' }, at())
      .thenEmits([{ type: 'InterviewCancelled', data: { interviewId: INTERVIEW_ID, reason: '被约谈人已调离', cancelledAt: NOW } }]);
    expect(state).toMatchObject({ status: 'CANCELLED', cancellationReason: '被约谈人已调离' });
  });

  const samples: Record<Exclude<InterviewCommand['type'], 'ScheduleInterview'>, [InterviewCommand, InterviewStatus[]]> = {
    RescheduleInterview: [{ type: 'RescheduleInterview', scheduledAt: '2026-03-20T01:30:00.000Z', reason: '调整' }, ['HELD', 'CANCELLED']],
    RecordInterviewHeld: [hold, ['HELD', 'CANCELLED']],
    FulfilCommitment: [{ type: 'FulfilCommitment', commitmentId: COMMITMENT_IDS[0], note: '完成' }, ['SCHEDULED', 'CANCELLED']],
    CancelInterview: [{ type: 'CancelInterview', reason: '取消' }, ['HELD', 'CANCELLED']],
  };
  it.each(Object.entries(samples).flatMap(([type, [command, refusedIn]]) => refusedIn.map((status) => ({ type, status, command }))))(
    'refuses $type when $status',
    ({ type, status, command }) => {
      given(interviewDecider, historyTo(status)).when(command, at(city, LATER)).thenFails('INVALID_STATE', { currentState: status, command: type });
    },
  );

  it('answers NOT_FOUND before scheduling, and refuses a second schedule', () => {
    given(interviewDecider).when({ type: 'CancelInterview', reason: 'x' }, at()).thenFails('NOT_FOUND');
    given(interviewDecider, historyTo('SCHEDULED')).when(schedule, at()).thenFails('INVALID_STATE', { currentState: 'SCHEDULED' });
  });

  it.each(['unit_officer', 'auditor', 'platform_admin', 'service'] as const)('is conducted by the city or district office, not a %s', (role) => {
    given(interviewDecider).when(schedule, at(actorFor(role))).thenFails('NOT_ALLOWED');
  });

  it('lets an API token that may act conduct interviews as the office of its scope, and never a read-only one', () => {
    const districtToken = actorFor('service', { readOnly: false, operations: ['schedule'] });
    const cityToken = actorFor('service', { tenantId: null, readOnly: false, operations: ['schedule'] });
    given(interviewDecider).when(schedule, at(districtToken)).thenEmits([expect.objectContaining({ type: 'InterviewScheduled' })]);
    given(interviewDecider).when(schedule, at(cityToken)).thenEmits([expect.objectContaining({ type: 'InterviewScheduled' })]);
    given(interviewDecider).when(schedule, at({ ...districtToken, readOnly: true, operations: [] })).thenFails('NOT_ALLOWED');
  });

  it('lets a district office conduct interviews too', () => {
    given(interviewDecider).when(schedule, at(actorFor('district_admin'))).thenEmits([expect.objectContaining({ type: 'InterviewScheduled' })]);
  });
});

describe('Interview rules', () => {
  const held = fold(interviewDecider, historyTo('HELD'));

  it('derives overdue commitments: due date passed (China time) and not fulfilled', () => {
    expect(overdueCommitments(held, new Date('2026-03-20T15:59:59.000Z'))).toEqual([]);
    expect(overdueCommitments(held, new Date('2026-03-20T16:00:00.000Z')).map((c) => c.commitmentId)).toEqual([COMMITMENT_IDS[1]]);
    const fulfilled = fold(interviewDecider, play(interviewDecider, [[{ type: 'FulfilCommitment', commitmentId: COMMITMENT_IDS[1], note: '已报送' }, at(city, LATER)]], historyTo('HELD')));
    expect(overdueCommitments(fulfilled, new Date('2026-04-05T00:00:00.000Z')).map((c) => c.commitmentId)).toEqual([COMMITMENT_IDS[0]]);
    expect(overdueCommitments(interviewDecider.initialState(), new Date(LATER))).toEqual([]);
  });

  it('judges a single commitment', () => {
    const commitment = { commitmentId: COMMITMENT_IDS[0], text: 't', dueDate: '2026-03-31', fulfilledAt: null, fulfilmentNote: null };
    expect(isCommitmentOverdue(commitment, new Date('2026-04-01T00:00:00.000Z'))).toBe(true);
    expect(isCommitmentOverdue({ ...commitment, fulfilledAt: LATER }, new Date('2026-04-01T00:00:00.000Z'))).toBe(false);
  });

  it('knows who is named in a (confidential) interview', () => {
    expect(isNamedInInterview(held, INTERVIEWER_ID)).toBe(true);
    expect(isNamedInInterview(held, INTERVIEWEE_ID)).toBe(true);
    expect(isNamedInInterview(held, FINDING_ID)).toBe(false);
    expect(isNamedInInterview(interviewDecider.initialState(), INTERVIEWER_ID)).toBe(false);
  });
});
