import { AbilityBuilder, createMongoAbility, subject, type ForcedSubject, type MongoAbility, type MongoQuery } from '@casl/ability';
import type { Actor } from '../shared/decider';

export type { Actor, Role } from '../shared/decider';

/** Everything the permission model speaks of; records carry the fields the conditions read. */
export type AppSubjectType =
  | 'City'
  | 'Tenant'
  | 'Unit'
  | 'Person'
  | 'Inspection'
  | 'Finding'
  | 'Evidence'
  | 'Interview'
  | 'AuditEvent'
  | 'ApiToken'
  | 'Checkpoint'
  | 'Statistics'
  | 'Webhook';

export const FINDING_ACTIONS = [
  'record',
  'submitPlan',
  'checkIn',
  'submit',
  'reviewPass',
  'reviewReject',
  'signOff',
  'reject',
  'requestExtension',
  'approveExtension',
  'refuseExtension',
  'reassign',
  'withdraw',
  'reopen',
] as const;
export const INTERVIEW_ACTIONS = ['schedule', 'recordMinutes', 'fulfilCommitment', 'cancel'] as const;

export type AppAction =
  | 'read'
  | 'create'
  | 'update'
  | 'manage'
  | 'plan'
  | (typeof FINDING_ACTIONS)[number]
  | (typeof INTERVIEW_ACTIONS)[number]
  | 'verifyChain'
  | 'export'
  | 'issue'
  | 'revoke';

export type AppAbility = MongoAbility<[AppAction, AppSubjectType | ForcedSubject<AppSubjectType>], MongoQuery>;

export interface AbilityScope {
  /** Districts of the actor's city (city inspectors, city-scoped tokens), resolved by the caller. */
  cityTenantIds?: readonly string[];
}

/** Fields of a person that only administrators and the person themself may read. */
export const PERSON_CONTACT_FIELDS = ['email', 'phone'] as const;
const PERSON_PUBLIC_FIELDS = ['id', 'username', 'displayName', 'role', 'cityId', 'tenantId', 'unitId', 'status', 'version'];

/** Business records of a district that its readers may see. */
const DISTRICT_RECORDS: AppSubjectType[] = ['Unit', 'Inspection', 'Finding', 'Evidence', 'AuditEvent', 'Statistics', 'Checkpoint'];

/** Marks a plain record with its subject type so conditions are checked against the instance. */
export function asSubject<T extends Record<string, unknown>>(type: AppSubjectType, record: T): T & ForcedSubject<AppSubjectType> {
  return subject(type, { ...record });
}

/**
 * The one permission model, shared by the API (on every resolver and field, on instances) and the
 * web client (to show only the actions a user may take). Rules follow DESIGN.md "Users and their jobs".
 */
