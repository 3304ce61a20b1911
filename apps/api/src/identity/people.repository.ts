import { Inject, Injectable } from '@nestjs/common';
import { ScopedTransactions } from '../database/scoped-transactions';
import type { Person, RoleKey } from './identity.models';

interface PersonRow {
  id: string;
  username: string;
  display_name: string;
  role: RoleKey;
  city_id: string | null;
  home_tenant_id: string | null;
  unit_id: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  version: number;
}

export type PersonRecord = Person & { tenantId: string | null; streamTenantId: string };

const COLUMNS = 'tenant_id, id, username, display_name, role, city_id, home_tenant_id, unit_id, email, phone, status, version';

function toPerson(row: PersonRow & { tenant_id: string }): PersonRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    cityId: row.city_id,
    tenantId: row.home_tenant_id,
    unitId: row.unit_id,
    email: row.email,
    phone: row.phone,
    status: row.status,
    version: row.version,
    streamTenantId: row.tenant_id,
  };
}

@Injectable()
export class PeopleRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  async find(tenantIds: readonly string[], personId: string): Promise<PersonRecord | undefined> {
    const [row] = await this.transactions.lookup<PersonRow & { tenant_id: string }>({ tenantIds }, `SELECT ${COLUMNS} FROM people WHERE id = $1`, [personId]);
    return row ? toPerson(row) : undefined;
  }

  list(tenantIds: readonly string[], filter: { tenantId?: string; unitId?: string }): Promise<PersonRecord[]> {
    return this.transactions.run({ tenantIds }, async (sql) => {
      const rows = await sql.query<PersonRow & { tenant_id: string }>(
        `SELECT ${COLUMNS} FROM people WHERE ($1::uuid IS NULL OR home_tenant_id = $1) AND ($2::uuid IS NULL OR unit_id = $2)
          ORDER BY display_name, id LIMIT 1000`,
        [filter.tenantId ?? null, filter.unitId ?? null],
      );
      return rows.map(toPerson);
    });
  }
}
