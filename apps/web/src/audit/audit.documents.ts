import { graphql } from '../generated';

export const AuditEventFields = graphql(`
  fragment AuditEventFields on AuditEvent {
    position
    tenantPosition
    tenantId
    streamType
    streamId
    version
    type
    actorId
    actorRole
    recordedAt
    effectiveAt
    data
    redacted
    hash
    prevHash
  }
`);

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilter, $order: AuditEventOrder!, $first: Int!, $after: String) {
    auditEvents(filter: $filter, order: $order, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...AuditEventFields
        }
      }
    }
  }
`);

export const ChainStatusQuery = graphql(`
  query ChainStatus($tenantId: ID!) {
    chainStatus(tenantId: $tenantId) {
      tenantId
      ok
      verifiedAt
      verifiedEvents
      headPosition
      headHash
      failure {
        tenantPosition
        fault
        detail
        confirmedThrough
        evidenceHash
      }
      checkpointsConfirmed
      lastConfirmedPosition
      keysPinned
      evidenceReferenced
      evidenceIntact
    }
  }
`);
