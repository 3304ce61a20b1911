import { graphql } from '../generated';

export const ResponsibilityListsQuery = graphql(`
  query ResponsibilityLists($year: Int!, $tenantId: ID) {
    responsibilityLists(year: $year, tenantId: $tenantId) {
      id
      tenantId
      unitId
      year
      title
      version
      items {
        id
        title
        content
        firstResponsible {
          personId
          name
        }
      }
    }
  }
`);

export const ResponsibilityListFindingsQuery = graphql(`
  query ResponsibilityListFindings($id: ID!) {
    responsibilityList(id: $id) {
      id
      items {
        id
        findings {
          id
          title
          status
          unitId
        }
      }
    }
  }
`);

export const CreateResponsibilityListMutation = graphql(`
  mutation CreateResponsibilityList($input: CreateResponsibilityListInput!) {
    createResponsibilityList(input: $input) {
      id
      version
    }
  }
`);

export const AddResponsibilityItemMutation = graphql(`
  mutation AddResponsibilityItem($input: AddResponsibilityItemInput!) {
    addResponsibilityItem(input: $input) {
      id
      version
    }
  }
`);

export const TargetLettersQuery = graphql(`
  query TargetLetters($year: Int!, $tenantId: ID) {
    targetLetters(year: $year, tenantId: $tenantId) {
      id
      tenantId
      year
      level
      unitId
      terms
      status
      signatories {
        party
        name
        title
      }
      signedOn
      version
    }
    unitsWithoutSignedLetter(year: $year, tenantId: $tenantId) {
      id
      name
    }
  }
`);

export const DraftTargetLetterMutation = graphql(`
  mutation DraftTargetLetter($input: DraftTargetLetterInput!) {
    draftTargetLetter(input: $input) {
      id
      version
    }
  }
`);

export const SignTargetLetterMutation = graphql(`
  mutation SignTargetLetter($input: SignTargetLetterInput!) {
    signTargetLetter(input: $input) {
      id
      status
      version
    }
  }
`);

export const KeyProjectPlansQuery = graphql(`
  query KeyProjectPlans($year: Int!, $tenantId: ID) {
    keyProjectPlans(year: $year, tenantId: $tenantId) {
      id
      tenantId
      year
      ownerUnitId
      status
      totalWeight
      weightedCompletion
      version
      projects {
        id
        category
        title
        weight
        goal
        completionPercent
      }
    }
  }
`);

export const KeyProjectPlanQuery = graphql(`
  query KeyProjectPlan($id: ID!) {
    keyProjectPlan(id: $id) {
      id
      version
      projects {
        id
        milestones {
          month
          target
          dueDate
          standing
          report {
            completionPercent
            summary
            reportedAt
          }
        }
      }
    }
  }
`);

export const DraftKeyProjectPlanMutation = graphql(`
  mutation DraftKeyProjectPlan($input: DraftKeyProjectPlanInput!) {
    draftKeyProjectPlan(input: $input) {
      id
      version
    }
  }
`);

export const AddKeyProjectMutation = graphql(`
  mutation AddKeyProject($input: AddKeyProjectInput!) {
    addKeyProject(input: $input) {
      id
      version
    }
  }
`);

export const ConfirmKeyProjectPlanMutation = graphql(`
  mutation ConfirmKeyProjectPlan($input: ConfirmKeyProjectPlanInput!) {
    confirmKeyProjectPlan(input: $input) {
      id
      status
      version
    }
  }
`);

export const ReportKeyProjectProgressMutation = graphql(`
  mutation ReportKeyProjectProgress($input: ReportKeyProjectProgressInput!) {
    reportKeyProjectProgress(input: $input) {
      id
      version
    }
  }
`);

export const MonthlyReportsQuery = graphql(`
  query MonthlyReports($year: Int!, $tenantId: ID) {
    monthlyReports(year: $year, tenantId: $tenantId) {
      id
      tenantId
      month
      dueDate
      status
      content
      submittedAt
      standing
      warning
      version
    }
  }
`);

export const ScheduleMonthlyReportMutation = graphql(`
  mutation ScheduleMonthlyReport($input: ScheduleMonthlyReportInput!) {
    scheduleMonthlyReport(input: $input) {
      id
      version
    }
  }
`);

export const SubmitMonthlyReportMutation = graphql(`
  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) {
    submitMonthlyReport(input: $input) {
      id
      status
      version
    }
  }
`);

export const AssessmentQuery = graphql(`
  query Assessment($year: Int!, $tenantId: ID) {
    assessment(year: $year, tenantId: $tenantId) {
      year
      rulesVersion
      asOf
      ranking {
        tenantId
        unitId
        name
        rank
        total
        lines {
          criterion
          measured
          points
          events {
            tenantId
            tenantPosition
            streamId
            version
            type
          }
        }
      }
    }
  }
`);
