import type { ApiTokenIssued, ApiTokenRevoked, PersonRegistered, PersonRoleChanged, RecordedEvent } from '@zeren/events';
import type { InlineProjection } from '../commands/projection-registry';
import type { Sql } from '../database/sql';

/** people and api_tokens, from the Person and ApiToken streams. */
export const identityProjection: InlineProjection = {
  name: 'identity',
  tables: ['people', 'api_tokens'],
  handles: ['PersonRegistered', 'PersonRoleChanged', 'PersonDeactivated', 'PersonReactivated', 'ApiTokenIssued', 'ApiTokenRevoked'],

  async apply(sql: Sql, event: RecordedEvent): Promise<void> {
    const at = event.recordedAt;
    switch (event.type) {
      case 'PersonRegistered': {
        const data = event.data as PersonRegistered['data'];
        await sql.query(
          `INSERT INTO people (tenant_id, id, username, display_name, role, city_id, home_tenant_id, unit_id, email, phone, status, version, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'ACTIVE', $11, $12, $12)`,
          [event.tenantId, data.personId, data.username, data.displayName, data.role, data.cityId, data.tenantId, data.unitId, data.email, data.phone, event.version, at],
        );
        return;
      }
      case 'PersonRoleChanged': {
        const data = event.data as PersonRoleChanged['data'];
        await sql.query(`UPDATE people SET role = $3, unit_id = $4, version = $5, updated_at = $6 WHERE tenant_id = $1 AND id = $2`, [
          event.tenantId,
          event.streamId,
          data.role,
          data.unitId,
          event.version,
          at,
        ]);
        return;
      }
      case 'PersonDeactivated':
      case 'PersonReactivated':
        await sql.query(`UPDATE people SET status = $3, version = $4, updated_at = $5 WHERE tenant_id = $1 AND id = $2`, [
          event.tenantId,
          event.streamId,
          event.type === 'PersonDeactivated' ? 'DEACTIVATED' : 'ACTIVE',
          event.version,
          at,
        ]);
        return;
      case 'ApiTokenIssued': {
        const data = event.data as ApiTokenIssued['data'];
        await sql.query(
          `INSERT INTO api_tokens (tenant_id, id, name, scope_kind, scope_tenant_id, scope_city_id, read_only, operations, expires_at, issued_by, issued_at, version)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
          [
            event.tenantId,
            data.tokenId,
            data.name,
            data.scope.kind,
            data.scope.kind === 'TENANT' ? data.scope.tenantId : null,
            data.scope.kind === 'CITY' ? data.scope.cityId : null,
            data.readOnly,
            data.operations,
            data.expiresAt,
            event.metadata.actorId,
            at,
            event.version,
          ],
        );
        return;
      }
      case 'ApiTokenRevoked': {
        const data = event.data as ApiTokenRevoked['data'];
        await sql.query(`UPDATE api_tokens SET revoked_at = $3, version = $4 WHERE tenant_id = $1 AND id = $2`, [event.tenantId, data.tokenId, at, event.version]);
        return;
      }
    }
  },
};
