/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation RegisterPerson($input: RegisterPersonInput!) {\n    registerPerson(input: $input) {\n      ...PersonFields\n    }\n  }\n": typeof types.RegisterPersonDocument,
    "\n  mutation ChangePersonRole($id: ID!, $role: Role!, $unitId: ID, $expectedVersion: Int!) {\n    changePersonRole(id: $id, role: $role, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n": typeof types.ChangePersonRoleDocument,
    "\n  mutation DeactivatePerson($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    deactivatePerson(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n": typeof types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($id: ID!, $expectedVersion: Int!) {\n    reactivatePerson(id: $id, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n": typeof types.ReactivatePersonDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopeKind\n    scopeTenantId\n    scopeCityId\n    readOnly\n    operations\n    expiresAt\n    revokedAt\n    lastUsedAt\n    issuedAt\n    version\n  }\n": typeof types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.ApiTokensDocument,
    "\n  mutation IssueApiToken($input: IssueApiTokenInput!) {\n    issueApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": typeof types.IssueApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    revokeApiToken(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...ApiTokenFields\n    }\n  }\n": typeof types.RevokeApiTokenDocument,
    "\n  mutation CreateCity($input: CreateCityInput!) {\n    createCity(input: $input) {\n      id\n      name\n      code\n    }\n  }\n": typeof types.CreateCityDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      code\n      cityId\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n": typeof types.CreateUnitDocument,
    "\n  mutation AssignUnitLiaison($input: AssignUnitPersonInput!) {\n    assignUnitLiaison(input: $input) {\n      ...UnitFields\n    }\n  }\n": typeof types.AssignUnitLiaisonDocument,
    "\n  mutation DeactivateUnit($input: DeactivateUnitInput!) {\n    deactivateUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n": typeof types.DeactivateUnitDocument,
    "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          recordType\n          recordId\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": typeof types.MarkNotificationReadDocument,
    "\n  subscription WarningIssued {\n    warningIssued {\n      findingId\n      level\n      deadline\n      daysRemaining\n    }\n  }\n": typeof types.WarningIssuedDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    position\n    tenantPosition\n    tenantId\n    streamType\n    streamId\n    version\n    type\n    actorId\n    actorRole\n    recordedAt\n    effectiveAt\n    data\n    redacted\n    hash\n    prevHash\n  }\n": typeof types.AuditEventFieldsFragmentDoc,
    "\n  query AuditEvents($filter: AuditEventFilter, $order: AuditEventOrder!, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEventFields\n        }\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query ChainStatus($tenantId: ID!) {\n    chainStatus(tenantId: $tenantId) {\n      tenantId\n      ok\n      verifiedAt\n      verifiedEvents\n      headPosition\n      headHash\n      failure {\n        tenantPosition\n        fault\n        detail\n        confirmedThrough\n        evidenceHash\n      }\n      checkpointsConfirmed\n      lastConfirmedPosition\n      keysPinned\n      evidenceReferenced\n      evidenceIntact\n    }\n  }\n": typeof types.ChainStatusDocument,
    "\n  fragment ViewerFields on Viewer {\n    id\n    displayName\n    role\n    unitId\n    tenantIds\n    city {\n      id\n      name\n      code\n    }\n    tenant {\n      id\n      name\n      code\n      cityId\n    }\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n": typeof types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  query SystemStatus {\n    systemStatus {\n      version\n      serverTime\n      migrationsApplied\n    }\n  }\n": typeof types.SystemStatusDocument,
    "\n  fragment FigureFields on RectificationStatistics {\n    asOf\n    recorded\n    verified\n    verifiedOnTime\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n      none\n    }\n  }\n": typeof types.FigureFieldsFragmentDoc,
    "\n  query DashboardStatistics($scope: StatisticsScopeInput!, $asOf: DateTime) {\n    rectificationStatistics(scope: $scope, asOf: $asOf) {\n      ...FigureFields\n    }\n  }\n": typeof types.DashboardStatisticsDocument,
    "\n  fragment RankFields on ScopeRank {\n    id\n    name\n    rank\n    recorded\n    verified\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n    }\n  }\n": typeof types.RankFieldsFragmentDoc,
    "\n  query DistrictRanking($cityId: ID!, $asOf: DateTime) {\n    districtRanking(cityId: $cityId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n": typeof types.DistrictRankingDocument,
    "\n  query UnitRanking($tenantId: ID!, $asOf: DateTime) {\n    unitRanking(tenantId: $tenantId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n": typeof types.UnitRankingDocument,
    "\n  query RectificationTrend($scope: StatisticsScopeInput!, $from: DateTime!, $to: DateTime!) {\n    rectificationTrend(scope: $scope, from: $from, to: $to) {\n      month\n      recorded\n      verified\n      rate\n      overdue\n    }\n  }\n": typeof types.RectificationTrendDocument,
    "\n  mutation RecordFinding($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      ...FindingRowFields\n    }\n  }\n": typeof types.RecordFindingDocument,
    "\n  mutation SubmitRectificationPlan($input: SubmitRectificationPlanInput!) {\n    submitRectificationPlan(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.SubmitRectificationPlanDocument,
    "\n  mutation CheckInProgress($input: CheckInProgressInput!) {\n    checkInProgress(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.CheckInProgressDocument,
    "\n  mutation SubmitForSignOff($input: SubmitForSignOffInput!) {\n    submitForSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.SubmitForSignOffDocument,
    "\n  mutation PassDistrictReview($input: FindingCommentInput!) {\n    passDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.PassDistrictReviewDocument,
    "\n  mutation RejectDistrictReview($input: FindingReasonInput!) {\n    rejectDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.RejectDistrictReviewDocument,
    "\n  mutation SignOffFinding($input: FindingCommentInput!) {\n    signOffFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.SignOffFindingDocument,
    "\n  mutation RejectSignOff($input: FindingReasonInput!) {\n    rejectSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.RejectSignOffDocument,
    "\n  mutation RequestExtension($input: RequestExtensionInput!) {\n    requestExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.RequestExtensionDocument,
    "\n  mutation ApproveExtension($input: FindingCommentInput!) {\n    approveExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.ApproveExtensionDocument,
    "\n  mutation RefuseExtension($input: FindingReasonInput!) {\n    refuseExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.RefuseExtensionDocument,
    "\n  mutation ReassignFinding($input: ReassignFindingInput!) {\n    reassignFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.ReassignFindingDocument,
    "\n  mutation ReopenFinding($input: ReopenFindingInput!) {\n    reopenFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.ReopenFindingDocument,
    "\n  mutation WithdrawFinding($input: FindingReasonInput!) {\n    withdrawFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": typeof types.WithdrawFindingDocument,
    "\n  fragment FindingRowFields on Finding {\n    id\n    tenantId\n    inspectionId\n    unitId\n    unit {\n      id\n      name\n    }\n    title\n    category\n    severity\n    deadline\n    status\n    latestPercent\n    lastCheckInAt\n    overdue\n    daysRemaining\n    warningLevel\n    recordedAt\n    version\n  }\n": typeof types.FindingRowFieldsFragmentDoc,
    "\n  query Findings($filter: FindingFilter, $first: Int, $after: String, $orderBy: FindingOrder) {\n    findings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FindingRowFields\n        }\n      }\n    }\n  }\n": typeof types.FindingsDocument,
    "\n  fragment FindingDetailFields on Finding {\n    ...FindingRowFields\n    description\n    originalDeadline\n    basis {\n      kind\n      reference\n      text\n    }\n    plan {\n      measures\n      responsiblePerson {\n        personId\n        name\n      }\n      plannedCompletionDate\n      submittedAt\n    }\n    checkInCount\n    lateCheckInCount\n    evidenceCount\n    pendingExtension {\n      requestedDeadline\n      reason\n      requestedAt\n    }\n    approvedExtensionCount\n    lastRejection {\n      by\n      reason\n      rejectedAt\n    }\n    submittedAt\n    districtReviewPassedAt\n    verifiedAt\n    withdrawnAt\n    withdrawalReason\n  }\n": typeof types.FindingDetailFieldsFragmentDoc,
    "\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      ...FindingDetailFields\n      history {\n        position\n        type\n        version\n        actorId\n        actorRole\n        recordedAt\n        effectiveAt\n        data\n      }\n      checkIns(first: 100) {\n        edges {\n          node {\n            id\n            version\n            percent\n            narrative\n            late\n            effectiveAt\n            checkedInAt\n            evidence {\n              sha256\n              filename\n              mediaType\n              size\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.FindingDocument,
    "\n  subscription FindingChanged($findingId: ID!) {\n    findingChanged(findingId: $findingId) {\n      findingId\n      type\n      version\n      actorId\n      actorRole\n      recordedAt\n    }\n  }\n": typeof types.FindingChangedDocument,
    "\n  query Viewer {\n    viewer {\n      id\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment InspectionFields on Inspection {\n    id\n    tenantId\n    title\n    kind\n    level\n    status\n    target {\n      scope\n      unitIds\n    }\n    periodStart\n    periodEnd\n    team {\n      personId\n      name\n    }\n    followUpOfId\n    plannedAt\n    startedAt\n    reportSummary\n    reportIssuedAt\n    closedAt\n    cancelledAt\n    cancellationReason\n    version\n  }\n": typeof types.InspectionFieldsFragmentDoc,
    "\n  query Inspections($filter: InspectionFilter, $first: Int, $after: String) {\n    inspections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InspectionFields\n        }\n      }\n    }\n  }\n": typeof types.InspectionsDocument,
    "\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      ...InspectionFields\n    }\n  }\n": typeof types.InspectionDocument,
    "\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": typeof types.PlanInspectionDocument,
    "\n  mutation StartInspection($input: ChangeInspectionInput!) {\n    startInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": typeof types.StartInspectionDocument,
    "\n  mutation IssueInspectionReport($input: IssueInspectionReportInput!) {\n    issueInspectionReport(input: $input) {\n      ...InspectionFields\n    }\n  }\n": typeof types.IssueInspectionReportDocument,
    "\n  mutation CloseInspection($input: ChangeInspectionInput!) {\n    closeInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": typeof types.CloseInspectionDocument,
    "\n  mutation CancelInspection($input: CancelInspectionInput!) {\n    cancelInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": typeof types.CancelInspectionDocument,
    "\n  fragment InterviewFields on Interview {\n    id\n    tenantId\n    kind\n    status\n    confidential\n    interviewerIds\n    interviewees {\n      personId\n      name\n      unitId\n    }\n    findingIds\n    reason\n    scheduledAt\n    place\n    heldAt\n    minutes\n    commitments {\n      id\n      text\n      dueDate\n      fulfilledAt\n      note\n      overdue\n    }\n    overdueCommitmentCount\n    cancelledAt\n    cancellationReason\n    version\n  }\n": typeof types.InterviewFieldsFragmentDoc,
    "\n  query Interviews($filter: InterviewFilter, $order: InterviewOrder!, $first: Int!, $after: String) {\n    interviews(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InterviewFields\n        }\n      }\n    }\n  }\n": typeof types.InterviewsDocument,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n": typeof types.ScheduleInterviewDocument,
    "\n  mutation RecordInterviewHeld($input: RecordInterviewHeldInput!) {\n    recordInterviewHeld(input: $input) {\n      ...InterviewFields\n    }\n  }\n": typeof types.RecordInterviewHeldDocument,
    "\n  mutation FulfilCommitment($input: FulfilCommitmentInput!) {\n    fulfilCommitment(input: $input) {\n      ...InterviewFields\n    }\n  }\n": typeof types.FulfilCommitmentDocument,
    "\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n": typeof types.CancelInterviewDocument,
    "\n  query ResponsibilityLists($year: Int!, $tenantId: ID) {\n    responsibilityLists(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      unitId\n      year\n      title\n      version\n      items {\n        id\n        title\n        content\n        firstResponsible {\n          personId\n          name\n        }\n      }\n    }\n  }\n": typeof types.ResponsibilityListsDocument,
    "\n  query ResponsibilityListFindings($id: ID!) {\n    responsibilityList(id: $id) {\n      id\n      items {\n        id\n        findings {\n          id\n          title\n          status\n          unitId\n        }\n      }\n    }\n  }\n": typeof types.ResponsibilityListFindingsDocument,
    "\n  mutation CreateResponsibilityList($input: CreateResponsibilityListInput!) {\n    createResponsibilityList(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.CreateResponsibilityListDocument,
    "\n  mutation AddResponsibilityItem($input: AddResponsibilityItemInput!) {\n    addResponsibilityItem(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.AddResponsibilityItemDocument,
    "\n  query TargetLetters($year: Int!, $tenantId: ID) {\n    targetLetters(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      level\n      unitId\n      terms\n      status\n      signatories {\n        party\n        name\n        title\n      }\n      signedOn\n      version\n    }\n    unitsWithoutSignedLetter(year: $year, tenantId: $tenantId) {\n      id\n      name\n    }\n  }\n": typeof types.TargetLettersDocument,
    "\n  mutation DraftTargetLetter($input: DraftTargetLetterInput!) {\n    draftTargetLetter(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.DraftTargetLetterDocument,
    "\n  mutation SignTargetLetter($input: SignTargetLetterInput!) {\n    signTargetLetter(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.SignTargetLetterDocument,
    "\n  query KeyProjectPlans($year: Int!, $tenantId: ID) {\n    keyProjectPlans(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      ownerUnitId\n      status\n      totalWeight\n      weightedCompletion\n      version\n      projects {\n        id\n        category\n        title\n        weight\n        goal\n        completionPercent\n      }\n    }\n  }\n": typeof types.KeyProjectPlansDocument,
    "\n  query KeyProjectPlan($id: ID!) {\n    keyProjectPlan(id: $id) {\n      id\n      version\n      projects {\n        id\n        milestones {\n          month\n          target\n          dueDate\n          standing\n          report {\n            completionPercent\n            summary\n            reportedAt\n          }\n        }\n      }\n    }\n  }\n": typeof types.KeyProjectPlanDocument,
    "\n  mutation DraftKeyProjectPlan($input: DraftKeyProjectPlanInput!) {\n    draftKeyProjectPlan(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.DraftKeyProjectPlanDocument,
    "\n  mutation AddKeyProject($input: AddKeyProjectInput!) {\n    addKeyProject(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.AddKeyProjectDocument,
    "\n  mutation ConfirmKeyProjectPlan($input: ConfirmKeyProjectPlanInput!) {\n    confirmKeyProjectPlan(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.ConfirmKeyProjectPlanDocument,
    "\n  mutation ReportKeyProjectProgress($input: ReportKeyProjectProgressInput!) {\n    reportKeyProjectProgress(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.ReportKeyProjectProgressDocument,
    "\n  query MonthlyReports($year: Int!, $tenantId: ID) {\n    monthlyReports(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      month\n      dueDate\n      status\n      content\n      submittedAt\n      standing\n      warning\n      version\n    }\n  }\n": typeof types.MonthlyReportsDocument,
    "\n  mutation ScheduleMonthlyReport($input: ScheduleMonthlyReportInput!) {\n    scheduleMonthlyReport(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.ScheduleMonthlyReportDocument,
    "\n  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) {\n    submitMonthlyReport(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": typeof types.SubmitMonthlyReportDocument,
    "\n  query Assessment($year: Int!, $tenantId: ID) {\n    assessment(year: $year, tenantId: $tenantId) {\n      year\n      rulesVersion\n      asOf\n      ranking {\n        tenantId\n        unitId\n        name\n        rank\n        total\n        lines {\n          criterion\n          measured\n          points\n          events {\n            tenantId\n            tenantPosition\n            streamId\n            version\n            type\n          }\n        }\n      }\n    }\n  }\n": typeof types.AssessmentDocument,
    "\n  fragment PersonFields on Person {\n    id\n    username\n    displayName\n    role\n    cityId\n    tenantId\n    unitId\n    status\n    email\n    phone\n    version\n  }\n": typeof types.PersonFieldsFragmentDoc,
    "\n  query People($tenantId: ID) {\n    people(tenantId: $tenantId) {\n      ...PersonFields\n    }\n  }\n": typeof types.PeopleDocument,
    "\n  query Tenancy {\n    cities {\n      id\n      name\n      code\n    }\n    tenants {\n      id\n      name\n      code\n      cityId\n    }\n  }\n": typeof types.TenancyDocument,
    "\n  fragment UnitFields on Unit {\n    id\n    tenantId\n    parentId\n    name\n    kind\n    status\n    leader {\n      personId\n      name\n    }\n    head {\n      personId\n      name\n    }\n    liaison {\n      personId\n      name\n    }\n    version\n  }\n": typeof types.UnitFieldsFragmentDoc,
    "\n  query Units($tenantId: ID, $includeDeactivated: Boolean! = false) {\n    units(tenantId: $tenantId, includeDeactivated: $includeDeactivated) {\n      ...UnitFields\n    }\n  }\n": typeof types.UnitsDocument,
};
const documents: Documents = {
    "\n  mutation RegisterPerson($input: RegisterPersonInput!) {\n    registerPerson(input: $input) {\n      ...PersonFields\n    }\n  }\n": types.RegisterPersonDocument,
    "\n  mutation ChangePersonRole($id: ID!, $role: Role!, $unitId: ID, $expectedVersion: Int!) {\n    changePersonRole(id: $id, role: $role, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n": types.ChangePersonRoleDocument,
    "\n  mutation DeactivatePerson($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    deactivatePerson(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n": types.DeactivatePersonDocument,
    "\n  mutation ReactivatePerson($id: ID!, $expectedVersion: Int!) {\n    reactivatePerson(id: $id, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n": types.ReactivatePersonDocument,
    "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopeKind\n    scopeTenantId\n    scopeCityId\n    readOnly\n    operations\n    expiresAt\n    revokedAt\n    lastUsedAt\n    issuedAt\n    version\n  }\n": types.ApiTokenFieldsFragmentDoc,
    "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n": types.ApiTokensDocument,
    "\n  mutation IssueApiToken($input: IssueApiTokenInput!) {\n    issueApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n": types.IssueApiTokenDocument,
    "\n  mutation RevokeApiToken($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    revokeApiToken(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...ApiTokenFields\n    }\n  }\n": types.RevokeApiTokenDocument,
    "\n  mutation CreateCity($input: CreateCityInput!) {\n    createCity(input: $input) {\n      id\n      name\n      code\n    }\n  }\n": types.CreateCityDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      code\n      cityId\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n": types.CreateUnitDocument,
    "\n  mutation AssignUnitLiaison($input: AssignUnitPersonInput!) {\n    assignUnitLiaison(input: $input) {\n      ...UnitFields\n    }\n  }\n": types.AssignUnitLiaisonDocument,
    "\n  mutation DeactivateUnit($input: DeactivateUnitInput!) {\n    deactivateUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n": types.DeactivateUnitDocument,
    "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          recordType\n          recordId\n          createdAt\n        }\n      }\n    }\n  }\n": types.UnreadNotificationsDocument,
    "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n": types.MarkNotificationReadDocument,
    "\n  subscription WarningIssued {\n    warningIssued {\n      findingId\n      level\n      deadline\n      daysRemaining\n    }\n  }\n": types.WarningIssuedDocument,
    "\n  fragment AuditEventFields on AuditEvent {\n    position\n    tenantPosition\n    tenantId\n    streamType\n    streamId\n    version\n    type\n    actorId\n    actorRole\n    recordedAt\n    effectiveAt\n    data\n    redacted\n    hash\n    prevHash\n  }\n": types.AuditEventFieldsFragmentDoc,
    "\n  query AuditEvents($filter: AuditEventFilter, $order: AuditEventOrder!, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEventFields\n        }\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query ChainStatus($tenantId: ID!) {\n    chainStatus(tenantId: $tenantId) {\n      tenantId\n      ok\n      verifiedAt\n      verifiedEvents\n      headPosition\n      headHash\n      failure {\n        tenantPosition\n        fault\n        detail\n        confirmedThrough\n        evidenceHash\n      }\n      checkpointsConfirmed\n      lastConfirmedPosition\n      keysPinned\n      evidenceReferenced\n      evidenceIntact\n    }\n  }\n": types.ChainStatusDocument,
    "\n  fragment ViewerFields on Viewer {\n    id\n    displayName\n    role\n    unitId\n    tenantIds\n    city {\n      id\n      name\n      code\n    }\n    tenant {\n      id\n      name\n      code\n      cityId\n    }\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n": types.SignInDocument,
    "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n": types.RefreshSessionDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  query SystemStatus {\n    systemStatus {\n      version\n      serverTime\n      migrationsApplied\n    }\n  }\n": types.SystemStatusDocument,
    "\n  fragment FigureFields on RectificationStatistics {\n    asOf\n    recorded\n    verified\n    verifiedOnTime\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n      none\n    }\n  }\n": types.FigureFieldsFragmentDoc,
    "\n  query DashboardStatistics($scope: StatisticsScopeInput!, $asOf: DateTime) {\n    rectificationStatistics(scope: $scope, asOf: $asOf) {\n      ...FigureFields\n    }\n  }\n": types.DashboardStatisticsDocument,
    "\n  fragment RankFields on ScopeRank {\n    id\n    name\n    rank\n    recorded\n    verified\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n    }\n  }\n": types.RankFieldsFragmentDoc,
    "\n  query DistrictRanking($cityId: ID!, $asOf: DateTime) {\n    districtRanking(cityId: $cityId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n": types.DistrictRankingDocument,
    "\n  query UnitRanking($tenantId: ID!, $asOf: DateTime) {\n    unitRanking(tenantId: $tenantId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n": types.UnitRankingDocument,
    "\n  query RectificationTrend($scope: StatisticsScopeInput!, $from: DateTime!, $to: DateTime!) {\n    rectificationTrend(scope: $scope, from: $from, to: $to) {\n      month\n      recorded\n      verified\n      rate\n      overdue\n    }\n  }\n": types.RectificationTrendDocument,
    "\n  mutation RecordFinding($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      ...FindingRowFields\n    }\n  }\n": types.RecordFindingDocument,
    "\n  mutation SubmitRectificationPlan($input: SubmitRectificationPlanInput!) {\n    submitRectificationPlan(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.SubmitRectificationPlanDocument,
    "\n  mutation CheckInProgress($input: CheckInProgressInput!) {\n    checkInProgress(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.CheckInProgressDocument,
    "\n  mutation SubmitForSignOff($input: SubmitForSignOffInput!) {\n    submitForSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.SubmitForSignOffDocument,
    "\n  mutation PassDistrictReview($input: FindingCommentInput!) {\n    passDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.PassDistrictReviewDocument,
    "\n  mutation RejectDistrictReview($input: FindingReasonInput!) {\n    rejectDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.RejectDistrictReviewDocument,
    "\n  mutation SignOffFinding($input: FindingCommentInput!) {\n    signOffFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.SignOffFindingDocument,
    "\n  mutation RejectSignOff($input: FindingReasonInput!) {\n    rejectSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.RejectSignOffDocument,
    "\n  mutation RequestExtension($input: RequestExtensionInput!) {\n    requestExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.RequestExtensionDocument,
    "\n  mutation ApproveExtension($input: FindingCommentInput!) {\n    approveExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.ApproveExtensionDocument,
    "\n  mutation RefuseExtension($input: FindingReasonInput!) {\n    refuseExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.RefuseExtensionDocument,
    "\n  mutation ReassignFinding($input: ReassignFindingInput!) {\n    reassignFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.ReassignFindingDocument,
    "\n  mutation ReopenFinding($input: ReopenFindingInput!) {\n    reopenFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.ReopenFindingDocument,
    "\n  mutation WithdrawFinding($input: FindingReasonInput!) {\n    withdrawFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n": types.WithdrawFindingDocument,
    "\n  fragment FindingRowFields on Finding {\n    id\n    tenantId\n    inspectionId\n    unitId\n    unit {\n      id\n      name\n    }\n    title\n    category\n    severity\n    deadline\n    status\n    latestPercent\n    lastCheckInAt\n    overdue\n    daysRemaining\n    warningLevel\n    recordedAt\n    version\n  }\n": types.FindingRowFieldsFragmentDoc,
    "\n  query Findings($filter: FindingFilter, $first: Int, $after: String, $orderBy: FindingOrder) {\n    findings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FindingRowFields\n        }\n      }\n    }\n  }\n": types.FindingsDocument,
    "\n  fragment FindingDetailFields on Finding {\n    ...FindingRowFields\n    description\n    originalDeadline\n    basis {\n      kind\n      reference\n      text\n    }\n    plan {\n      measures\n      responsiblePerson {\n        personId\n        name\n      }\n      plannedCompletionDate\n      submittedAt\n    }\n    checkInCount\n    lateCheckInCount\n    evidenceCount\n    pendingExtension {\n      requestedDeadline\n      reason\n      requestedAt\n    }\n    approvedExtensionCount\n    lastRejection {\n      by\n      reason\n      rejectedAt\n    }\n    submittedAt\n    districtReviewPassedAt\n    verifiedAt\n    withdrawnAt\n    withdrawalReason\n  }\n": types.FindingDetailFieldsFragmentDoc,
    "\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      ...FindingDetailFields\n      history {\n        position\n        type\n        version\n        actorId\n        actorRole\n        recordedAt\n        effectiveAt\n        data\n      }\n      checkIns(first: 100) {\n        edges {\n          node {\n            id\n            version\n            percent\n            narrative\n            late\n            effectiveAt\n            checkedInAt\n            evidence {\n              sha256\n              filename\n              mediaType\n              size\n            }\n          }\n        }\n      }\n    }\n  }\n": types.FindingDocument,
    "\n  subscription FindingChanged($findingId: ID!) {\n    findingChanged(findingId: $findingId) {\n      findingId\n      type\n      version\n      actorId\n      actorRole\n      recordedAt\n    }\n  }\n": types.FindingChangedDocument,
    "\n  query Viewer {\n    viewer {\n      id\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment InspectionFields on Inspection {\n    id\n    tenantId\n    title\n    kind\n    level\n    status\n    target {\n      scope\n      unitIds\n    }\n    periodStart\n    periodEnd\n    team {\n      personId\n      name\n    }\n    followUpOfId\n    plannedAt\n    startedAt\n    reportSummary\n    reportIssuedAt\n    closedAt\n    cancelledAt\n    cancellationReason\n    version\n  }\n": types.InspectionFieldsFragmentDoc,
    "\n  query Inspections($filter: InspectionFilter, $first: Int, $after: String) {\n    inspections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InspectionFields\n        }\n      }\n    }\n  }\n": types.InspectionsDocument,
    "\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      ...InspectionFields\n    }\n  }\n": types.InspectionDocument,
    "\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": types.PlanInspectionDocument,
    "\n  mutation StartInspection($input: ChangeInspectionInput!) {\n    startInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": types.StartInspectionDocument,
    "\n  mutation IssueInspectionReport($input: IssueInspectionReportInput!) {\n    issueInspectionReport(input: $input) {\n      ...InspectionFields\n    }\n  }\n": types.IssueInspectionReportDocument,
    "\n  mutation CloseInspection($input: ChangeInspectionInput!) {\n    closeInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": types.CloseInspectionDocument,
    "\n  mutation CancelInspection($input: CancelInspectionInput!) {\n    cancelInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n": types.CancelInspectionDocument,
    "\n  fragment InterviewFields on Interview {\n    id\n    tenantId\n    kind\n    status\n    confidential\n    interviewerIds\n    interviewees {\n      personId\n      name\n      unitId\n    }\n    findingIds\n    reason\n    scheduledAt\n    place\n    heldAt\n    minutes\n    commitments {\n      id\n      text\n      dueDate\n      fulfilledAt\n      note\n      overdue\n    }\n    overdueCommitmentCount\n    cancelledAt\n    cancellationReason\n    version\n  }\n": types.InterviewFieldsFragmentDoc,
    "\n  query Interviews($filter: InterviewFilter, $order: InterviewOrder!, $first: Int!, $after: String) {\n    interviews(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InterviewFields\n        }\n      }\n    }\n  }\n": types.InterviewsDocument,
    "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n": types.ScheduleInterviewDocument,
    "\n  mutation RecordInterviewHeld($input: RecordInterviewHeldInput!) {\n    recordInterviewHeld(input: $input) {\n      ...InterviewFields\n    }\n  }\n": types.RecordInterviewHeldDocument,
    "\n  mutation FulfilCommitment($input: FulfilCommitmentInput!) {\n    fulfilCommitment(input: $input) {\n      ...InterviewFields\n    }\n  }\n": types.FulfilCommitmentDocument,
    "\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n": types.CancelInterviewDocument,
    "\n  query ResponsibilityLists($year: Int!, $tenantId: ID) {\n    responsibilityLists(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      unitId\n      year\n      title\n      version\n      items {\n        id\n        title\n        content\n        firstResponsible {\n          personId\n          name\n        }\n      }\n    }\n  }\n": types.ResponsibilityListsDocument,
    "\n  query ResponsibilityListFindings($id: ID!) {\n    responsibilityList(id: $id) {\n      id\n      items {\n        id\n        findings {\n          id\n          title\n          status\n          unitId\n        }\n      }\n    }\n  }\n": types.ResponsibilityListFindingsDocument,
    "\n  mutation CreateResponsibilityList($input: CreateResponsibilityListInput!) {\n    createResponsibilityList(input: $input) {\n      id\n      version\n    }\n  }\n": types.CreateResponsibilityListDocument,
    "\n  mutation AddResponsibilityItem($input: AddResponsibilityItemInput!) {\n    addResponsibilityItem(input: $input) {\n      id\n      version\n    }\n  }\n": types.AddResponsibilityItemDocument,
    "\n  query TargetLetters($year: Int!, $tenantId: ID) {\n    targetLetters(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      level\n      unitId\n      terms\n      status\n      signatories {\n        party\n        name\n        title\n      }\n      signedOn\n      version\n    }\n    unitsWithoutSignedLetter(year: $year, tenantId: $tenantId) {\n      id\n      name\n    }\n  }\n": types.TargetLettersDocument,
    "\n  mutation DraftTargetLetter($input: DraftTargetLetterInput!) {\n    draftTargetLetter(input: $input) {\n      id\n      version\n    }\n  }\n": types.DraftTargetLetterDocument,
    "\n  mutation SignTargetLetter($input: SignTargetLetterInput!) {\n    signTargetLetter(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.SignTargetLetterDocument,
    "\n  query KeyProjectPlans($year: Int!, $tenantId: ID) {\n    keyProjectPlans(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      ownerUnitId\n      status\n      totalWeight\n      weightedCompletion\n      version\n      projects {\n        id\n        category\n        title\n        weight\n        goal\n        completionPercent\n      }\n    }\n  }\n": types.KeyProjectPlansDocument,
    "\n  query KeyProjectPlan($id: ID!) {\n    keyProjectPlan(id: $id) {\n      id\n      version\n      projects {\n        id\n        milestones {\n          month\n          target\n          dueDate\n          standing\n          report {\n            completionPercent\n            summary\n            reportedAt\n          }\n        }\n      }\n    }\n  }\n": types.KeyProjectPlanDocument,
    "\n  mutation DraftKeyProjectPlan($input: DraftKeyProjectPlanInput!) {\n    draftKeyProjectPlan(input: $input) {\n      id\n      version\n    }\n  }\n": types.DraftKeyProjectPlanDocument,
    "\n  mutation AddKeyProject($input: AddKeyProjectInput!) {\n    addKeyProject(input: $input) {\n      id\n      version\n    }\n  }\n": types.AddKeyProjectDocument,
    "\n  mutation ConfirmKeyProjectPlan($input: ConfirmKeyProjectPlanInput!) {\n    confirmKeyProjectPlan(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.ConfirmKeyProjectPlanDocument,
    "\n  mutation ReportKeyProjectProgress($input: ReportKeyProjectProgressInput!) {\n    reportKeyProjectProgress(input: $input) {\n      id\n      version\n    }\n  }\n": types.ReportKeyProjectProgressDocument,
    "\n  query MonthlyReports($year: Int!, $tenantId: ID) {\n    monthlyReports(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      month\n      dueDate\n      status\n      content\n      submittedAt\n      standing\n      warning\n      version\n    }\n  }\n": types.MonthlyReportsDocument,
    "\n  mutation ScheduleMonthlyReport($input: ScheduleMonthlyReportInput!) {\n    scheduleMonthlyReport(input: $input) {\n      id\n      version\n    }\n  }\n": types.ScheduleMonthlyReportDocument,
    "\n  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) {\n    submitMonthlyReport(input: $input) {\n      id\n      status\n      version\n    }\n  }\n": types.SubmitMonthlyReportDocument,
    "\n  query Assessment($year: Int!, $tenantId: ID) {\n    assessment(year: $year, tenantId: $tenantId) {\n      year\n      rulesVersion\n      asOf\n      ranking {\n        tenantId\n        unitId\n        name\n        rank\n        total\n        lines {\n          criterion\n          measured\n          points\n          events {\n            tenantId\n            tenantPosition\n            streamId\n            version\n            type\n          }\n        }\n      }\n    }\n  }\n": types.AssessmentDocument,
    "\n  fragment PersonFields on Person {\n    id\n    username\n    displayName\n    role\n    cityId\n    tenantId\n    unitId\n    status\n    email\n    phone\n    version\n  }\n": types.PersonFieldsFragmentDoc,
    "\n  query People($tenantId: ID) {\n    people(tenantId: $tenantId) {\n      ...PersonFields\n    }\n  }\n": types.PeopleDocument,
    "\n  query Tenancy {\n    cities {\n      id\n      name\n      code\n    }\n    tenants {\n      id\n      name\n      code\n      cityId\n    }\n  }\n": types.TenancyDocument,
    "\n  fragment UnitFields on Unit {\n    id\n    tenantId\n    parentId\n    name\n    kind\n    status\n    leader {\n      personId\n      name\n    }\n    head {\n      personId\n      name\n    }\n    liaison {\n      personId\n      name\n    }\n    version\n  }\n": types.UnitFieldsFragmentDoc,
    "\n  query Units($tenantId: ID, $includeDeactivated: Boolean! = false) {\n    units(tenantId: $tenantId, includeDeactivated: $includeDeactivated) {\n      ...UnitFields\n    }\n  }\n": types.UnitsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterPerson($input: RegisterPersonInput!) {\n    registerPerson(input: $input) {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterPerson($input: RegisterPersonInput!) {\n    registerPerson(input: $input) {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePersonRole($id: ID!, $role: Role!, $unitId: ID, $expectedVersion: Int!) {\n    changePersonRole(id: $id, role: $role, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation ChangePersonRole($id: ID!, $role: Role!, $unitId: ID, $expectedVersion: Int!) {\n    changePersonRole(id: $id, role: $role, unitId: $unitId, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivatePerson($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    deactivatePerson(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivatePerson($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    deactivatePerson(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReactivatePerson($id: ID!, $expectedVersion: Int!) {\n    reactivatePerson(id: $id, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReactivatePerson($id: ID!, $expectedVersion: Int!) {\n    reactivatePerson(id: $id, expectedVersion: $expectedVersion) {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopeKind\n    scopeTenantId\n    scopeCityId\n    readOnly\n    operations\n    expiresAt\n    revokedAt\n    lastUsedAt\n    issuedAt\n    version\n  }\n"): (typeof documents)["\n  fragment ApiTokenFields on ApiToken {\n    id\n    name\n    scopeKind\n    scopeTenantId\n    scopeCityId\n    readOnly\n    operations\n    expiresAt\n    revokedAt\n    lastUsedAt\n    issuedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  query ApiTokens {\n    apiTokens {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueApiToken($input: IssueApiTokenInput!) {\n    issueApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation IssueApiToken($input: IssueApiTokenInput!) {\n    issueApiToken(input: $input) {\n      token\n      apiToken {\n        ...ApiTokenFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiToken($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    revokeApiToken(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...ApiTokenFields\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeApiToken($id: ID!, $reason: String!, $expectedVersion: Int!) {\n    revokeApiToken(id: $id, reason: $reason, expectedVersion: $expectedVersion) {\n      ...ApiTokenFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCity($input: CreateCityInput!) {\n    createCity(input: $input) {\n      id\n      name\n      code\n    }\n  }\n"): (typeof documents)["\n  mutation CreateCity($input: CreateCityInput!) {\n    createCity(input: $input) {\n      id\n      name\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      code\n      cityId\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      id\n      name\n      code\n      cityId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignUnitLiaison($input: AssignUnitPersonInput!) {\n    assignUnitLiaison(input: $input) {\n      ...UnitFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignUnitLiaison($input: AssignUnitPersonInput!) {\n    assignUnitLiaison(input: $input) {\n      ...UnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUnit($input: DeactivateUnitInput!) {\n    deactivateUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUnit($input: DeactivateUnitInput!) {\n    deactivateUnit(input: $input) {\n      ...UnitFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          recordType\n          recordId\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnreadNotifications {\n    notifications(unreadOnly: true, first: 10) {\n      totalCount\n      edges {\n        node {\n          id\n          kind\n          title\n          body\n          recordType\n          recordId\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationRead($id: ID!) {\n    markNotificationRead(id: $id) {\n      id\n      readAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription WarningIssued {\n    warningIssued {\n      findingId\n      level\n      deadline\n      daysRemaining\n    }\n  }\n"): (typeof documents)["\n  subscription WarningIssued {\n    warningIssued {\n      findingId\n      level\n      deadline\n      daysRemaining\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEventFields on AuditEvent {\n    position\n    tenantPosition\n    tenantId\n    streamType\n    streamId\n    version\n    type\n    actorId\n    actorRole\n    recordedAt\n    effectiveAt\n    data\n    redacted\n    hash\n    prevHash\n  }\n"): (typeof documents)["\n  fragment AuditEventFields on AuditEvent {\n    position\n    tenantPosition\n    tenantId\n    streamType\n    streamId\n    version\n    type\n    actorId\n    actorRole\n    recordedAt\n    effectiveAt\n    data\n    redacted\n    hash\n    prevHash\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($filter: AuditEventFilter, $order: AuditEventOrder!, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEventFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($filter: AuditEventFilter, $order: AuditEventOrder!, $first: Int!, $after: String) {\n    auditEvents(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...AuditEventFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChainStatus($tenantId: ID!) {\n    chainStatus(tenantId: $tenantId) {\n      tenantId\n      ok\n      verifiedAt\n      verifiedEvents\n      headPosition\n      headHash\n      failure {\n        tenantPosition\n        fault\n        detail\n        confirmedThrough\n        evidenceHash\n      }\n      checkpointsConfirmed\n      lastConfirmedPosition\n      keysPinned\n      evidenceReferenced\n      evidenceIntact\n    }\n  }\n"): (typeof documents)["\n  query ChainStatus($tenantId: ID!) {\n    chainStatus(tenantId: $tenantId) {\n      tenantId\n      ok\n      verifiedAt\n      verifiedEvents\n      headPosition\n      headHash\n      failure {\n        tenantPosition\n        fault\n        detail\n        confirmedThrough\n        evidenceHash\n      }\n      checkpointsConfirmed\n      lastConfirmedPosition\n      keysPinned\n      evidenceReferenced\n      evidenceIntact\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    id\n    displayName\n    role\n    unitId\n    tenantIds\n    city {\n      id\n      name\n      code\n    }\n    tenant {\n      id\n      name\n      code\n      cityId\n    }\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    id\n    displayName\n    role\n    unitId\n    tenantIds\n    city {\n      id\n      name\n      code\n    }\n    tenant {\n      id\n      name\n      code\n      cityId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RefreshSession {\n    refreshSession {\n      accessToken\n      accessTokenExpiresAt\n      viewer {\n        ...ViewerFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SystemStatus {\n    systemStatus {\n      version\n      serverTime\n      migrationsApplied\n    }\n  }\n"): (typeof documents)["\n  query SystemStatus {\n    systemStatus {\n      version\n      serverTime\n      migrationsApplied\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FigureFields on RectificationStatistics {\n    asOf\n    recorded\n    verified\n    verifiedOnTime\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n      none\n    }\n  }\n"): (typeof documents)["\n  fragment FigureFields on RectificationStatistics {\n    asOf\n    recorded\n    verified\n    verifiedOnTime\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n      none\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardStatistics($scope: StatisticsScopeInput!, $asOf: DateTime) {\n    rectificationStatistics(scope: $scope, asOf: $asOf) {\n      ...FigureFields\n    }\n  }\n"): (typeof documents)["\n  query DashboardStatistics($scope: StatisticsScopeInput!, $asOf: DateTime) {\n    rectificationStatistics(scope: $scope, asOf: $asOf) {\n      ...FigureFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RankFields on ScopeRank {\n    id\n    name\n    rank\n    recorded\n    verified\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n    }\n  }\n"): (typeof documents)["\n  fragment RankFields on ScopeRank {\n    id\n    name\n    rank\n    recorded\n    verified\n    rate\n    overdue\n    warningColours {\n      green\n      yellow\n      red\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistrictRanking($cityId: ID!, $asOf: DateTime) {\n    districtRanking(cityId: $cityId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n"): (typeof documents)["\n  query DistrictRanking($cityId: ID!, $asOf: DateTime) {\n    districtRanking(cityId: $cityId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitRanking($tenantId: ID!, $asOf: DateTime) {\n    unitRanking(tenantId: $tenantId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n"): (typeof documents)["\n  query UnitRanking($tenantId: ID!, $asOf: DateTime) {\n    unitRanking(tenantId: $tenantId, asOf: $asOf) {\n      ...RankFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RectificationTrend($scope: StatisticsScopeInput!, $from: DateTime!, $to: DateTime!) {\n    rectificationTrend(scope: $scope, from: $from, to: $to) {\n      month\n      recorded\n      verified\n      rate\n      overdue\n    }\n  }\n"): (typeof documents)["\n  query RectificationTrend($scope: StatisticsScopeInput!, $from: DateTime!, $to: DateTime!) {\n    rectificationTrend(scope: $scope, from: $from, to: $to) {\n      month\n      recorded\n      verified\n      rate\n      overdue\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordFinding($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      ...FindingRowFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordFinding($input: RecordFindingInput!) {\n    recordFinding(input: $input) {\n      ...FindingRowFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitRectificationPlan($input: SubmitRectificationPlanInput!) {\n    submitRectificationPlan(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitRectificationPlan($input: SubmitRectificationPlanInput!) {\n    submitRectificationPlan(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckInProgress($input: CheckInProgressInput!) {\n    checkInProgress(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation CheckInProgress($input: CheckInProgressInput!) {\n    checkInProgress(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitForSignOff($input: SubmitForSignOffInput!) {\n    submitForSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitForSignOff($input: SubmitForSignOffInput!) {\n    submitForSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PassDistrictReview($input: FindingCommentInput!) {\n    passDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation PassDistrictReview($input: FindingCommentInput!) {\n    passDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectDistrictReview($input: FindingReasonInput!) {\n    rejectDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectDistrictReview($input: FindingReasonInput!) {\n    rejectDistrictReview(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOffFinding($input: FindingCommentInput!) {\n    signOffFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignOffFinding($input: FindingCommentInput!) {\n    signOffFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectSignOff($input: FindingReasonInput!) {\n    rejectSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation RejectSignOff($input: FindingReasonInput!) {\n    rejectSignOff(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestExtension($input: RequestExtensionInput!) {\n    requestExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation RequestExtension($input: RequestExtensionInput!) {\n    requestExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveExtension($input: FindingCommentInput!) {\n    approveExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation ApproveExtension($input: FindingCommentInput!) {\n    approveExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RefuseExtension($input: FindingReasonInput!) {\n    refuseExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation RefuseExtension($input: FindingReasonInput!) {\n    refuseExtension(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReassignFinding($input: ReassignFindingInput!) {\n    reassignFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReassignFinding($input: ReassignFindingInput!) {\n    reassignFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenFinding($input: ReopenFindingInput!) {\n    reopenFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenFinding($input: ReopenFindingInput!) {\n    reopenFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawFinding($input: FindingReasonInput!) {\n    withdrawFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawFinding($input: FindingReasonInput!) {\n    withdrawFinding(input: $input) {\n      ...FindingDetailFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FindingRowFields on Finding {\n    id\n    tenantId\n    inspectionId\n    unitId\n    unit {\n      id\n      name\n    }\n    title\n    category\n    severity\n    deadline\n    status\n    latestPercent\n    lastCheckInAt\n    overdue\n    daysRemaining\n    warningLevel\n    recordedAt\n    version\n  }\n"): (typeof documents)["\n  fragment FindingRowFields on Finding {\n    id\n    tenantId\n    inspectionId\n    unitId\n    unit {\n      id\n      name\n    }\n    title\n    category\n    severity\n    deadline\n    status\n    latestPercent\n    lastCheckInAt\n    overdue\n    daysRemaining\n    warningLevel\n    recordedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Findings($filter: FindingFilter, $first: Int, $after: String, $orderBy: FindingOrder) {\n    findings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FindingRowFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Findings($filter: FindingFilter, $first: Int, $after: String, $orderBy: FindingOrder) {\n    findings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...FindingRowFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment FindingDetailFields on Finding {\n    ...FindingRowFields\n    description\n    originalDeadline\n    basis {\n      kind\n      reference\n      text\n    }\n    plan {\n      measures\n      responsiblePerson {\n        personId\n        name\n      }\n      plannedCompletionDate\n      submittedAt\n    }\n    checkInCount\n    lateCheckInCount\n    evidenceCount\n    pendingExtension {\n      requestedDeadline\n      reason\n      requestedAt\n    }\n    approvedExtensionCount\n    lastRejection {\n      by\n      reason\n      rejectedAt\n    }\n    submittedAt\n    districtReviewPassedAt\n    verifiedAt\n    withdrawnAt\n    withdrawalReason\n  }\n"): (typeof documents)["\n  fragment FindingDetailFields on Finding {\n    ...FindingRowFields\n    description\n    originalDeadline\n    basis {\n      kind\n      reference\n      text\n    }\n    plan {\n      measures\n      responsiblePerson {\n        personId\n        name\n      }\n      plannedCompletionDate\n      submittedAt\n    }\n    checkInCount\n    lateCheckInCount\n    evidenceCount\n    pendingExtension {\n      requestedDeadline\n      reason\n      requestedAt\n    }\n    approvedExtensionCount\n    lastRejection {\n      by\n      reason\n      rejectedAt\n    }\n    submittedAt\n    districtReviewPassedAt\n    verifiedAt\n    withdrawnAt\n    withdrawalReason\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      ...FindingDetailFields\n      history {\n        position\n        type\n        version\n        actorId\n        actorRole\n        recordedAt\n        effectiveAt\n        data\n      }\n      checkIns(first: 100) {\n        edges {\n          node {\n            id\n            version\n            percent\n            narrative\n            late\n            effectiveAt\n            checkedInAt\n            evidence {\n              sha256\n              filename\n              mediaType\n              size\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Finding($id: ID!) {\n    finding(id: $id) {\n      ...FindingDetailFields\n      history {\n        position\n        type\n        version\n        actorId\n        actorRole\n        recordedAt\n        effectiveAt\n        data\n      }\n      checkIns(first: 100) {\n        edges {\n          node {\n            id\n            version\n            percent\n            narrative\n            late\n            effectiveAt\n            checkedInAt\n            evidence {\n              sha256\n              filename\n              mediaType\n              size\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FindingChanged($findingId: ID!) {\n    findingChanged(findingId: $findingId) {\n      findingId\n      type\n      version\n      actorId\n      actorRole\n      recordedAt\n    }\n  }\n"): (typeof documents)["\n  subscription FindingChanged($findingId: ID!) {\n    findingChanged(findingId: $findingId) {\n      findingId\n      type\n      version\n      actorId\n      actorRole\n      recordedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    viewer {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InspectionFields on Inspection {\n    id\n    tenantId\n    title\n    kind\n    level\n    status\n    target {\n      scope\n      unitIds\n    }\n    periodStart\n    periodEnd\n    team {\n      personId\n      name\n    }\n    followUpOfId\n    plannedAt\n    startedAt\n    reportSummary\n    reportIssuedAt\n    closedAt\n    cancelledAt\n    cancellationReason\n    version\n  }\n"): (typeof documents)["\n  fragment InspectionFields on Inspection {\n    id\n    tenantId\n    title\n    kind\n    level\n    status\n    target {\n      scope\n      unitIds\n    }\n    periodStart\n    periodEnd\n    team {\n      personId\n      name\n    }\n    followUpOfId\n    plannedAt\n    startedAt\n    reportSummary\n    reportIssuedAt\n    closedAt\n    cancelledAt\n    cancellationReason\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inspections($filter: InspectionFilter, $first: Int, $after: String) {\n    inspections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InspectionFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inspections($filter: InspectionFilter, $first: Int, $after: String) {\n    inspections(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InspectionFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      ...InspectionFields\n    }\n  }\n"): (typeof documents)["\n  query Inspection($id: ID!) {\n    inspection(id: $id) {\n      ...InspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"): (typeof documents)["\n  mutation PlanInspection($input: PlanInspectionInput!) {\n    planInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInspection($input: ChangeInspectionInput!) {\n    startInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartInspection($input: ChangeInspectionInput!) {\n    startInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueInspectionReport($input: IssueInspectionReportInput!) {\n    issueInspectionReport(input: $input) {\n      ...InspectionFields\n    }\n  }\n"): (typeof documents)["\n  mutation IssueInspectionReport($input: IssueInspectionReportInput!) {\n    issueInspectionReport(input: $input) {\n      ...InspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseInspection($input: ChangeInspectionInput!) {\n    closeInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"): (typeof documents)["\n  mutation CloseInspection($input: ChangeInspectionInput!) {\n    closeInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInspection($input: CancelInspectionInput!) {\n    cancelInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelInspection($input: CancelInspectionInput!) {\n    cancelInspection(input: $input) {\n      ...InspectionFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment InterviewFields on Interview {\n    id\n    tenantId\n    kind\n    status\n    confidential\n    interviewerIds\n    interviewees {\n      personId\n      name\n      unitId\n    }\n    findingIds\n    reason\n    scheduledAt\n    place\n    heldAt\n    minutes\n    commitments {\n      id\n      text\n      dueDate\n      fulfilledAt\n      note\n      overdue\n    }\n    overdueCommitmentCount\n    cancelledAt\n    cancellationReason\n    version\n  }\n"): (typeof documents)["\n  fragment InterviewFields on Interview {\n    id\n    tenantId\n    kind\n    status\n    confidential\n    interviewerIds\n    interviewees {\n      personId\n      name\n      unitId\n    }\n    findingIds\n    reason\n    scheduledAt\n    place\n    heldAt\n    minutes\n    commitments {\n      id\n      text\n      dueDate\n      fulfilledAt\n      note\n      overdue\n    }\n    overdueCommitmentCount\n    cancelledAt\n    cancellationReason\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Interviews($filter: InterviewFilter, $order: InterviewOrder!, $first: Int!, $after: String) {\n    interviews(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InterviewFields\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Interviews($filter: InterviewFilter, $order: InterviewOrder!, $first: Int!, $after: String) {\n    interviews(filter: $filter, order: $order, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          ...InterviewFields\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleInterview($input: ScheduleInterviewInput!) {\n    scheduleInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordInterviewHeld($input: RecordInterviewHeldInput!) {\n    recordInterviewHeld(input: $input) {\n      ...InterviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation RecordInterviewHeld($input: RecordInterviewHeldInput!) {\n    recordInterviewHeld(input: $input) {\n      ...InterviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation FulfilCommitment($input: FulfilCommitmentInput!) {\n    fulfilCommitment(input: $input) {\n      ...InterviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation FulfilCommitment($input: FulfilCommitmentInput!) {\n    fulfilCommitment(input: $input) {\n      ...InterviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelInterview($input: CancelInterviewInput!) {\n    cancelInterview(input: $input) {\n      ...InterviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponsibilityLists($year: Int!, $tenantId: ID) {\n    responsibilityLists(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      unitId\n      year\n      title\n      version\n      items {\n        id\n        title\n        content\n        firstResponsible {\n          personId\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResponsibilityLists($year: Int!, $tenantId: ID) {\n    responsibilityLists(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      unitId\n      year\n      title\n      version\n      items {\n        id\n        title\n        content\n        firstResponsible {\n          personId\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResponsibilityListFindings($id: ID!) {\n    responsibilityList(id: $id) {\n      id\n      items {\n        id\n        findings {\n          id\n          title\n          status\n          unitId\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ResponsibilityListFindings($id: ID!) {\n    responsibilityList(id: $id) {\n      id\n      items {\n        id\n        findings {\n          id\n          title\n          status\n          unitId\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateResponsibilityList($input: CreateResponsibilityListInput!) {\n    createResponsibilityList(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateResponsibilityList($input: CreateResponsibilityListInput!) {\n    createResponsibilityList(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddResponsibilityItem($input: AddResponsibilityItemInput!) {\n    addResponsibilityItem(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation AddResponsibilityItem($input: AddResponsibilityItemInput!) {\n    addResponsibilityItem(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetLetters($year: Int!, $tenantId: ID) {\n    targetLetters(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      level\n      unitId\n      terms\n      status\n      signatories {\n        party\n        name\n        title\n      }\n      signedOn\n      version\n    }\n    unitsWithoutSignedLetter(year: $year, tenantId: $tenantId) {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query TargetLetters($year: Int!, $tenantId: ID) {\n    targetLetters(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      level\n      unitId\n      terms\n      status\n      signatories {\n        party\n        name\n        title\n      }\n      signedOn\n      version\n    }\n    unitsWithoutSignedLetter(year: $year, tenantId: $tenantId) {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftTargetLetter($input: DraftTargetLetterInput!) {\n    draftTargetLetter(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation DraftTargetLetter($input: DraftTargetLetterInput!) {\n    draftTargetLetter(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignTargetLetter($input: SignTargetLetterInput!) {\n    signTargetLetter(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SignTargetLetter($input: SignTargetLetterInput!) {\n    signTargetLetter(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyProjectPlans($year: Int!, $tenantId: ID) {\n    keyProjectPlans(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      ownerUnitId\n      status\n      totalWeight\n      weightedCompletion\n      version\n      projects {\n        id\n        category\n        title\n        weight\n        goal\n        completionPercent\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyProjectPlans($year: Int!, $tenantId: ID) {\n    keyProjectPlans(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      year\n      ownerUnitId\n      status\n      totalWeight\n      weightedCompletion\n      version\n      projects {\n        id\n        category\n        title\n        weight\n        goal\n        completionPercent\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyProjectPlan($id: ID!) {\n    keyProjectPlan(id: $id) {\n      id\n      version\n      projects {\n        id\n        milestones {\n          month\n          target\n          dueDate\n          standing\n          report {\n            completionPercent\n            summary\n            reportedAt\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyProjectPlan($id: ID!) {\n    keyProjectPlan(id: $id) {\n      id\n      version\n      projects {\n        id\n        milestones {\n          month\n          target\n          dueDate\n          standing\n          report {\n            completionPercent\n            summary\n            reportedAt\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DraftKeyProjectPlan($input: DraftKeyProjectPlanInput!) {\n    draftKeyProjectPlan(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation DraftKeyProjectPlan($input: DraftKeyProjectPlanInput!) {\n    draftKeyProjectPlan(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddKeyProject($input: AddKeyProjectInput!) {\n    addKeyProject(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation AddKeyProject($input: AddKeyProjectInput!) {\n    addKeyProject(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmKeyProjectPlan($input: ConfirmKeyProjectPlanInput!) {\n    confirmKeyProjectPlan(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmKeyProjectPlan($input: ConfirmKeyProjectPlanInput!) {\n    confirmKeyProjectPlan(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReportKeyProjectProgress($input: ReportKeyProjectProgressInput!) {\n    reportKeyProjectProgress(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ReportKeyProjectProgress($input: ReportKeyProjectProgressInput!) {\n    reportKeyProjectProgress(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MonthlyReports($year: Int!, $tenantId: ID) {\n    monthlyReports(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      month\n      dueDate\n      status\n      content\n      submittedAt\n      standing\n      warning\n      version\n    }\n  }\n"): (typeof documents)["\n  query MonthlyReports($year: Int!, $tenantId: ID) {\n    monthlyReports(year: $year, tenantId: $tenantId) {\n      id\n      tenantId\n      month\n      dueDate\n      status\n      content\n      submittedAt\n      standing\n      warning\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ScheduleMonthlyReport($input: ScheduleMonthlyReportInput!) {\n    scheduleMonthlyReport(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ScheduleMonthlyReport($input: ScheduleMonthlyReportInput!) {\n    scheduleMonthlyReport(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) {\n    submitMonthlyReport(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitMonthlyReport($input: SubmitMonthlyReportInput!) {\n    submitMonthlyReport(input: $input) {\n      id\n      status\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Assessment($year: Int!, $tenantId: ID) {\n    assessment(year: $year, tenantId: $tenantId) {\n      year\n      rulesVersion\n      asOf\n      ranking {\n        tenantId\n        unitId\n        name\n        rank\n        total\n        lines {\n          criterion\n          measured\n          points\n          events {\n            tenantId\n            tenantPosition\n            streamId\n            version\n            type\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Assessment($year: Int!, $tenantId: ID) {\n    assessment(year: $year, tenantId: $tenantId) {\n      year\n      rulesVersion\n      asOf\n      ranking {\n        tenantId\n        unitId\n        name\n        rank\n        total\n        lines {\n          criterion\n          measured\n          points\n          events {\n            tenantId\n            tenantPosition\n            streamId\n            version\n            type\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PersonFields on Person {\n    id\n    username\n    displayName\n    role\n    cityId\n    tenantId\n    unitId\n    status\n    email\n    phone\n    version\n  }\n"): (typeof documents)["\n  fragment PersonFields on Person {\n    id\n    username\n    displayName\n    role\n    cityId\n    tenantId\n    unitId\n    status\n    email\n    phone\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query People($tenantId: ID) {\n    people(tenantId: $tenantId) {\n      ...PersonFields\n    }\n  }\n"): (typeof documents)["\n  query People($tenantId: ID) {\n    people(tenantId: $tenantId) {\n      ...PersonFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenancy {\n    cities {\n      id\n      name\n      code\n    }\n    tenants {\n      id\n      name\n      code\n      cityId\n    }\n  }\n"): (typeof documents)["\n  query Tenancy {\n    cities {\n      id\n      name\n      code\n    }\n    tenants {\n      id\n      name\n      code\n      cityId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitFields on Unit {\n    id\n    tenantId\n    parentId\n    name\n    kind\n    status\n    leader {\n      personId\n      name\n    }\n    head {\n      personId\n      name\n    }\n    liaison {\n      personId\n      name\n    }\n    version\n  }\n"): (typeof documents)["\n  fragment UnitFields on Unit {\n    id\n    tenantId\n    parentId\n    name\n    kind\n    status\n    leader {\n      personId\n      name\n    }\n    head {\n      personId\n      name\n    }\n    liaison {\n      personId\n      name\n    }\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units($tenantId: ID, $includeDeactivated: Boolean! = false) {\n    units(tenantId: $tenantId, includeDeactivated: $includeDeactivated) {\n      ...UnitFields\n    }\n  }\n"): (typeof documents)["\n  query Units($tenantId: ID, $includeDeactivated: Boolean! = false) {\n    units(tenantId: $tenantId, includeDeactivated: $includeDeactivated) {\n      ...UnitFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;