import {
  CommitmentFulfilledV1,
  InterviewCancelledV1,
  InterviewHeldV1,
  InterviewRescheduledV1,
  InterviewScheduledV1,
  type InterviewEvent,
  type InterviewKind,
} from '@zeren/events';
import { actingContext } from '../abilities/actor';
import { chinaDateOf } from '../shared/china-time';
import { CommandGuard, type NotCreated } from '../shared/command-guard';
import { createEvent, optionalText } from '../shared/create-event';
import type { Decider, DecisionContext, Role } from '../shared/decider';
import { assertValid } from '../shared/domain-error';

export type InterviewStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED';

export interface Interviewee {
  personId: string;
  name: string;
  unitId: string;
}

export interface Commitment {
  commitmentId: string;
  text: string;
  dueDate: string;
  fulfilledAt: string | null;
  fulfilmentNote: string | null;
}

export interface ExistingInterview {
  status: InterviewStatus;
  version: number;
  interviewId: string;
  kind: InterviewKind;
  interviewerIds: string[];
  interviewees: Interviewee[];
  reason: string;
  findingIds: string[];
  scheduledAt: string;
  place: string;
  confidential: boolean;
  rescheduleCount: number;
  heldAt: string | null;
  minutes: string | null;
  commitments: Commitment[];
  cancelledAt: string | null;
  cancellationReason: string | null;
}

export type InterviewState = NotCreated | ExistingInterview;

export interface ScheduleInterview {
  type: 'ScheduleInterview';
  interviewId: string;
  kind: InterviewKind;
  interviewerIds: string[];
  interviewees: Interviewee[];
  reason: string;
  findingIds: string[];
  scheduledAt: string;
  place: string;
  confidential: boolean;
}
export interface RescheduleInterview {
  type: 'RescheduleInterview';
  scheduledAt: string;
  /** Defaults to the current place. */
  place?: string | null;
  reason: string;
}
export interface RecordInterviewHeld {
  type: 'RecordInterviewHeld';
  /** When it was held, if not now. */
  heldAt?: string | null;
  minutes: string;
  commitments: Array<{ commitmentId: string; text: string; dueDate: string }>;
}
export interface FulfilCommitment {
  type: 'FulfilCommitment';
  commitmentId: string;
  note: string;
}
export interface CancelInterview {
  type: 'CancelInterview';
  reason: string;
}

export type InterviewCommand =
  | ScheduleInterview
  | RescheduleInterview
  | RecordInterviewHeld
  | FulfilCommitment
  | CancelInterview;

/** 约谈 are conducted by the city or district office; units are on the receiving end. */
export const INTERVIEW_COMMAND_ROLES: Record<InterviewCommand['type'], readonly Role[]> = {
  ScheduleInterview: ['city_inspector', 'district_admin'],
  RescheduleInterview: ['city_inspector', 'district_admin'],
  RecordInterviewHeld: ['city_inspector', 'district_admin'],
  FulfilCommitment: ['city_inspector', 'district_admin'],
  CancelInterview: ['city_inspector', 'district_admin'],
};

const guard = new CommandGuard<InterviewStatus, InterviewCommand['type']>({
  aggregate: 'Interview',
  states: { NONE: '未安排', SCHEDULED: '已安排', HELD: '已谈话', CANCELLED: '已取消' },
  commands: {
    ScheduleInterview: '安排约谈',
    RescheduleInterview: '调整约谈时间',
    RecordInterviewHeld: '记录约谈情况',
    FulfilCommitment: '确认整改承诺已落实',
    CancelInterview: '取消约谈',
  },
});

