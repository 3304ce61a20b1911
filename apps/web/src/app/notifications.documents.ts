import { graphql } from '../generated';

export const UnreadNotificationsQuery = graphql(`
  query UnreadNotifications {
    notifications(unreadOnly: true, first: 10) {
      totalCount
      edges {
        node {
          id
          kind
          title
          body
          recordType
          recordId
          createdAt
        }
      }
    }
  }
`);

export const MarkNotificationReadMutation = graphql(`
  mutation MarkNotificationRead($id: ID!) {
    markNotificationRead(id: $id) {
      id
      readAt
    }
  }
`);
