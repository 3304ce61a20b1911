import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_TENANT_ID } from '@zeren/events';
import { DataSource } from 'typeorm';
import type { Actor } from '@zeren/domain';

const CACHE_MS = 30_000;

/**
 * Which tenants an actor may touch. Districts are reference data, read without a scope; a city's
 * list is cached briefly because every request of a city inspector needs it.
 */
@Injectable()
export class TenantDirectory {
  private readonly cityTenants = new Map<string, { ids: string[]; at: number }>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async tenantsOfCity(cityId: string): Promise<string[]> {
    const cached = this.cityTenants.get(cityId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.ids;
    const rows = await this.dataSource.query<Array<{ id: string }>>('SELECT id FROM tenants WHERE city_id = $1 ORDER BY id', [cityId]);
    const ids = rows.map((row) => row.id);
    this.cityTenants.set(cityId, { ids, at: Date.now() });
    return ids;
  }

  async cityOfTenant(tenantId: string): Promise<string | null> {
    const [row] = await this.dataSource.query<Array<{ city_id: string }>>('SELECT city_id FROM tenants WHERE id = $1', [tenantId]);
    return row?.city_id ?? null;
  }

  /** The platform's view for administering people: every district, plus the platform's own chain. */
  async allTenantsAndPlatform(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ id: string }>>('SELECT id FROM tenants');
    return [PLATFORM_TENANT_ID, ...rows.map((row) => row.id)];
  }

  /** A new district must be visible to its city's inspectors at once on this instance. */
  forgetCity(cityId: string): void {
    this.cityTenants.delete(cityId);
  }

  /** The row-level security scope of an actor's transactions. */
  async scopeOf(actor: Actor): Promise<string[]> {
    switch (actor.role) {
      case 'platform_admin':
        return [PLATFORM_TENANT_ID];
      case 'city_inspector':
        return actor.cityId ? this.tenantsOfCity(actor.cityId) : [];
      case 'service':
        if (actor.tenantId) return [actor.tenantId];
        return actor.cityId ? this.tenantsOfCity(actor.cityId) : [];
      default:
        return actor.tenantId ? [actor.tenantId] : [];
    }
  }
}
