import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { requestScoped } from '../records/request-scoped';
import type { TenantKey } from '../units/units.repository';
import { FindingCheckInsRepository, type CheckInRow, type CheckInsKey } from './finding-check-ins.repository';
import { FindingsRepository, type FindingRow, type Page } from './findings.repository';

export interface PageRequest {
  limit: number;
  after?: string | null;
}

const checkInsKey = (key: CheckInsKey): string => `${key.tenantId}/${key.findingId}/${key.upToVersion}`;
const tenantKey = (key: TenantKey): string => `${key.tenantId}/${key.id}`;

/** A loader per distinct page request: fields of a page usually all ask for the same page. */
function perPage<Key, Value>(loaders: Map<string, DataLoader<Key, Value, string>>, page: PageRequest, create: () => DataLoader<Key, Value, string>): DataLoader<Key, Value, string> {
  const signature = `${page.limit}/${page.after ?? ''}`;
  let loader = loaders.get(signature);
  if (!loader) {
    loader = create();
    loaders.set(signature, loader);
  }
  return loader;
}

/**
 * The nested fields of findings and inspections (Finding.latestCheckIn, Finding.checkIns,
 * Inspection.findings), batched per request so a page of 50 findings costs one statement per
 * field, not 50. The parent record is already authorised; Inspection.findings applies the Finding
 * read rules in SQL, like the ledger.
 */
@Injectable()
export class FindingLoaders {
  constructor(
    @Inject(FindingsRepository) private readonly findings: FindingsRepository,
    @Inject(FindingCheckInsRepository) private readonly checkIns: FindingCheckInsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  latestCheckIn(caller: Caller, key: CheckInsKey): Promise<CheckInRow | null> {
    return this.of(caller).latest.load(key);
  }

  checkInPage(caller: Caller, key: CheckInsKey, page: PageRequest): Promise<Page<CheckInRow>> {
    return perPage(this.of(caller).checkIns, page, () => new DataLoader((keys) => this.checkIns.pages(caller.tenantIds, keys, page), { cacheKeyFn: checkInsKey })).load(key);
  }

  findingsOfInspection(caller: Caller, key: TenantKey, page: PageRequest): Promise<Page<FindingRow>> {
    return perPage(this.of(caller).ofInspection, page, () =>
      new DataLoader((keys) => this.findings.ofInspections(caller.tenantIds, this.authorization.abilityOf(caller), keys, page), { cacheKeyFn: tenantKey }),
    ).load(key);
  }

  private of(caller: Caller) {
    return requestScoped(caller, FindingLoaders, () => ({
      latest: new DataLoader<CheckInsKey, CheckInRow | null, string>((keys) => this.checkIns.latest(caller.tenantIds, keys), { cacheKeyFn: checkInsKey }),
      checkIns: new Map<string, DataLoader<CheckInsKey, Page<CheckInRow>, string>>(),
      ofInspection: new Map<string, DataLoader<TenantKey, Page<FindingRow>, string>>(),
    }));
  }
}
