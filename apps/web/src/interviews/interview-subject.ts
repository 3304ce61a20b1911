import type { InterviewFieldsFragment } from '../generated/graphql';

/** The fields of an interview the shared permission rules read. */
export function interviewSubject(interview: InterviewFieldsFragment): Record<string, unknown> {
  return {
    id: interview.id,
    tenantId: interview.tenantId,
    confidential: interview.confidential,
    participantIds: [...interview.interviewerIds, ...interview.interviewees.map((person) => person.personId)],
  };
}
