import type { QueryRunner } from 'typeorm';

/** Forces row-level security on a tenant table: a row is visible and writable only inside its tenant's scope. */
export async function enableTenantRowSecurity(db: QueryRunner, table: string): Promise<void> {
  await db.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
  await db.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
  await db.query(`CREATE POLICY tenant_scope ON ${table}
                    USING (tenant_id = ANY (CAST((SELECT zeren_scope_tenant_ids()) AS uuid[])))
                    WITH CHECK (tenant_id = ANY (CAST((SELECT zeren_scope_tenant_ids()) AS uuid[])))`);
}
