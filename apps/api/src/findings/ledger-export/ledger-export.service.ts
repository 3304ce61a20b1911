import { Inject, Injectable } from '@nestjs/common';
import { validationFailed } from '@zeren/domain';
import { MAX_PAGE_SIZE } from '../../graphql/connection';
import type { Caller } from '../../identity/authenticator';
import { TenancyRepository } from '../../tenancy/tenancy.repository';
import { UnitsRepository } from '../../units/units.repository';
import type { Finding } from '../finding.models';
import { FindingsService } from '../findings.service';
import type { LedgerExportQuery } from './ledger-export-query';
import { LedgerProvenanceRepository, type ChainProvenance } from './ledger-provenance.repository';
import { buildLedgerWorkbook } from './ledger-workbook';

/** A ledger larger than this is refused: a city's whole history belongs in an audit bundle, not a sheet. */
export const MAX_EXPORT_ROWS = 50_000;
/** Reads of the rows retried when events arrive meanwhile, so the rows match the chain heads stated. */
const CONSISTENT_READ_ATTEMPTS = 3;

const sameHeads = (before: readonly ChainProvenance[], after: readonly ChainProvenance[]): boolean =>
  before.length === after.length && before.every((head, index) => head.tenantId === after[index]!.tenantId && head.headPosition === after[index]!.headPosition);

/** The 整改台账 of a filter as an Excel workbook: exactly the rows the GraphQL ledger shows the caller. */
@Injectable()
export class LedgerExportService {
  constructor(
    @Inject(FindingsService) private readonly findings: FindingsService,
    @Inject(UnitsRepository) private readonly units: UnitsRepository,
    @Inject(TenancyRepository) private readonly tenancy: TenancyRepository,
    @Inject(LedgerProvenanceRepository) private readonly provenance: LedgerProvenanceRepository,
  ) {}

  async workbook(caller: Caller, query: LedgerExportQuery, filterText: string): Promise<Buffer> {
    const exportedAt = new Date();
    const tenantIds = query.filter.tenantId ? caller.tenantIds.filter((id) => id === query.filter.tenantId) : caller.tenantIds;
    // Projections change in the transaction of their events: unchanged heads around the read mean the rows are those heads' state.
    let heads = await this.provenance.heads(tenantIds);
    let rows: Finding[] = [];
    let consistent = false;
    for (let attempt = 0; attempt < CONSISTENT_READ_ATTEMPTS && !consistent; attempt += 1) {
      rows = await this.allRows(caller, query);
      const after = await this.provenance.heads(tenantIds);
      consistent = sameHeads(heads, after);
      heads = after;
    }
    const unitKeys = [...new Map(rows.map((row) => [`${row.tenantId}/${row.unitId}`, { tenantId: row.tenantId, id: row.unitId }])).values()];
    const [units, districts] = await Promise.all([this.units.byKeys(caller.tenantIds, unitKeys), this.tenancy.tenants({ ids: tenantIds })]);
    return buildLedgerWorkbook({
      findings: rows,
      unitNames: new Map(units.map((unit) => [`${unit.tenantId}/${unit.id}`, unit.name])),
      districtNames: new Map(districts.map((district) => [district.id, district.name])),
      provenance: heads,
      exportedAt,
      exportedBy: caller.displayName,
      filterText,
      consistent,
    });
  }

  private async allRows(caller: Caller, query: LedgerExportQuery): Promise<Finding[]> {
    const rows: Finding[] = [];
    let after: string | null = null;
    for (;;) {
      const page = await this.findings.list(caller, query.filter, MAX_PAGE_SIZE, after, query.order);
      if (page.totalCount > MAX_EXPORT_ROWS) {
        throw validationFailed({ filter: `matches ${page.totalCount} findings; narrow it to at most ${MAX_EXPORT_ROWS}` }, `符合条件的问题超过 ${MAX_EXPORT_ROWS} 条，请缩小筛选范围`);
      }
      rows.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage) return rows;
      after = page.pageInfo.endCursor ?? null;
    }
  }
}
