import { graphql } from '../generated';

export const RecordFindingMutation = graphql(`
  mutation RecordFinding($input: RecordFindingInput!) {
    recordFinding(input: $input) {
      ...FindingRowFields
    }
  }
`);

export const SubmitRectificationPlanMutation = graphql(`
  mutation SubmitRectificationPlan($input: SubmitRectificationPlanInput!) {
    submitRectificationPlan(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const CheckInProgressMutation = graphql(`
  mutation CheckInProgress($input: CheckInProgressInput!) {
    checkInProgress(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const SubmitForSignOffMutation = graphql(`
  mutation SubmitForSignOff($input: SubmitForSignOffInput!) {
    submitForSignOff(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const PassDistrictReviewMutation = graphql(`
  mutation PassDistrictReview($input: FindingCommentInput!) {
    passDistrictReview(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const RejectDistrictReviewMutation = graphql(`
  mutation RejectDistrictReview($input: FindingReasonInput!) {
    rejectDistrictReview(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const SignOffFindingMutation = graphql(`
  mutation SignOffFinding($input: FindingCommentInput!) {
    signOffFinding(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const RejectSignOffMutation = graphql(`
  mutation RejectSignOff($input: FindingReasonInput!) {
    rejectSignOff(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const RequestExtensionMutation = graphql(`
  mutation RequestExtension($input: RequestExtensionInput!) {
    requestExtension(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const ApproveExtensionMutation = graphql(`
  mutation ApproveExtension($input: FindingCommentInput!) {
    approveExtension(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const RefuseExtensionMutation = graphql(`
  mutation RefuseExtension($input: FindingReasonInput!) {
    refuseExtension(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const ReassignFindingMutation = graphql(`
  mutation ReassignFinding($input: ReassignFindingInput!) {
    reassignFinding(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const ReopenFindingMutation = graphql(`
  mutation ReopenFinding($input: ReopenFindingInput!) {
    reopenFinding(input: $input) {
      ...FindingDetailFields
    }
  }
`);

export const WithdrawFindingMutation = graphql(`
  mutation WithdrawFinding($input: FindingReasonInput!) {
    withdrawFinding(input: $input) {
      ...FindingDetailFields
    }
  }
`);