export function defineAbilityFor(actor: Actor, scope: AbilityScope = {}): AppAbility {
  const builder = new AbilityBuilder<AppAbility>(createMongoAbility);
  // CASL types conditions of string subject types as MongoQuery<never>; the rules here are plain
  // Mongo-style objects over record fields, checked by the tests, so they go through one cast.
  type Conditions = Record<string, unknown>;
  type Actions = AppAction | AppAction[];
  type Types = AppSubjectType | AppSubjectType[];
  const can = (action: Actions, type: Types, fieldsOrConditions?: string[] | Conditions, conditions?: Conditions): void => {
    if (Array.isArray(fieldsOrConditions)) builder.can(action, type, fieldsOrConditions, conditions as never);
    else builder.can(action, type, fieldsOrConditions as never);
  };
  const cannot = (action: Actions, type: Types, conditions: Conditions): void => {
    builder.cannot(action, type, conditions as never);
  };
  const cityTenants = { $in: [...(scope.cityTenantIds ?? [])] };
  // Confidential talks are for the people named in them; others see the non-confidential ones of their scope.
  const named = { participantIds: { $all: [actor.id] } };
  const readInterviews = (tenantId: string | null | { $in: string[] }): void => {
    can('read', 'Interview', { tenantId, confidential: false });
    can('read', 'Interview', named);
  };

  switch (actor.role) {
    case 'platform_admin':
      can('manage', 'City');
      can('manage', 'Tenant');
      can(['read', 'create', 'update'], 'Person', { role: { $in: ['platform_admin', 'city_inspector', 'district_admin'] } });
      can(['read', 'issue', 'revoke'], 'ApiToken', { tenantId: null });
      break;

    case 'city_inspector':
      can('read', 'City', { cityId: actor.cityId });
      can('read', 'Tenant', { cityId: actor.cityId });
      can('read', DISTRICT_RECORDS, { tenantId: cityTenants });
      can('read', 'Statistics', { cityId: actor.cityId });
      readInterviews(cityTenants);
      can('read', 'Person', PERSON_PUBLIC_FIELDS, { tenantId: cityTenants });
      can('read', 'Person', { cityId: actor.cityId, tenantId: null });
      can(['plan', 'update'], 'Inspection', { tenantId: cityTenants });
      can(['record', 'signOff', 'reject', 'approveExtension', 'refuseExtension', 'reopen'], 'Finding', { tenantId: cityTenants });
      can([...INTERVIEW_ACTIONS], 'Interview', { tenantId: cityTenants });
      can(['verifyChain', 'export'], 'AuditEvent', { tenantId: cityTenants });
      break;

    case 'district_admin': {
      const tenantId = actor.tenantId;
      can('read', 'City', { cityId: actor.cityId });
      can('read', 'Tenant', { tenantId });
      can('read', DISTRICT_RECORDS, { tenantId });
      readInterviews(tenantId);
      can(['create', 'update'], 'Unit', { tenantId });
      can(['read', 'create', 'update'], 'Person', { tenantId, role: { $in: ['district_admin', 'unit_officer', 'auditor'] } });
      can('read', 'Person', PERSON_PUBLIC_FIELDS, { tenantId });
      can(['read', 'issue', 'revoke'], 'ApiToken', { tenantId });
      can(['plan', 'update'], 'Inspection', { tenantId });
      // The district acts for its units too (a unit without a liaison still has to be rectified).
      can(FINDING_ACTIONS.filter((action) => action !== 'signOff' && action !== 'reject' && action !== 'reopen'), 'Finding', { tenantId });
      can([...INTERVIEW_ACTIONS], 'Interview', { tenantId });
      can(['verifyChain', 'export'], 'AuditEvent', { tenantId });
      break;
    }

    case 'unit_officer': {
      const own = { tenantId: actor.tenantId, unitId: actor.unitId };
      can('read', 'Tenant', { tenantId: actor.tenantId });
      can('read', ['Unit', 'Inspection'], { tenantId: actor.tenantId });
      can('read', ['Finding', 'Evidence', 'Statistics'], own);
      can(['submitPlan', 'checkIn', 'submit', 'requestExtension'], 'Finding', own);
      can(['read', 'fulfilCommitment'], 'Interview', named);
      can('read', 'Person', PERSON_PUBLIC_FIELDS, { tenantId: actor.tenantId });
      can('read', 'Person', { id: actor.id });
      break;
    }

    case 'auditor':
      can('read', 'Tenant', { tenantId: actor.tenantId });
      can('read', DISTRICT_RECORDS, { tenantId: actor.tenantId });
      readInterviews(actor.tenantId);
      can('read', 'Person', PERSON_PUBLIC_FIELDS, { tenantId: actor.tenantId });
      can(['verifyChain', 'export'], 'AuditEvent', { tenantId: actor.tenantId });
      break;

    case 'service': {
      const tenantId = actor.tenantId ?? cityTenants;
      can('read', 'Tenant', { tenantId });
      can('read', DISTRICT_RECORDS, { tenantId });
      can('read', 'Interview', { tenantId, confidential: false });
      can('read', 'Person', PERSON_PUBLIC_FIELDS, { tenantId });
      if (!actor.readOnly && actor.operations?.length) {
        const allowed = new Set<string>(actor.operations);
        const findingOperations = FINDING_ACTIONS.filter((action) => allowed.has(action));
        const interviewOperations = INTERVIEW_ACTIONS.filter((action) => allowed.has(action));
        if (findingOperations.length) can(findingOperations, 'Finding', { tenantId });
        if (interviewOperations.length) can(interviewOperations, 'Interview', { tenantId });
        if (allowed.has('plan')) can(['plan', 'update'], 'Inspection', { tenantId });
      }
      break;
    }
  }
  // Belt and braces: nobody reads a tenant's records without a tenant, whatever a rule above says.
  cannot('read', ['Finding', 'Interview', 'Evidence', 'Inspection', 'AuditEvent'], { tenantId: null });
  return builder.build();
}
