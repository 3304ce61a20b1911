import { createMongoAbility, type ForcedSubject, type MongoAbility, type MongoQuery, type RawRuleOf } from '@casl/ability';
import { permittedFieldsOf } from '@casl/ability/extra';
import { FINDING_COMMAND_FROM } from '../finding/finding.rules';
import { responsibilityActionsOf } from '../responsibility/responsibility.roles';
import { assertActorShape, TOKEN_LEVEL_ROLE, type Actor, type Role, type TokenScopeKind } from './actor';
import {
  auditActionsOf,
  FINDING_ACTION_COMMANDS,
  findingActionsOf,
  inspectionKindsPlannableBy,
  inspectionLevelsRunBy,
  interviewActionsOf,
  type AppAction,
  type FindingAction,
} from './actions';
import { asSubject, PERSON_PUBLIC_FIELDS, type AppSubjectType } from './subjects';

export type AppAbility = MongoAbility<[AppAction, AppSubjectType | ForcedSubject<AppSubjectType>], MongoQuery>;

export interface AbilityScope {
  /** The districts of the actor's city, resolved by the API: what a city inspector or a city token reads. */
  cityTenantIds?: readonly string[];
}

type Conditions = Readonly<Record<string, unknown>>;

interface Grant {
  actions: readonly AppAction[];
  subjects: readonly AppSubjectType[];
  conditions: Conditions | undefined;
  fields: readonly string[] | undefined;
}

/**
 * Rules in the order they are granted. Every rule permits: what a role may not do is simply never
 * granted, so rules do not depend on their order and each translates to SQL on its own.
 */
class Grants {
  readonly list: Grant[] = [];

  can(actions: readonly AppAction[], subjects: AppSubjectType | readonly AppSubjectType[], conditions?: Conditions, fields?: readonly string[]): void {
    if (actions.length === 0) return;
    this.list.push({ actions, subjects: typeof subjects === 'string' ? [subjects] : subjects, conditions, fields });
  }
}

function toRawRule({ actions, subjects, conditions, fields }: Grant): RawRuleOf<AppAbility> {
  return {
    action: [...actions],
    subject: [...subjects],
    // CASL types conditions per tagged subject interface; ours are plain Mongo queries over the fields
    // of SubjectRecords, which the spec checks rule by rule against SUBJECT_CONDITION_FIELDS.
    ...(conditions && { conditions: conditions as MongoQuery }),
    ...(fields && { fields: [...fields] }),
  };
}

/** People the platform sets up: a city's inspectors and a district's first administrators. */
const PLATFORM_MANAGED_ROLES: readonly Role[] = ['city_inspector', 'district_admin'];
/** People a district administers: never platform or city people. */
const DISTRICT_ROLES: readonly Role[] = ['district_admin', 'unit_officer', 'auditor'];

/**
 * The two-level review is who acts at which stage: the district reviews what a unit submitted, the
 * city signs off or rejects only what the district passed. That is authorisation, so it is in the
 * rules (and the UI offers the buttons only then); other lifecycle states stay the decider's, which
 * explains a wrong state better than a bare FORBIDDEN.
 */
const STAGE_GATED = ['reviewPass', 'reviewReject', 'signOff', 'reject'] as const satisfies readonly FindingAction[];
type StageGatedAction = (typeof STAGE_GATED)[number];
const isStageGated = (action: FindingAction): action is StageGatedAction => (STAGE_GATED as readonly FindingAction[]).includes(action);

/**
 * Interviews in scope that are not confidential, and confidential ones only for the people they
 * name (DESIGN.md: "confidential to named people"; no office sees them by rank). A token names nobody.
 */
function grantInterviews(grants: Grants, actions: readonly AppAction[], inScope: Conditions, namedAs: string | null): void {
  grants.can(actions, 'Interview', { ...inScope, confidential: false });
  if (namedAs) grants.can(actions, 'Interview', { ...inScope, participantIds: { $all: [namedAs] } });
}

/**
 * Everything a reader of a district sees, its audit trail and annual responsibility records
 * (责任清单, 目标责任书, 重点工作项目, 分析研判月报告) included; Interview payloads in that trail follow Interview.
 */
function grantDistrictReads(grants: Grants, inScope: Conditions, namedAs: string | null): void {
  grants.can(['read'], ['Tenant', 'Unit', 'Person', 'Inspection', 'Finding', 'Evidence', 'Statistics', 'Checkpoint', 'AuditEvent', 'Responsibility'], inScope);
  grantInterviews(grants, ['read'], inScope, namedAs);
}

/** A city's own records: the city and its city-wide figures. */
function grantCityReads(grants: Grants, cityId: string | null): void {
  grants.can(['read'], 'City', { cityId });
  grants.can(['read'], 'Statistics', { cityId, tenantId: null });
}

/** The lifecycle actions a role takes, as the deciders' role tables allow them, within a scope. */
function grantWorkflow(grants: Grants, role: Role, inScope: Conditions, namedAs: string | null): void {
  const findingActions = findingActionsOf(role);
  grants.can(
    findingActions.filter((action) => !isStageGated(action)),
    'Finding',
    inScope,
  );
  for (const action of findingActions.filter(isStageGated)) {
    grants.can([action], 'Finding', { ...inScope, status: { $in: [...FINDING_COMMAND_FROM[FINDING_ACTION_COMMANDS[action]]] } });
  }
  const kinds = inspectionKindsPlannableBy(role);
  if (kinds.length > 0) grants.can(['plan'], 'Inspection', { ...inScope, kind: { $in: kinds } });
  const levels = inspectionLevelsRunBy(role);
  if (levels.length > 0) grants.can(['update'], 'Inspection', { ...inScope, level: { $in: levels } });
  grantInterviews(grants, interviewActionsOf(role), inScope, namedAs);
  grants.can(auditActionsOf(role), 'AuditEvent', inScope);
  // The ability grants an office the responsibility records of its scope; the decider judges which record and level.
  grants.can(responsibilityActionsOf(role), 'Responsibility', inScope);
}

