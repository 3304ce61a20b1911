import { z } from 'zod';
import { defineEvent, type EventOf } from '../core/event-definition';

/** Platform-level records (cities, districts) live in the platform's own chain. */
export const PLATFORM_TENANT_ID = '00000000-0000-0000-0000-000000000000';

const name = z.string().trim().min(1).max(100);

export const CityCreatedV1 = defineEvent({
  type: 'CityCreated',
  version: 1,
  streamType: 'City',
  schema: z.object({ cityId: z.uuid(), name, code: z.string().regex(/^\d{6}$/) }),
});
export type CityCreated = EventOf<typeof CityCreatedV1>;

export const TenantCreatedV1 = defineEvent({
  type: 'TenantCreated',
  version: 1,
  streamType: 'Tenant',
  schema: z.object({ tenantId: z.uuid(), cityId: z.uuid(), name, code: z.string().regex(/^\d{6}$/) }),
});
export type TenantCreated = EventOf<typeof TenantCreatedV1>;

export const tenancyEvents = [CityCreatedV1, TenantCreatedV1] as const;
