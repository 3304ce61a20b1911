// The public face of the permission model. Actor and Role (./actor) are deliberately not re-exported
// yet: shared/decider still declares the same shape, and two `export *` of one name would clash in
// the library's entry. Whichever becomes the re-export of the other, these files need no change.
export { InvalidActorError, assertActorShape } from './actor';
export {
  AUDIT_ACTIONS,
  FINDING_ACTION_COMMANDS,
  FINDING_ACTIONS,
  INTERVIEW_ACTION_COMMANDS,
  INTERVIEW_ACTIONS,
  type AppAction,
  type AuditAction,
  type FindingAction,
  type InterviewAction,
} from './actions';
export { PERSON_CONTACT_FIELDS, PERSON_PUBLIC_FIELDS, SUBJECT_CONDITION_FIELDS, asSubject, type AppSubjectType, type SubjectRecords } from './subjects';
export { defineAbilityFor, isAllowed, permittedFields, tokenOperationsFor, type AbilityScope, type AppAbility } from './ability';
export type { TokenScopeKind } from './actor';
export { UnmappedConditionError, UnsupportedConditionError, abilityToSqlWhere, type SqlWhere } from './rule-to-sql';
