import type { CityCreated, RecordedEvent, TenantCreated } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';

/** The cities and tenants reference tables, from the platform chain. */
export const tenancyProjection: InlineProjection = {
  name: 'tenancy',
  tables: ['tenants', 'cities'],
  handles: ['CityCreated', 'TenantCreated'],

  async apply(sql: Sql, event: RecordedEvent): Promise<void> {
    if (event.type === 'CityCreated') {
      const data = event.data as CityCreated['data'];
      await sql.query(`INSERT INTO cities (id, name, code, created_at, version) VALUES ($1, $2, $3, $4, $5)`, [data.cityId, data.name, data.code, event.recordedAt, event.version]);
      return;
    }
    const data = event.data as TenantCreated['data'];
    await sql.query(`INSERT INTO tenants (id, city_id, name, code, created_at, version) VALUES ($1, $2, $3, $4, $5, $6)`, [
      data.tenantId,
      data.cityId,
      data.name,
      data.code,
      event.recordedAt,
      event.version,
    ]);
  },
};