function decide(state: InterviewState, command: InterviewCommand, given: DecisionContext): InterviewEvent[] {
  const context = actingContext(given);
  guard.requireRole(context, INTERVIEW_COMMAND_ROLES[command.type], command.type);
  if (command.type === 'ScheduleInterview') {
    guard.requireState(state.status, ['NONE'], command.type);
    const { type: _type, ...scheduled } = command;
    return [createEvent(InterviewScheduledV1, scheduled)];
  }

  const interview = guard.existing(state, command.type);
  const { interviewId } = interview;
  const at = context.now.toISOString();
  switch (command.type) {
    case 'RescheduleInterview': {
      guard.requireState(interview.status, ['SCHEDULED'], command.type);
      const event = createEvent(InterviewRescheduledV1, {
        interviewId,
        previousScheduledAt: interview.scheduledAt,
        scheduledAt: command.scheduledAt,
        place: optionalText(command.place) ?? interview.place,
        reason: command.reason,
      });
      assertValid([
        [
          'scheduledAt',
          event.data.scheduledAt !== interview.scheduledAt || event.data.place !== interview.place,
          'neither the time nor the place changes',
        ],
      ]);
      return [event];
    }
    case 'RecordInterviewHeld': {
      guard.requireState(interview.status, ['SCHEDULED'], command.type);
      const event = createEvent(InterviewHeldV1, {
        interviewId,
        heldAt: optionalText(command.heldAt) ?? at,
        minutes: command.minutes,
        commitments: command.commitments,
      });
      const heldAt = new Date(event.data.heldAt);
      const heldOn = chinaDateOf(heldAt);
      assertValid([
        ['heldAt', heldAt.getTime() <= context.now.getTime(), 'must not be in the future'],
        ...event.data.commitments.map(
          (commitment, index) =>
            [`commitments.${index}.dueDate`, commitment.dueDate >= heldOn, 'must not be before the interview'] as const,
        ),
      ]);
      return [event];
    }
    case 'FulfilCommitment': {
      guard.requireState(interview.status, ['HELD'], command.type);
      const commitment = interview.commitments.find((candidate) => candidate.commitmentId === command.commitmentId);
      assertValid([['commitmentId', commitment !== undefined, 'no such commitment in this interview']]);
      if (commitment?.fulfilledAt) {
        throw guard.invalidState(interview.status, command.type, {
          message: `commitment ${command.commitmentId} is already fulfilled`,
          userMessage: '该承诺已确认落实',
        });
      }
      return [
        createEvent(CommitmentFulfilledV1, {
          interviewId,
          commitmentId: command.commitmentId,
          note: command.note,
          fulfilledAt: at,
        }),
      ];
    }
    case 'CancelInterview':
      guard.requireState(interview.status, ['SCHEDULED'], command.type);
      return [createEvent(InterviewCancelledV1, { interviewId, reason: command.reason, cancelledAt: at })];
  }
}

function evolve(state: InterviewState, event: InterviewEvent): InterviewState {
  const version = state.version + 1;
  if (event.type === 'InterviewScheduled') {
    return {
      status: 'SCHEDULED',
      version,
      ...event.data,
      rescheduleCount: 0,
      heldAt: null,
      minutes: null,
      commitments: [],
      cancelledAt: null,
      cancellationReason: null,
    };
  }
  if (state.status === 'NONE') return { ...state, version };
  switch (event.type) {
    case 'InterviewRescheduled':
      return {
        ...state,
        version,
        scheduledAt: event.data.scheduledAt,
        place: event.data.place,
        rescheduleCount: state.rescheduleCount + 1,
      };
    case 'InterviewHeld':
      return {
        ...state,
        version,
        status: 'HELD',
        heldAt: event.data.heldAt,
        minutes: event.data.minutes,
        commitments: event.data.commitments.map((commitment) => ({
          ...commitment,
          fulfilledAt: null,
          fulfilmentNote: null,
        })),
      };
    case 'CommitmentFulfilled':
      return {
        ...state,
        version,
        commitments: state.commitments.map((commitment) =>
          commitment.commitmentId === event.data.commitmentId
            ? { ...commitment, fulfilledAt: event.data.fulfilledAt, fulfilmentNote: event.data.note }
            : commitment,
        ),
      };
    case 'InterviewCancelled':
      return {
        ...state,
        version,
        status: 'CANCELLED',
        cancelledAt: event.data.cancelledAt,
        cancellationReason: event.data.reason,
      };
  }
}

export const interviewDecider: Decider<InterviewState, InterviewCommand, InterviewEvent> = {
  initialState: () => ({ status: 'NONE', version: 0 }),
  decide,
  evolve,
};
