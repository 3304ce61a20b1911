import { z } from 'zod';
import { defineEvent, EventRegistry, type EventMetadata } from '@zeren/events';
import type { Client } from 'pg';

/** A test-only event type, so event-store tests do not depend on any business area's events. */
export const ProbeRecordedV1 = defineEvent({
  type: 'ProbeRecorded',
  version: 1,
  streamType: 'Probe',
  schema: z.object({ note: z.string(), n: z.number().optional() }),
});

export const probeRegistry = new EventRegistry([ProbeRecordedV1]);

export const probeMetadata: EventMetadata = {
  actorId: '11111111-1111-4111-8111-111111111111',
  actorRole: 'district_admin',
  actingForTenantId: '',
};

/** Registers a city and tenants directly (as the owner) so background jobs include them in their scope. */
export async function registerTenants(owner: Client, tenantIds: string[]): Promise<void> {
  const cityId = '22222222-2222-4222-8222-222222222222';
  await owner.query(
    `INSERT INTO cities (id, name, code, created_at, version) VALUES ($1, '测试市', '330100', now(), 1) ON CONFLICT DO NOTHING`,
    [cityId],
  );
  for (const [index, tenantId] of tenantIds.entries()) {
    await owner.query(
      `INSERT INTO tenants (id, city_id, name, code, created_at, version) VALUES ($1, $2, $3, $4, now(), 1) ON CONFLICT DO NOTHING`,
      [tenantId, cityId, `测试区${index}`, `3301${String(index).padStart(2, '0')}`],
    );
  }
}
