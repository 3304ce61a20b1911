import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

/**
 * People and API tokens. Secrets never enter events (the log is exported in audit bundles):
 * password hashes and token hashes live in the credentials tables; events say only that they changed.
 */
export const roles = ['platform_admin', 'city_inspector', 'district_admin', 'unit_officer', 'auditor'] as const;
const role = z.enum(roles);
const displayName = z.string().trim().min(1).max(50);
const username = z.string().regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'lower-case letters, digits, dot, dash, underscore; 3–40 characters');

export const PersonRegisteredV1 = defineEvent({
  type: 'PersonRegistered',
  version: 1,
  streamType: 'Person',
  schema: z.object({
    personId: z.uuid(),
    username,
    displayName,
    role,
    cityId: z.uuid().nullable(),
    tenantId: z.uuid().nullable(),
    unitId: z.uuid().nullable(),
    email: z.email().nullable(),
    phone: z.string().regex(/^[0-9+\- ]{5,20}$/).nullable(),
  }),
});
export type PersonRegistered = EventOf<typeof PersonRegisteredV1>;

export const PersonRoleChangedV1 = defineEvent({
  type: 'PersonRoleChanged',
  version: 1,
  streamType: 'Person',
  schema: z.object({ personId: z.uuid(), role, unitId: z.uuid().nullable() }),
});
export type PersonRoleChanged = EventOf<typeof PersonRoleChangedV1>;

export const PersonDeactivatedV1 = defineEvent({
  type: 'PersonDeactivated',
  version: 1,
  streamType: 'Person',
  schema: z.object({ personId: z.uuid(), reason: z.string().trim().min(1).max(500) }),
});
export type PersonDeactivated = EventOf<typeof PersonDeactivatedV1>;

export const PersonReactivatedV1 = defineEvent({
  type: 'PersonReactivated',
  version: 1,
  streamType: 'Person',
  schema: z.object({ personId: z.uuid() }),
});
export type PersonReactivated = EventOf<typeof PersonReactivatedV1>;

export const PasswordSetV1 = defineEvent({
  type: 'PasswordSet',
  version: 1,
  streamType: 'Person',
  schema: z.object({ personId: z.uuid(), reason: z.enum(['INITIAL', 'CHANGED_BY_SELF', 'RESET_BY_ADMIN']) }),
});
export type PasswordSet = EventOf<typeof PasswordSetV1>;

export const ApiTokenIssuedV1 = defineEvent({
  type: 'ApiTokenIssued',
  version: 1,
  streamType: 'ApiToken',
  schema: z.object({
    tokenId: z.uuid(),
    name: z.string().trim().min(1).max(100),
    scope: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('TENANT'), tenantId: z.uuid() }),
      z.object({ kind: z.literal('CITY'), cityId: z.uuid() }),
    ]),
    readOnly: z.boolean(),
    operations: z.array(z.string().min(1).max(60)).max(50),
    expiresAt: z.iso.datetime(),
  }),
});
export type ApiTokenIssued = EventOf<typeof ApiTokenIssuedV1>;

export const ApiTokenRevokedV1 = defineEvent({
  type: 'ApiTokenRevoked',
  version: 1,
  streamType: 'ApiToken',
  schema: z.object({ tokenId: z.uuid(), reason: z.string().trim().min(1).max(500) }),
});
export type ApiTokenRevoked = EventOf<typeof ApiTokenRevokedV1>;

export const identityEvents = [
  PersonRegisteredV1,
  PersonRoleChangedV1,
  PersonDeactivatedV1,
  PersonReactivatedV1,
  PasswordSetV1,
  ApiTokenIssuedV1,
  ApiTokenRevokedV1,
] as const;
