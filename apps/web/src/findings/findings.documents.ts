import { graphql } from '../generated';

export const FindingRowFields = graphql(`
  fragment FindingRowFields on Finding {
    id
    tenantId
    inspectionId
    unitId
    unit {
      id
      name
    }
    title
    category
    severity
    deadline
    status
    latestPercent
    lastCheckInAt
    overdue
    daysRemaining
    warningLevel
    recordedAt
    version
  }
`);

export const FindingsQuery = graphql(`
  query Findings($filter: FindingFilter, $first: Int, $after: String, $orderBy: FindingOrder) {
    findings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FindingRowFields
        }
      }
    }
  }
`);

export const FindingDetailFields = graphql(`
  fragment FindingDetailFields on Finding {
    ...FindingRowFields
    description
    originalDeadline
    basis {
      kind
      reference
      text
    }
    plan {
      measures
      responsiblePerson {
        personId
        name
      }
      plannedCompletionDate
      submittedAt
    }
    checkInCount
    lateCheckInCount
    evidenceCount
    pendingExtension {
      requestedDeadline
      reason
      requestedAt
    }
    approvedExtensionCount
    lastRejection {
      by
      reason
      rejectedAt
    }
    submittedAt
    districtReviewPassedAt
    verifiedAt
    withdrawnAt
    withdrawalReason
  }
`);

export const FindingQuery = graphql(`
  query Finding($id: ID!) {
    finding(id: $id) {
      ...FindingDetailFields
      history {
        position
        type
        version
        actorId
        actorRole
        recordedAt
        effectiveAt
        data
      }
      checkIns(first: 100) {
        edges {
          node {
            id
            version
            percent
            narrative
            late
            effectiveAt
            checkedInAt
            evidence {
              sha256
              filename
              mediaType
              size
            }
          }
        }
      }
    }
  }
`);

export const FindingChangedSubscription = graphql(`
  subscription FindingChanged($findingId: ID!) {
    findingChanged(findingId: $findingId) {
      findingId
      type
      version
      actorId
      actorRole
      recordedAt
    }
  }
`);
