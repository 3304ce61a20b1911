import { RESPONSIBILITY_YEAR, type DistrictRecords, type TwoCities } from '../fixtures/two-cities';
import { daysFromToday, recordFindingInput } from '../fixtures/rectification';

/**
 * The permission matrix of DESIGN.md "Users and their jobs" and "Tenancy and permissions": for
 * every GraphQL operation, what each role gets when pointed at a record or scope of its own
 * district (钱塘区), a sibling district of its city (西湖区) and a district of another city (中原区).
 * The city roles (platform, city inspector, the city's API token) have no district of their own;
 * theirs is the first city. The `service_*` roles are API tokens: 钱塘区's read-only one and one naming
 * every operation a district token may take, and 杭州市's naming every operation a city token may take.
 */
export const ROLES = [
  'platform_admin',
  'city_inspector',
  'district_admin',
  'unit_officer',
  'auditor',
  'service_read_only',
  'service_operations',
  'service_city_operations',
] as const;
export type MatrixRole = (typeof ROLES)[number];
export const POSITIONS = ['own', 'sibling', 'otherCity'] as const;
export type Position = (typeof POSITIONS)[number];
/** Callers without a valid identity; each is pointed at the first district. */
export const CREDENTIALS = ['anonymous', 'expired_access_token', 'revoked_api_token'] as const;
export type Credential = (typeof CREDENTIALS)[number];

/**
 * ALLOWED: past authorisation (data, or a domain answer such as CONFLICT for the deliberately stale
 * expectedVersion every change is sent with, so no case changes the fixtures).
 * FORBIDDEN: the caller sees the record or scope but may not do this. HIDDEN: answered as if it did
 * not exist (NOT_FOUND, or an empty list). UNAUTHENTICATED: no valid identity.
 */
export type Outcome = 'ALLOWED' | 'FORBIDDEN' | 'HIDDEN' | 'UNAUTHENTICATED';

export interface Target {
  role: MatrixRole;
  records: DistrictRecords;
  world: TwoCities;
  /** Unique per case, for names and codes that must not repeat. */
  unique: string;
  /** A notification and a webhook delivery of the targeted district. */
  notificationId: string;
  deliveryId: string;
  /** A refresh token of a fresh session. */
  freshRefreshToken: () => Promise<string>;
  /** A record's current version, for the rows that run one at a time. */
  versionOf: (id: string) => Promise<number>;
}

export interface MatrixRow {
  kind: 'query' | 'mutation' | 'subscription';
  document: string;
  variables?: (target: Target) => Record<string, unknown> | Promise<Record<string, unknown>>;
  expected: (role: MatrixRole, position: Position) => Outcome;
  /** Needs no sign-in (a bad credential is still refused). */
  public?: boolean;
  /** Ends the caller's session, so it runs after every other case. */
  last?: boolean;
  /**
   * Sent with the record's current version, one case at a time: the area's ability grants `update`
   * coarsely and its deciders judge who acts on which record, and a stale version would answer
   * CONFLICT before they do.
   */
  current?: boolean;
}

type Who = Partial<Record<Position, readonly MatrixRole[]>>;

const CITY: MatrixRole = 'city_inspector';
const ADMIN: MatrixRole = 'district_admin';
const OFFICER: MatrixRole = 'unit_officer';
const AUDITOR: MatrixRole = 'auditor';
const READ_TOKEN: MatrixRole = 'service_read_only';
const OPS_TOKEN: MatrixRole = 'service_operations';
const CITY_TOKEN: MatrixRole = 'service_city_operations';
const USERS: readonly MatrixRole[] = ['platform_admin', CITY, ADMIN, OFFICER, AUDITOR];
const EVERYONE: readonly MatrixRole[] = ROLES;

/**
 * Who sees a district's business records (the targets sit in unit officer A's unit): its staff and tokens, and its city.
 * The annual responsibility records (责任清单, 目标责任书, 重点工作项目, 分析研判月报告) are read alike.
 */
