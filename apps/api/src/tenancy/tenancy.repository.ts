import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { City, Tenant } from '../identity/identity.models';

interface TenantRow {
  id: string;
  city_id: string;
  name: string;
  code: string;
}

const toTenant = (row: TenantRow): Tenant => ({ id: row.id, cityId: row.city_id, name: row.name, code: row.code });

/** Cities and districts: reference data, readable without a tenant scope. */
@Injectable()
export class TenancyRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async cities(ids?: readonly string[]): Promise<City[]> {
    return this.dataSource.query<City[]>(
      `SELECT id, name, code FROM cities WHERE $1::uuid[] IS NULL OR id = ANY ($1::uuid[]) ORDER BY code`,
      [ids ?? null],
    );
  }

  async tenants(filter: { ids?: readonly string[]; cityId?: string }): Promise<Tenant[]> {
    const rows = await this.dataSource.query<TenantRow[]>(
      `SELECT id, city_id, name, code FROM tenants
        WHERE ($1::uuid[] IS NULL OR id = ANY ($1::uuid[])) AND ($2::uuid IS NULL OR city_id = $2) ORDER BY code`,
      [filter.ids ?? null, filter.cityId ?? null],
    );
    return rows.map(toTenant);
  }

  async city(id: string): Promise<City | undefined> {
    return (await this.cities([id]))[0];
  }

  async tenant(id: string): Promise<Tenant | undefined> {
    return (await this.tenants({ ids: [id] }))[0];
  }
}
