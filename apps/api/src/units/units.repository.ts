import { Inject, Injectable } from '@nestjs/common';
import { abilityToSqlWhere, OPEN_FINDING_STATUSES, type AppAbility, type ExistingUnit, type UnitStatus } from '@zeren/domain';
import type { UnitKind } from '@zeren/events';
import { ScopedTransactions } from '../database/scoped-transactions';

/** A unit as its projection row holds it: the decider's state plus where it sits. */
export interface UnitRecord extends ExistingUnit {
  tenantId: string;
  id: string;
  /** Root first, the parent last. */
  ancestorIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export interface UnitRow {
  tenant_id: string;
  id: string;
  parent_unit_id: string | null;
  name: string;
  kind: UnitKind;
  status: UnitStatus;
  leader_person_id: string | null;
  leader_name: string | null;
  head_person_id: string | null;
  head_name: string | null;
  liaison_person_id: string | null;
  liaison_name: string | null;
  deactivation_reason: string | null;
  ancestor_ids: string[];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export const UNIT_COLUMNS = `u.tenant_id, u.id, u.parent_unit_id, u.name, u.kind, u.status, u.leader_person_id, u.leader_name,
  u.head_person_id, u.head_name, u.liaison_person_id, u.liaison_name, u.deactivation_reason, u.ancestor_ids, u.version,
  u.created_at, u.updated_at`;

const person = (personId: string | null, name: string | null) => (personId && name ? { personId, name } : null);

export function toUnitRecord(row: UnitRow): UnitRecord {
  return {
    status: row.status,
    version: row.version,
    unitId: row.id,
    parentUnitId: row.parent_unit_id,
    name: row.name,
    kind: row.kind,
    leader: person(row.leader_person_id, row.leader_name),
    head: person(row.head_person_id, row.head_name),
    liaison: person(row.liaison_person_id, row.liaison_name),
    deactivationReason: row.deactivation_reason,
    tenantId: row.tenant_id,
    id: row.id,
    ancestorIds: row.ancestor_ids,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export interface TenantKey {
  tenantId: string;
  id: string;
}

/** The unit tree (units table) and the facts unit commands need from other projections. */
@Injectable()
export class UnitsRepository {
  constructor(@Inject(ScopedTransactions) private readonly transactions: ScopedTransactions) {}

  async find(tenantIds: readonly string[], id: string): Promise<UnitRecord | undefined> {
    const [row] = await this.transactions.lookup<UnitRow>({ tenantIds }, `SELECT ${UNIT_COLUMNS} FROM units u WHERE u.id = $1`, [id]);
    return row ? toUnitRecord(row) : undefined;
  }

  /** Every unit the ability lets the caller read, tree order: parents before their children. */
  list(tenantIds: readonly string[], ability: AppAbility, filter: { tenantId?: string | null; includeDeactivated: boolean }): Promise<UnitRecord[]> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const readable = abilityToSqlWhere(ability, 'read', 'Unit', { tenantId: 'u.tenant_id', unitId: 'u.id' }, 3);
      const rows = await sql.query<UnitRow>(
        `SELECT ${UNIT_COLUMNS} FROM units u
          WHERE ($1::uuid IS NULL OR u.tenant_id = $1) AND ($2 OR u.status = 'ACTIVE') AND ${readable.sql}
          ORDER BY u.tenant_id, cardinality(u.ancestor_ids), u.name, u.id`,
        [filter.tenantId ?? null, filter.includeDeactivated, ...readable.params],
      );
      return rows.map(toUnitRecord);
    });
  }

  /** For the per-request loaders: units by (tenant, id), and the children of units. */
  byKeys(tenantIds: readonly string[], keys: readonly TenantKey[]): Promise<UnitRecord[]> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const rows = await sql.query<UnitRow>(
        `SELECT ${UNIT_COLUMNS} FROM units u JOIN unnest($1::uuid[], $2::uuid[]) AS k(tenant_id, id) ON u.tenant_id = k.tenant_id AND u.id = k.id`,
        [keys.map((key) => key.tenantId), keys.map((key) => key.id)],
      );
      return rows.map(toUnitRecord);
    });
  }

  childrenOf(tenantIds: readonly string[], parents: readonly TenantKey[]): Promise<UnitRecord[]> {
    return this.transactions.read({ tenantIds }, async (sql) => {
      const rows = await sql.query<UnitRow>(
        `SELECT ${UNIT_COLUMNS} FROM units u JOIN unnest($1::uuid[], $2::uuid[]) AS k(tenant_id, id) ON u.tenant_id = k.tenant_id AND u.parent_unit_id = k.id
          ORDER BY u.name, u.id`,
        [parents.map((key) => key.tenantId), parents.map((key) => key.id)],
      );
      return rows.map(toUnitRecord);
    });
  }

  /** A person of the district, by the name units record with an assignment. */
  personName(tenantId: string, personId: string): Promise<string | undefined> {
    return this.transactions.run({ tenantIds: [tenantId] }, async (sql) => {
      const [row] = await sql.query<{ display_name: string }>(`SELECT display_name FROM people WHERE tenant_id = $1 AND id = $2`, [tenantId, personId]);
      return row?.display_name;
    });
  }

  /** What DeactivateUnit needs to know: a unit with active children or open findings stays active. */
  deactivationFacts(tenantId: string, unitId: string): Promise<{ activeChildUnitCount: number; openFindingCount: number }> {
    return this.transactions.run({ tenantIds: [tenantId] }, async (sql) => {
      const [row] = await sql.query<{ children: number; findings: number }>(
        `SELECT (SELECT count(*)::int FROM units WHERE tenant_id = $1 AND parent_unit_id = $2 AND status = 'ACTIVE') AS children,
                (SELECT count(*)::int FROM findings WHERE tenant_id = $1 AND unit_id = $2 AND status = ANY ($3)) AS findings`,
        [tenantId, unitId, OPEN_FINDING_STATUSES],
      );
      return { activeChildUnitCount: row!.children, openFindingCount: row!.findings };
    });
  }

  /** The active units among `ids` in one district (inspection targets, a finding's unit). */
  activeUnitIds(tenantId: string, ids: readonly string[]): Promise<Set<string>> {
    return this.transactions.run({ tenantIds: [tenantId] }, async (sql) => {
      const rows = await sql.query<{ id: string }>(`SELECT id FROM units WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) AND status = 'ACTIVE'`, [tenantId, ids]);
      return new Set(rows.map((row) => row.id));
    });
  }
}