/** A token reads its scope; unless read-only it may also take the listed actions its level may take. */
function grantToken(grants: Grants, actor: Actor, level: TokenScopeKind, inScope: Conditions): void {
  grantDistrictReads(grants, inScope, null);
  if (actor.readOnly) return;
  const operations = new Set(actor.operations ?? []);
  const workflow = new Grants();
  grantWorkflow(workflow, TOKEN_LEVEL_ROLE[level], inScope, null);
  for (const grant of workflow.list) {
    grants.can(
      grant.actions.filter((action) => operations.has(action)),
      grant.subjects,
      grant.conditions,
      grant.fields,
    );
  }
}

/**
 * The one permission model (DESIGN.md "Tenancy and permissions"), built per request. The API checks
 * it on instances (`isAllowed`, `asSubject`) and translates it for lists (`abilityToSqlWhere`); the
 * web client builds the same ability from the viewer to show only what the API would allow.
 *
 * `ability.can(action, 'Finding')` on a bare type answers "may it on some Finding" (for menus); it
 * ignores conditions, so it must never authorise access to a record.
 */
export function defineAbilityFor(actor: Actor, scope: AbilityScope = {}): AppAbility {
  assertActorShape(actor);
  const grants = new Grants();
  const cityDistricts = { tenantId: { $in: [...(scope.cityTenantIds ?? [])] } };
  const ownDistrict = { tenantId: actor.tenantId };
  switch (actor.role) {
    case 'platform_admin':
      // Sets up cities, districts and their first people, and reads no district's business.
      grants.can(['manage'], ['City', 'Tenant']);
      grants.can(['read', 'create', 'update'], 'Person', { role: { $in: PLATFORM_MANAGED_ROLES } });
      grants.can(['read', 'issue', 'revoke'], 'ApiToken', { tenantId: null });
      break;

    case 'city_inspector':
      grantCityReads(grants, actor.cityId);
      grants.can(['read'], 'Person', { cityId: actor.cityId, tenantId: null });
      grantDistrictReads(grants, cityDistricts, actor.id);
      grantWorkflow(grants, actor.role, cityDistricts, actor.id);
      break;

    case 'district_admin':
      grantDistrictReads(grants, ownDistrict, actor.id);
      grants.can(['create', 'update'], 'Unit', ownDistrict);
      grants.can(['create', 'update'], 'Person', { ...ownDistrict, role: { $in: DISTRICT_ROLES } });
      grants.can(['read', 'issue', 'revoke'], 'ApiToken', ownDistrict);
      // Webhook endpoints send the district's events out: its administrators register, disable and replay them.
      grants.can(['read', 'create', 'update'], 'Webhook', ownDistrict);
      grantWorkflow(grants, actor.role, ownDistrict, actor.id);
      break;

    case 'unit_officer': {
      const ownUnit = { ...ownDistrict, unitId: actor.unitId };
      grants.can(['read'], 'Tenant', ownDistrict);
      grants.can(['read'], ['Unit', 'Finding', 'Evidence', 'Statistics', 'Responsibility'], ownUnit);
      grants.can(['read'], 'Inspection', { ...ownDistrict, targetScope: 'DISTRICT' });
      grants.can(['read'], 'Inspection', { ...ownDistrict, unitIds: { $all: [actor.unitId] } });
      grants.can(['read'], 'Interview', { ...ownDistrict, participantIds: { $all: [actor.id] } });
      grants.can(['read'], 'Person', ownDistrict, PERSON_PUBLIC_FIELDS);
      grants.can(['read'], 'Person', { id: actor.id });
      grantWorkflow(grants, actor.role, ownUnit, actor.id);
      break;
    }

    case 'auditor':
      grantDistrictReads(grants, ownDistrict, actor.id);
      grants.can(['read'], ['ApiToken', 'Webhook'], ownDistrict);
      grantWorkflow(grants, actor.role, ownDistrict, actor.id);
      break;

    case 'service':
      if (actor.tenantId) {
        grantToken(grants, actor, 'TENANT', ownDistrict);
      } else {
        grantCityReads(grants, actor.cityId);
        grantToken(grants, actor, 'CITY', cityDistricts);
      }
      break;
  }
  // Notifications are personal: whoever they were sent to reads them and marks them read, nobody else.
  if (actor.kind === 'user') grants.can(['read', 'update'], 'Notification', { recipientId: actor.id });
  return createMongoAbility<AppAbility>(grants.list.map(toRawRule));
}

/** The actions a token of this scope can be given: those its level takes; anything else listed is ignored. */
export function tokenOperationsFor(scope: TokenScopeKind): AppAction[] {
  const workflow = new Grants();
  grantWorkflow(workflow, TOKEN_LEVEL_ROLE[scope], {}, null);
  return [...new Set(workflow.list.flatMap((grant) => grant.actions))];
}

/** May the ability do this to this record, or to one field of it? */
export function isAllowed(ability: AppAbility, action: AppAction, type: AppSubjectType, record: object, field?: string): boolean {
  return ability.can(action, asSubject(type, record), field);
}

/** Which of `fields` the ability may act on in this record (for reads: which to show, the rest to null). */
export function permittedFields<F extends string>(ability: AppAbility, action: AppAction, type: AppSubjectType, record: object, fields: readonly F[]): F[] {
  const permitted = new Set(permittedFieldsOf(ability, action, asSubject(type, record), { fieldsFrom: (rule) => rule.fields ?? [...fields] }));
  return fields.filter((field) => permitted.has(field));
}