const READERS: Who = { own: [CITY, CITY_TOKEN, ADMIN, OFFICER, AUDITOR, READ_TOKEN, OPS_TOKEN], sibling: [CITY, CITY_TOKEN] };
/** The same without the unit officer, for district-wide records (figures, the audit trail). */
const DISTRICT_READERS: Who = { own: [CITY, CITY_TOKEN, ADMIN, AUDITOR, READ_TOKEN, OPS_TOKEN], sibling: [CITY, CITY_TOKEN] };
/** The offices that conduct: the city in its districts, the district office and a token acting for it. */
const OFFICES: Who = { own: [CITY, CITY_TOKEN, ADMIN, OPS_TOKEN], sibling: [CITY, CITY_TOKEN] };
/** The unit side of a rectification: the unit officer, or the district office on the unit's behalf. */
const UNIT_SIDE: Who = { own: [ADMIN, OFFICER, OPS_TOKEN] };
const DISTRICT_OFFICE: Who = { own: [ADMIN, OPS_TOKEN] };
const CITY_OFFICE: Who = { own: [CITY, CITY_TOKEN], sibling: [CITY, CITY_TOKEN] };
const DISTRICT_ADMIN: Who = { own: [ADMIN] };
/** Webhooks and API tokens are the district administrator's; its auditors read them. */
/** Verifying and signing a chain is the city's, the district's and the auditors' (and a token's that names it). */
const CHAIN_VERIFIERS: Who = { own: [CITY, CITY_TOKEN, ADMIN, AUDITOR, OPS_TOKEN], sibling: [CITY, CITY_TOKEN] };
const INTEGRATION_READERS: Who = { own: [ADMIN, AUDITOR] };
const everywhere = (roles: readonly MatrixRole[]): Who => ({ own: roles, sibling: roles, otherCity: roles });

/** Allowed for `allowed`; FORBIDDEN for the others who can see the target; HIDDEN for the rest. */
const acts =
  (allowed: Who, visible: Who = READERS) =>
  (role: MatrixRole, position: Position): Outcome =>
    allowed[position]?.includes(role) ? 'ALLOWED' : visible[position]?.includes(role) ? 'FORBIDDEN' : 'HIDDEN';
const reads = (allowed: Who) => acts(allowed, {});
/** Operations on no record of a district: allowed or FORBIDDEN. */
const only = (allowed: Who) => acts(allowed, everywhere(EVERYONE));

const STALE = 999;
const change = (id: (records: DistrictRecords) => string, extra: Record<string, unknown> = {}) => (t: Target) => ({
  input: { id: id(t.records), expectedVersion: STALE, ...extra },
});
const actsForCity = (t: Target): boolean => t.role === CITY || t.role === CITY_TOKEN;
/** The city (in person or by token) works on its city's inspection of the district; everyone else on the district's self-check. */
const inspectionFor = (t: Target): string => (actsForCity(t) && t.records.cityInspectionId) || t.records.districtInspectionId;
const assignment = (t: Target) => ({ input: { id: t.records.unitId, personId: t.records.officerId, expectedVersion: STALE } });
const YEAR = RESPONSIBILITY_YEAR;
const atCurrentVersion = (id: (records: DistrictRecords) => string, extra: Record<string, unknown>) => async (t: Target) => ({
  input: { id: id(t.records), expectedVersion: await t.versionOf(id(t.records)), ...extra },
});
const recorded = (records: DistrictRecords) => records.findings.RECORDED.id;
const FINDING = '{ id tenantId unitId inspectionId status }';
const INSPECTION = '{ id tenantId status target { unitIds } findings(first: 5) { edges { node { id tenantId } } } }';
const INTERVIEW = '{ id tenantId interviewerIds findingIds }';
const UNIT = '{ id tenantId parentId children { id } }';
const PERSON = '{ id tenantId unitId username }';
const CONNECTION = (node: string) => `{ totalCount edges { node ${node} } }`;
const FIGURES = '{ recorded verified rate }';

