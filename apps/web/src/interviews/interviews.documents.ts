import { graphql } from '../generated';

export const InterviewFields = graphql(`
  fragment InterviewFields on Interview {
    id
    tenantId
    kind
    status
    confidential
    interviewerIds
    interviewees {
      personId
      name
      unitId
    }
    findingIds
    reason
    scheduledAt
    place
    heldAt
    minutes
    commitments {
      id
      text
      dueDate
      fulfilledAt
      note
      overdue
    }
    overdueCommitmentCount
    cancelledAt
    cancellationReason
    version
  }
`);

export const InterviewsQuery = graphql(`
  query Interviews($filter: InterviewFilter, $order: InterviewOrder!, $first: Int!, $after: String) {
    interviews(filter: $filter, order: $order, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InterviewFields
        }
      }
    }
  }
`);

export const ScheduleInterviewMutation = graphql(`
  mutation ScheduleInterview($input: ScheduleInterviewInput!) {
    scheduleInterview(input: $input) {
      ...InterviewFields
    }
  }
`);

export const RecordInterviewHeldMutation = graphql(`
  mutation RecordInterviewHeld($input: RecordInterviewHeldInput!) {
    recordInterviewHeld(input: $input) {
      ...InterviewFields
    }
  }
`);

export const FulfilCommitmentMutation = graphql(`
  mutation FulfilCommitment($input: FulfilCommitmentInput!) {
    fulfilCommitment(input: $input) {
      ...InterviewFields
    }
  }
`);

export const CancelInterviewMutation = graphql(`
  mutation CancelInterview($input: CancelInterviewInput!) {
    cancelInterview(input: $input) {
      ...InterviewFields
    }
  }
`);
