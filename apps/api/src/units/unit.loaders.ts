import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { requestScoped } from '../records/request-scoped';
import { UnitsRepository, type TenantKey, type UnitRecord } from './units.repository';

const keyOf = (key: TenantKey): string => `${key.tenantId}/${key.id}`;

/** Units for nested fields (Finding.unit, Unit.parent, Unit.children): one query per page, per request. */
@Injectable()
export class UnitLoaders {
  constructor(
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  unit(caller: Caller, key: TenantKey): Promise<UnitRecord | null> {
    return this.loaders(caller).unit.load(key);
  }

  children(caller: Caller, key: TenantKey): Promise<UnitRecord[]> {
    return this.loaders(caller).children.load(key);
  }

  private loaders(caller: Caller) {
    return requestScoped(caller, UnitLoaders, () => {
      // Authorised once per loaded set, not once per field.
      const readable = (rows: UnitRecord[]) => rows.filter((row) => this.authorization.can(caller, 'read', 'Unit', { tenantId: row.tenantId, unitId: row.id }));
      return {
        unit: new DataLoader<TenantKey, UnitRecord | null, string>(
          async (keys) => {
            const found = new Map(readable(await this.units.byKeys(caller.tenantIds, keys)).map((row) => [keyOf(row), row]));
            return keys.map((key) => found.get(keyOf(key)) ?? null);
          },
          { cacheKeyFn: keyOf },
        ),
        children: new DataLoader<TenantKey, UnitRecord[], string>(
          async (keys) => {
            const rows = readable(await this.units.childrenOf(caller.tenantIds, keys));
            return keys.map((key) => rows.filter((row) => row.tenantId === key.tenantId && row.parentUnitId === key.id));
          },
          { cacheKeyFn: keyOf },
        ),
      };
    });
  }
}