export const MATRIX: Record<string, MatrixRow> = {
  // ── queries ──
  // The platform reads the city-scoped tokens it issued, a district's office and auditors the district's.
  apiTokens: { kind: 'query', document: '{ apiTokens { id scopeTenantId } }', expected: reads(everywhere(['platform_admin', ADMIN, AUDITOR])) },
  assessment: {
    kind: 'query',
    document: `query($tenantId: ID) { assessment(year: ${YEAR}, tenantId: $tenantId) { year ranking { tenantId unitId rank } } }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  auditEvents: {
    kind: 'query',
    document: `query($tenantId: ID) { auditEvents(first: 5, filter: { tenantId: $tenantId }) ${CONNECTION('{ tenantId streamId }')} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  chainCheckpoints: {
    kind: 'query',
    document: 'query($tenantId: ID!) { chainCheckpoints(tenantId: $tenantId) { tenantId tenantPosition } }',
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  chainStatus: {
    kind: 'query',
    document: 'query($tenantId: ID!) { chainStatus(tenantId: $tenantId) { tenantId ok } }',
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: acts(CHAIN_VERIFIERS, DISTRICT_READERS),
  },
  cities: { kind: 'query', document: '{ cities { id } }', expected: reads(everywhere(['platform_admin', CITY, CITY_TOKEN])) },
  districtRanking: {
    kind: 'query',
    document: 'query($cityId: ID!) { districtRanking(cityId: $cityId) { id rate } }',
    variables: (t) => ({ cityId: t.records.cityId }),
    expected: reads(CITY_OFFICE),
  },
  finding: { kind: 'query', document: `query($id: ID!) { finding(id: $id) ${FINDING} }`, variables: (t) => ({ id: recorded(t.records) }), expected: reads(READERS) },
  findings: {
    kind: 'query',
    document: `query($tenantId: ID) { findings(filter: { tenantId: $tenantId }) ${CONNECTION(FINDING)} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  findingsAsOf: {
    kind: 'query',
    document: `query($tenantId: ID, $asOf: DateTime!) { findingsAsOf(asOf: $asOf, filter: { tenantId: $tenantId }) ${CONNECTION(FINDING)} }`,
    variables: (t) => ({ tenantId: t.records.tenantId, asOf: new Date().toISOString() }),
    expected: reads(READERS),
  },
  inspection: { kind: 'query', document: `query($id: ID!) { inspection(id: $id) ${INSPECTION} }`, variables: (t) => ({ id: t.records.districtInspectionId }), expected: reads(READERS) },
  inspections: {
    kind: 'query',
    document: `query($tenantId: ID) { inspections(filter: { tenantId: $tenantId }) ${CONNECTION('{ id tenantId }')} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  interview: { kind: 'query', document: `query($id: ID!) { interview(id: $id) ${INTERVIEW} }`, variables: (t) => ({ id: t.records.interviewId }), expected: reads(READERS) },
  interviews: {
    kind: 'query',
    document: `query($tenantId: ID) { interviews(filter: { tenantId: $tenantId }) ${CONNECTION(INTERVIEW)} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  keyProjectPlan: {
    kind: 'query',
    document: 'query($id: ID!) { keyProjectPlan(id: $id) { id tenantId ownerUnitId } }',
    variables: (t) => ({ id: t.records.responsibility.planId }),
    expected: reads(READERS),
  },
  keyProjectPlans: {
    kind: 'query',
    document: `query($tenantId: ID) { keyProjectPlans(year: ${YEAR}, tenantId: $tenantId) { id tenantId } }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  monthlyReports: {
    kind: 'query',
    document: `query($tenantId: ID) { monthlyReports(year: ${YEAR}, tenantId: $tenantId) { id tenantId } }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  // Personal: unit officer A has been told of its unit's findings, the district office of its overdue monthly report; nobody reads another's.
  notifications: { kind: 'query', document: `{ notifications ${CONNECTION('{ id tenantId recordId }')} }`, expected: reads(everywhere([OFFICER, ADMIN])) },
  people: {
    kind: 'query',
    document: `query($tenantId: ID) { people(tenantId: $tenantId) ${PERSON} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    // The platform reads every district's administrators: it registers them.
    expected: reads({ own: [...READERS.own!, 'platform_admin'], sibling: [...READERS.sibling!, 'platform_admin'], otherCity: ['platform_admin'] }),
  },
  person: { kind: 'query', document: `query($id: ID!) { person(id: $id) ${PERSON} }`, variables: (t) => ({ id: t.records.personId }), expected: reads(READERS) },
  rectificationStatistics: {
    kind: 'query',
    document: `query($tenantId: ID) { rectificationStatistics(scope: { tenantId: $tenantId }) ${FIGURES} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  rectificationTrend: {
    kind: 'query',
    document: `query($tenantId: ID, $from: DateTime!, $to: DateTime!) { rectificationTrend(scope: { tenantId: $tenantId }, from: $from, to: $to) ${FIGURES} }`,
    variables: (t) => ({ tenantId: t.records.tenantId, from: new Date(Date.now() - 40 * 86_400_000).toISOString(), to: new Date().toISOString() }),
    expected: reads(DISTRICT_READERS),
  },
  responsibilityList: {
    kind: 'query',
    document: 'query($id: ID!) { responsibilityList(id: $id) { id tenantId unitId } }',
    variables: (t) => ({ id: t.records.responsibility.listId }),
    expected: reads(READERS),
  },
  responsibilityLists: {
    kind: 'query',
    document: `query($tenantId: ID) { responsibilityLists(year: ${YEAR}, tenantId: $tenantId) { id tenantId unitId } }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  systemStatus: { kind: 'query', document: '{ systemStatus { version } }', public: true, expected: reads(everywhere(EVERYONE)) },
  targetLetters: {
    kind: 'query',
    document: `query($tenantId: ID) { targetLetters(year: ${YEAR}, tenantId: $tenantId) { id tenantId unitId } }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  tenants: {
    kind: 'query',
    document: 'query($cityId: ID) { tenants(cityId: $cityId) { id cityId } }',
    variables: (t) => ({ cityId: t.records.cityId }),
    // Asked by city: the first city's list holds everyone's own district, the other city's none of theirs.
    expected: reads({ own: EVERYONE, sibling: EVERYONE, otherCity: ['platform_admin'] }),
  },
  unit: { kind: 'query', document: `query($id: ID!) { unit(id: $id) ${UNIT} }`, variables: (t) => ({ id: t.records.unitId }), expected: reads(READERS) },
  unitRanking: {
    kind: 'query',
    document: 'query($tenantId: ID!) { unitRanking(tenantId: $tenantId) { id rate } }',
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  units: {
    kind: 'query',
    document: `query($tenantId: ID) { units(tenantId: $tenantId) ${UNIT} }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  unitsWithoutSignedLetter: {
    kind: 'query',
    document: `query($tenantId: ID) { unitsWithoutSignedLetter(year: ${YEAR}, tenantId: $tenantId) { id } }`,
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(DISTRICT_READERS),
  },
  viewer: { kind: 'query', document: '{ viewer { id tenantIds } }', expected: reads(everywhere(EVERYONE)) },
  webhookDeliveries: {
    kind: 'query',
    document: `query($id: ID!) { webhookDeliveries(endpointId: $id) ${CONNECTION('{ id endpointId streamId }')} }`,
    variables: (t) => ({ id: t.records.webhookEndpointId }),
    expected: reads(INTEGRATION_READERS),
  },
  webhookEndpoints: { kind: 'query', document: '{ webhookEndpoints { id } }', expected: reads(everywhere([ADMIN, AUDITOR])) },

  // ── mutations ──
  addKeyProject: {
    kind: 'mutation',
    document: 'mutation($input: AddKeyProjectInput!) { addKeyProject(input: $input) { id } }',
    variables: atCurrentVersion((r) => r.responsibility.planId, {
      title: '理论学习阵地建设',
      goal: '建成新时代文明实践站3个',
      category: 'ROUTINE',
      weight: 10,
      milestones: [{ month: `${YEAR}-12`, target: '完成选址' }],
    }),
    current: true,
    // A unit's plan is its district's to set.
    expected: acts(DISTRICT_OFFICE),
  },
  addResponsibilityItem: {
    kind: 'mutation',
    document: 'mutation($input: AddResponsibilityItemInput!) { addResponsibilityItem(input: $input) { id } }',
    variables: atCurrentVersion((r) => r.responsibility.listId, { title: '网络意识形态阵地管理', content: '落实属地管理责任', firstResponsible: { name: '李华' } }),
    current: true,
    expected: acts(DISTRICT_OFFICE),
  },
  approveExtension: {
    kind: 'mutation',
    document: 'mutation($input: FindingCommentInput!) { approveExtension(input: $input) { id } }',
    variables: change(recorded),
    expected: acts(OFFICES),
  },
  assignUnitHead: {
    kind: 'mutation',
    document: 'mutation($input: AssignUnitPersonInput!) { assignUnitHead(input: $input) { id } }',
    variables: assignment,
    expected: acts(DISTRICT_ADMIN),
  },
  assignUnitLeader: {
    kind: 'mutation',
    document: 'mutation($input: AssignUnitPersonInput!) { assignUnitLeader(input: $input) { id } }',
    variables: assignment,
    expected: acts(DISTRICT_ADMIN),
  },
  assignUnitLiaison: {
    kind: 'mutation',
    document: 'mutation($input: AssignUnitPersonInput!) { assignUnitLiaison(input: $input) { id } }',
    variables: assignment,
    expected: acts(DISTRICT_ADMIN),
  },
  cancelInspection: {
    kind: 'mutation',
    document: 'mutation($input: CancelInspectionInput!) { cancelInspection(input: $input) { id } }',
    variables: (t) => ({ input: { id: inspectionFor(t), expectedVersion: STALE, reason: '计划调整' } }),
    expected: acts(OFFICES),
  },
  cancelInterview: {
    kind: 'mutation',
    document: 'mutation($input: CancelInterviewInput!) { cancelInterview(input: $input) { id } }',
    variables: change((r) => r.interviewId, { reason: '改期' }),
    expected: acts(OFFICES),
  },
  changePassword: {
    kind: 'mutation',
    // A new password the policy refuses: the answer says the request got that far and nothing changes.
    document: 'mutation { changePassword(input: { currentPassword: "Demo-password-2026", newPassword: "short" }) }',
    expected: only(everywhere(USERS)),
  },
  changePersonRole: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { changePersonRole(id: $id, role: auditor, expectedVersion: 999) { id } }',
    variables: (t) => ({ id: t.records.personId }),
    expected: acts(DISTRICT_ADMIN),
  },
  checkInProgress: {
    kind: 'mutation',
    document: 'mutation($input: CheckInProgressInput!) { checkInProgress(input: $input) { id } }',
    variables: change(recorded, { percent: 10, narrative: '已部署整改' }),
    expected: acts(UNIT_SIDE),
  },
  closeInspection: {
    kind: 'mutation',
    document: 'mutation($input: ChangeInspectionInput!) { closeInspection(input: $input) { id } }',
    variables: (t) => ({ input: { id: inspectionFor(t), expectedVersion: STALE } }),
    expected: acts(OFFICES),
  },
  confirmKeyProjectPlan: {
    kind: 'mutation',
    document: 'mutation($input: ConfirmKeyProjectPlanInput!) { confirmKeyProjectPlan(input: $input) { id } }',
    variables: atCurrentVersion((r) => r.responsibility.planId, {}),
    current: true,
    expected: acts(DISTRICT_OFFICE),
  },
  createCity: {
    kind: 'mutation',
    document: 'mutation($input: CreateCityInput!) { createCity(input: $input) { id } }',
    variables: (t) => ({ input: { name: `测试市${t.unique}`, code: `C${t.unique}` } }),
    expected: only(everywhere(['platform_admin'])),
  },
  createResponsibilityList: {
    kind: 'mutation',
    document: 'mutation($input: CreateResponsibilityListInput!) { createResponsibilityList(input: $input) { id } }',
    // The unit's list for the year exists: the district office (in person or by token) is told so (INVALID_STATE), anyone else is refused first.
    variables: (t) => ({ input: { tenantId: t.records.tenantId, unitId: t.records.unitId, year: YEAR, title: '责任清单' } }),
    expected: acts(DISTRICT_OFFICE),
  },
  createTenant: {
    kind: 'mutation',
    document: 'mutation($input: CreateTenantInput!) { createTenant(input: $input) { id } }',
    variables: (t) => ({ input: { cityId: t.records.cityId, name: `测试区${t.unique}`, code: `T${t.unique}` } }),
    expected: only(everywhere(['platform_admin'])),
  },
  createUnit: {
    kind: 'mutation',
    document: 'mutation($input: CreateUnitInput!) { createUnit(input: $input) { id } }',
    variables: (t) => ({ input: { tenantId: t.records.tenantId, name: `测试单位${t.unique}`, kind: 'DEPARTMENT' } }),
    expected: acts(DISTRICT_ADMIN),
  },
  deactivatePerson: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { deactivatePerson(id: $id, reason: "调离", expectedVersion: 999) { id } }',
    variables: (t) => ({ id: t.records.personId }),
    expected: acts(DISTRICT_ADMIN),
  },
  deactivateUnit: {
    kind: 'mutation',
    document: 'mutation($input: DeactivateUnitInput!) { deactivateUnit(input: $input) { id } }',
    variables: change((r) => r.unitId, { reason: '撤并' }),
    expected: acts(DISTRICT_ADMIN),
  },
  disableWebhookEndpoint: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { disableWebhookEndpoint(id: $id, expectedVersion: 999) { id } }',
    variables: (t) => ({ id: t.records.webhookEndpointId }),
    expected: acts(DISTRICT_ADMIN, INTEGRATION_READERS),
  },
  draftKeyProjectPlan: {
    kind: 'mutation',
    document: 'mutation($input: DraftKeyProjectPlanInput!) { draftKeyProjectPlan(input: $input) { id } }',
    // The city sets a district's own plan, the district its units' (each in person or by token).
    variables: (t) => ({ input: { tenantId: t.records.tenantId, ownerUnitId: actsForCity(t) ? null : t.records.unitId, year: YEAR } }),
    expected: acts(OFFICES),
  },
  draftTargetLetter: {
    kind: 'mutation',
    document: 'mutation($input: DraftTargetLetterInput!) { draftTargetLetter(input: $input) { id } }',
    // The city issues letters to districts, a district to its units (each in person or by token).
    variables: (t) => ({
      input:
        actsForCity(t)
          ? { tenantId: t.records.tenantId, level: 'CITY_DISTRICT', year: YEAR, terms: ['落实意识形态工作责任制'] }
          : { tenantId: t.records.tenantId, level: 'DISTRICT_UNIT', unitId: t.records.unitId, year: YEAR, terms: ['落实意识形态工作责任制'] },
    }),
    expected: acts(OFFICES),
  },
  fulfilCommitment: {
    kind: 'mutation',
    document: 'mutation($input: FulfilCommitmentInput!) { fulfilCommitment(input: $input) { id } }',
    variables: change((r) => r.interviewId, { commitmentId: '5e1d0c2a-0000-4000-8000-000000000001', note: '已落实' }),
    expected: acts(OFFICES),
  },
  issueApiToken: {
    kind: 'mutation',
    document: 'mutation($input: IssueApiTokenInput!) { issueApiToken(input: $input) { apiToken { id } } }',
    variables: (t) => ({ input: { name: `令牌${t.unique}`, tenantId: t.records.tenantId, readOnly: true, expiresAt: new Date(Date.now() + 86_400_000).toISOString() } }),
    expected: only(DISTRICT_ADMIN),
  },
  issueInspectionReport: {
    kind: 'mutation',
    document: 'mutation($input: IssueInspectionReportInput!) { issueInspectionReport(input: $input) { id } }',
    variables: (t) => ({ input: { id: inspectionFor(t), expectedVersion: STALE, summary: '发现问题3个' } }),
    expected: acts(OFFICES),
  },
  markNotificationRead: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { markNotificationRead(id: $id) { id } }',
    // The targeted district's notification is unit officer A's in 钱塘区 and a colleague's elsewhere.
    variables: (t) => ({ id: t.notificationId }),
    expected: reads({ own: [OFFICER] }),
  },
  moveUnit: {
    kind: 'mutation',
    document: 'mutation($input: MoveUnitInput!) { moveUnit(input: $input) { id } }',
    variables: change((r) => r.unitId, { parentId: null }),
    expected: acts(DISTRICT_ADMIN),
  },
  passDistrictReview: {
    kind: 'mutation',
    document: 'mutation($input: FindingCommentInput!) { passDistrictReview(input: $input) { id } }',
    variables: change((r) => r.findings.SUBMITTED.id),
    expected: acts(DISTRICT_OFFICE),
  },
  planInspection: {
    kind: 'mutation',
    document: 'mutation($input: PlanInspectionInput!) { planInspection(input: $input) { id } }',
    variables: (t) => ({
      input: {
        tenantId: t.records.tenantId,
        title: `专项检查${t.unique}`,
        kind: actsForCity(t) ? 'PATROL' : 'SELF_CHECK',
        target: { scope: 'UNITS', unitIds: [t.records.unitId] },
        periodStart: daysFromToday(0),
        periodEnd: daysFromToday(30),
        team: [{ name: '组长' }],
      },
    }),
    expected: acts(OFFICES),
  },
  reactivatePerson: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { reactivatePerson(id: $id, expectedVersion: 999) { id } }',
    variables: (t) => ({ id: t.records.personId }),
    expected: acts(DISTRICT_ADMIN),
  },
  reassignFinding: {
    kind: 'mutation',
    document: 'mutation($input: ReassignFindingInput!) { reassignFinding(input: $input) { id } }',
    variables: (t) => ({ input: { id: recorded(t.records), expectedVersion: STALE, toUnitId: t.records.otherUnitId, reason: '职责调整' } }),
    expected: acts(OFFICES),
  },
  recordFinding: {
    kind: 'mutation',
    document: 'mutation($input: RecordFindingInput!) { recordFinding(input: $input) { id } }',
    variables: (t) => ({ input: recordFindingInput({ inspectionId: inspectionFor(t), unitId: t.records.unitId, title: `问题${t.unique}` }) }),
    expected: acts(OFFICES),
  },
  recordInterviewHeld: {
    kind: 'mutation',
    document: 'mutation($input: RecordInterviewHeldInput!) { recordInterviewHeld(input: $input) { id } }',
    variables: change((r) => r.interviewId, { minutes: '谈话记录' }),
    expected: acts(OFFICES),
  },
  refreshSession: {
    kind: 'mutation',
    document: 'mutation($token: String) { refreshSession(refreshToken: $token) { accessToken } }',
    variables: async (t) => ({ token: await t.freshRefreshToken() }),
    public: true,
    expected: only(everywhere(EVERYONE)),
  },
  refuseExtension: {
    kind: 'mutation',
    document: 'mutation($input: FindingReasonInput!) { refuseExtension(input: $input) { id } }',
    variables: change(recorded, { reason: '理由不充分' }),
    expected: acts(OFFICES),
  },
  registerPerson: {
    kind: 'mutation',
    document: 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { id } }',
    // Each registers whom its job is to register: the platform a district's administrator, the district its staff.
    variables: (t) => ({
      input: {
        username: `user.${t.unique}`,
        displayName: '新同事',
        role: t.role === 'platform_admin' ? 'district_admin' : 'auditor',
        tenantId: t.records.tenantId,
        initialPassword: 'Demo-password-2026',
      },
    }),
    expected: only({ own: ['platform_admin', ADMIN], sibling: ['platform_admin'], otherCity: ['platform_admin'] }),
  },
  registerWebhookEndpoint: {
    kind: 'mutation',
    document: 'mutation($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } } }',
    // An endpoint belongs to the caller's own district: there is nothing to point elsewhere.
    variables: (t) => ({ input: { url: `http://127.0.0.1:9/${t.unique}`, eventTypes: ['FindingRecorded'] } }),
    expected: only(everywhere([ADMIN])),
  },
  rejectDistrictReview: {
    kind: 'mutation',
    document: 'mutation($input: FindingReasonInput!) { rejectDistrictReview(input: $input) { id } }',
    variables: change((r) => r.findings.SUBMITTED.id, { reason: '佐证不足' }),
    expected: acts(DISTRICT_OFFICE),
  },
  rejectSignOff: {
    kind: 'mutation',
    document: 'mutation($input: FindingReasonInput!) { rejectSignOff(input: $input) { id } }',
    variables: change((r) => r.findings.DISTRICT_REVIEW_PASSED.id, { reason: '整改不到位' }),
    expected: acts(CITY_OFFICE),
  },
  renameUnit: {
    kind: 'mutation',
    document: 'mutation($input: RenameUnitInput!) { renameUnit(input: $input) { id } }',
    variables: (t) => ({ input: { id: t.records.unitId, expectedVersion: STALE, name: `新名称${t.unique}` } }),
    expected: acts(DISTRICT_ADMIN),
  },
  reopenFinding: {
    kind: 'mutation',
    document: 'mutation($input: ReopenFindingInput!) { reopenFinding(input: $input) { id } }',
    variables: (t) => ({
      input: { id: t.records.findings.VERIFIED.id, expectedVersion: STALE, followUpInspectionId: inspectionFor(t), reason: '回头看发现反弹', deadline: daysFromToday(30) },
    }),
    expected: acts(OFFICES),
  },
  replayWebhookDelivery: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { replayWebhookDelivery(id: $id) { id } }',
    variables: (t) => ({ id: t.deliveryId }),
    expected: acts(DISTRICT_ADMIN, INTEGRATION_READERS),
  },
  reportKeyProjectProgress: {
    kind: 'mutation',
    document: 'mutation($input: ReportKeyProjectProgressInput!) { reportKeyProjectProgress(input: $input) { id } }',
    variables: atCurrentVersion((r) => r.responsibility.planId, {
      projectId: '5e1d0c2a-0000-4000-8000-000000000002',
      month: `${YEAR}-12`,
      completionPercent: 50,
      summary: '完成选址',
    }),
    current: true,
    // The owning unit reports, or its district (in person or by token) on its behalf.
    expected: acts(UNIT_SIDE),
  },
  requestExtension: {
    kind: 'mutation',
    document: 'mutation($input: RequestExtensionInput!) { requestExtension(input: $input) { id } }',
    variables: change(recorded, { reason: '需协调多部门', requestedDeadline: daysFromToday(90) }),
    expected: acts(UNIT_SIDE),
  },
  rescheduleInterview: {
    kind: 'mutation',
    document: 'mutation($input: RescheduleInterviewInput!) { rescheduleInterview(input: $input) { id } }',
    variables: change((r) => r.interviewId, { reason: '时间冲突', scheduledAt: new Date(Date.now() + 10 * 86_400_000).toISOString() }),
    expected: acts(OFFICES),
  },
  revokeApiToken: {
    kind: 'mutation',
    document: 'mutation($id: ID!) { revokeApiToken(id: $id, reason: "停用", expectedVersion: 999) { id } }',
    variables: (t) => ({ id: t.records.apiTokenId }),
    expected: acts(DISTRICT_ADMIN, INTEGRATION_READERS),
  },
  scheduleInterview: {
    kind: 'mutation',
    document: 'mutation($input: ScheduleInterviewInput!) { scheduleInterview(input: $input) { id } }',
    variables: (t) => ({
      input: {
        tenantId: t.records.tenantId,
        kind: 'REMINDER',
        interviewerIds: [t.records.adminId],
        interviewees: [{ personId: t.records.officerId, unitId: t.records.unitId }],
        reason: `约谈${t.unique}`,
        scheduledAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
        place: '会议室',
        confidential: false,
      },
    }),
    expected: acts(OFFICES),
  },
  scheduleMonthlyReport: {
    kind: 'mutation',
    document: 'mutation($input: ScheduleMonthlyReportInput!) { scheduleMonthlyReport(input: $input) { id } }',
    variables: (t) => ({ input: { tenantId: t.records.tenantId, month: `${YEAR}-10`, dueDate: `${YEAR}-11-05` } }),
    expected: acts(CITY_OFFICE),
  },
  signChainHead: {
    kind: 'mutation',
    document: 'mutation($tenantId: ID!) { signChainHead(tenantId: $tenantId) { tenantId } }',
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: acts(CHAIN_VERIFIERS, DISTRICT_READERS),
  },
  signIn: {
    kind: 'mutation',
    document: 'mutation { signIn(input: { username: "qt.auditor", password: "Demo-password-2026" }) { accessToken } }',
    public: true,
    expected: only(everywhere(EVERYONE)),
  },
  signTargetLetter: {
    kind: 'mutation',
    document: 'mutation($input: SignTargetLetterInput!) { signTargetLetter(input: $input) { id } }',
    variables: atCurrentVersion((r) => r.responsibility.letterId, {
      signedOn: `${YEAR}-12-01`,
      signatories: [
        { party: 'ISSUER', name: '王书记', title: '区委书记' },
        { party: 'RECIPIENT', name: '李主任', title: '街道党工委书记' },
      ],
    }),
    current: true,
    // A district → unit letter is the district's to sign.
    expected: acts(DISTRICT_OFFICE),
  },
  signOffFinding: {
    kind: 'mutation',
    document: 'mutation($input: FindingCommentInput!) { signOffFinding(input: $input) { id } }',
    variables: change((r) => r.findings.DISTRICT_REVIEW_PASSED.id),
    expected: acts(CITY_OFFICE),
  },
  signOut: { kind: 'mutation', document: 'mutation { signOut }', last: true, expected: only(everywhere(EVERYONE)) },
  startInspection: {
    kind: 'mutation',
    document: 'mutation($input: ChangeInspectionInput!) { startInspection(input: $input) { id } }',
    variables: (t) => ({ input: { id: inspectionFor(t), expectedVersion: STALE } }),
    expected: acts(OFFICES),
  },
  submitForSignOff: {
    kind: 'mutation',
    document: 'mutation($input: SubmitForSignOffInput!) { submitForSignOff(input: $input) { id } }',
    variables: change(recorded),
    expected: acts(UNIT_SIDE),
  },
  submitMonthlyReport: {
    kind: 'mutation',
    document: 'mutation($input: SubmitMonthlyReportInput!) { submitMonthlyReport(input: $input) { id } }',
    variables: atCurrentVersion((r) => r.responsibility.reportId, { content: '本月意识形态领域总体平稳' }),
    current: true,
    expected: acts(DISTRICT_OFFICE, DISTRICT_READERS),
  },
  submitRectificationPlan: {
    kind: 'mutation',
    document: 'mutation($input: SubmitRectificationPlanInput!) { submitRectificationPlan(input: $input) { id } }',
    variables: change(recorded, { measures: '完善制度', responsiblePerson: { name: '王明' }, plannedCompletionDate: daysFromToday(20) }),
    expected: acts(UNIT_SIDE),
  },
  withdrawFinding: {
    kind: 'mutation',
    document: 'mutation($input: FindingReasonInput!) { withdrawFinding(input: $input) { id } }',
    variables: change(recorded, { reason: '重复登记' }),
    expected: acts(OFFICES),
  },

  // ── subscriptions: ALLOWED when the targeted district's events arrive, HIDDEN when none do ──
  findingChanged: {
    kind: 'subscription',
    document: 'subscription($tenantId: ID) { findingChanged(tenantId: $tenantId) { findingId tenantId unitId } }',
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
  notificationReceived: {
    kind: 'subscription',
    document: 'subscription { notificationReceived { id tenantId recordId } }',
    expected: reads(everywhere([OFFICER])),
  },
  warningIssued: {
    kind: 'subscription',
    document: 'subscription($tenantId: ID) { warningIssued(tenantId: $tenantId) { findingId tenantId unitId } }',
    variables: (t) => ({ tenantId: t.records.tenantId }),
    expected: reads(READERS),
  },
};
