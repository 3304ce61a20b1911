import { graphql } from '../generated';

export const InspectionFields = graphql(`
  fragment InspectionFields on Inspection {
    id
    tenantId
    title
    kind
    level
    status
    target {
      scope
      unitIds
    }
    periodStart
    periodEnd
    team {
      personId
      name
    }
    followUpOfId
    plannedAt
    startedAt
    reportSummary
    reportIssuedAt
    closedAt
    cancelledAt
    cancellationReason
    version
  }
`);

export const InspectionsQuery = graphql(`
  query Inspections($filter: InspectionFilter, $first: Int, $after: String) {
    inspections(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...InspectionFields
        }
      }
    }
  }
`);

export const InspectionQuery = graphql(`
  query Inspection($id: ID!) {
    inspection(id: $id) {
      ...InspectionFields
    }
  }
`);

export const PlanInspectionMutation = graphql(`
  mutation PlanInspection($input: PlanInspectionInput!) {
    planInspection(input: $input) {
      ...InspectionFields
    }
  }
`);

export const StartInspectionMutation = graphql(`
  mutation StartInspection($input: ChangeInspectionInput!) {
    startInspection(input: $input) {
      ...InspectionFields
    }
  }
`);

export const IssueInspectionReportMutation = graphql(`
  mutation IssueInspectionReport($input: IssueInspectionReportInput!) {
    issueInspectionReport(input: $input) {
      ...InspectionFields
    }
  }
`);

export const CloseInspectionMutation = graphql(`
  mutation CloseInspection($input: ChangeInspectionInput!) {
    closeInspection(input: $input) {
      ...InspectionFields
    }
  }
`);

export const CancelInspectionMutation = graphql(`
  mutation CancelInspection($input: CancelInspectionInput!) {
    cancelInspection(input: $input) {
      ...InspectionFields
    }
  }
`);
