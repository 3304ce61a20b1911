import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { requestScoped } from '../records/request-scoped';
import type { TenantKey } from '../units/units.repository';
import { InspectionsRepository, inspectionSubject, type InspectionRecord } from './inspections.repository';

const keyOf = (key: TenantKey): string => `${key.tenantId}/${key.id}`;

/** Inspections for nested fields (Finding.inspection): one query per page, per request. */
@Injectable()
export class InspectionLoaders {
  constructor(
    @Inject(InspectionsRepository) private readonly inspections: InspectionsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  inspection(caller: Caller, key: TenantKey): Promise<InspectionRecord | null> {
    return this.loader(caller).load(key);
  }

  private loader(caller: Caller): DataLoader<TenantKey, InspectionRecord | null, string> {
    return requestScoped(caller, InspectionLoaders, () =>
      new DataLoader<TenantKey, InspectionRecord | null, string>(
        async (keys) => {
          const rows = await this.inspections.byKeys(caller.tenantIds, keys);
          const readable = new Map(rows.filter((row) => this.authorization.can(caller, 'read', 'Inspection', inspectionSubject(row))).map((row) => [keyOf(row), row]));
          return keys.map((key) => readable.get(keyOf(key)) ?? null);
        },
        { cacheKeyFn: keyOf },
      ),
    );
  }
}
