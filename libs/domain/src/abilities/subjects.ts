import { subject, type ForcedSubject } from '@casl/ability';
import type { InspectionKind, InspectionLevel, InspectionTarget } from '@zeren/events';
import type { FindingStatus } from '../finding/finding.state';
import type { Role } from './actor';

/**
 * The record fields the rules read, per subject type: the contract between the rules and their
 * callers. A check on an instance must carry these fields (extra fields are ignored), and a list
 * query translated to SQL must map each of them the rules use to a column.
 *
 * Records are plain objects tagged with CASL's `subject(type, record)` (see `asSubject`) rather
 * than classes or a `kind` field: projection rows and GraphQL results stay plain data, and a record
 * that was not tagged is of no known type, so every rule denies it.
 */
export interface SubjectRecords {
  /** `cityId` is the city's own id. */
  City: { cityId: string };
  /** `tenantId` is the district's own id. */
  Tenant: { tenantId: string };
  /** `unitId` is the unit's own id. */
  Unit: { tenantId: string; unitId: string };
  /** `tenantId` is null for city and platform people; `cityId` is set for city people. */
  Person: { id: string; tenantId: string | null; cityId: string | null; role: Role };
  /** `unitIds` are the targeted units when `targetScope` is UNITS (a DISTRICT target covers all units). */
  Inspection: { tenantId: string; kind: InspectionKind; level: InspectionLevel; targetScope: InspectionTarget['scope']; unitIds: readonly string[] };
  Finding: { tenantId: string; unitId: string; status: FindingStatus };
  /** `unitId` is the unit of the finding the evidence was filed for. */
  Evidence: { tenantId: string; unitId: string };
  /** `participantIds`: every person the talk names, interviewers and interviewees alike. */
  Interview: { tenantId: string; confidential: boolean; participantIds: readonly string[] };
  AuditEvent: { tenantId: string };
  /** `tenantId` is the token's district, null for a city-scoped (platform-level) token. */
  ApiToken: { tenantId: string | null };
  Checkpoint: { tenantId: string };
  /** A district's figures (`unitId` null), a unit's (`unitId` set) or a whole city's (`tenantId` null). */
  Statistics: { tenantId: string | null; cityId: string | null; unitId: string | null };
  Webhook: { tenantId: string };
  Notification: { recipientId: string };
  /** 责任清单, 目标责任书, 重点工作项目 and 分析研判月报告; `unitId` null for a district's own records. */
  Responsibility: { tenantId: string; unitId: string | null };
}

export type AppSubjectType = keyof SubjectRecords;

/**
 * The same contract at run time, exactly the fields the rules read (a spec keeps both honest):
 * what the API must put on an instance and what a list query must map to columns.
 */
export const SUBJECT_CONDITION_FIELDS: { readonly [T in AppSubjectType]: readonly (keyof SubjectRecords[T])[] } = {
  City: ['cityId'],
  Tenant: ['tenantId'],
  Unit: ['tenantId', 'unitId'],
  Person: ['id', 'tenantId', 'cityId', 'role'],
  Inspection: ['tenantId', 'kind', 'level', 'targetScope', 'unitIds'],
  Finding: ['tenantId', 'unitId', 'status'],
  Evidence: ['tenantId', 'unitId'],
  Interview: ['tenantId', 'confidential', 'participantIds'],
  AuditEvent: ['tenantId'],
  ApiToken: ['tenantId'],
  Checkpoint: ['tenantId'],
  Statistics: ['tenantId', 'cityId', 'unitId'],
  Webhook: ['tenantId'],
  Notification: ['recipientId'],
  Responsibility: ['tenantId', 'unitId'],
};

/**
 * A person's contact details, hidden from unit officers except on themselves. Every other reader of
 * people also reads the audit trail, whose registration events carry them anyway, or administers them.
 */
export const PERSON_CONTACT_FIELDS = ['email', 'phone'] as const;
/** What every colleague may see of a person; a field added to Person stays hidden from them until listed here. */
export const PERSON_PUBLIC_FIELDS = ['id', 'username', 'displayName', 'role', 'cityId', 'tenantId', 'unitId', 'status', 'version'] as const;

/**
 * Tags a copy of a record with its subject type, so rules are checked against the instance.
 * A copy, because CASL tags by defining a property on the object and refuses to re-tag it.
 */
export function asSubject<T extends AppSubjectType>(type: T, record: object): ForcedSubject<T> & Record<string, unknown> {
  return subject(type, { ...record } as Record<string, unknown>);
}
