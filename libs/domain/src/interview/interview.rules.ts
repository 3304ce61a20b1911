import { isOverdue } from '../shared/china-time';
import type { Commitment, InterviewState } from './interview.decider';

/** A commitment is overdue once its due date (end of day, China time) has passed unfulfilled. */
export function isCommitmentOverdue(commitment: Commitment, now: Date): boolean {
  return commitment.fulfilledAt === null && isOverdue(commitment.dueDate, now);
}

export function overdueCommitments(interview: InterviewState, now: Date): Commitment[] {
  if (interview.status === 'NONE') return [];
  return interview.commitments.filter((commitment) => isCommitmentOverdue(commitment, now));
}

/** A confidential interview is visible only to the people it names. */
export function isNamedInInterview(interview: InterviewState, personId: string): boolean {
  if (interview.status === 'NONE') return false;
  return (
    interview.interviewerIds.includes(personId) ||
    interview.interviewees.some((interviewee) => interviewee.personId === personId)
  );
}
