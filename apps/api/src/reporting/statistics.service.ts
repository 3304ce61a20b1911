import { Inject, Injectable } from '@nestjs/common';
import { FINDING_STATUSES, rankScopes, validationFailed, type RectificationFigures as Figures } from '@zeren/domain';
import { RecordNotFoundError } from '../commands/command-errors';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { TenantDirectory } from '../identity/tenant-directory';
import { TenancyRepository } from '../tenancy/tenancy.repository';
import { FindingStatusValue } from '../findings/finding.models';
import { endOfMonth, monthOf, monthsFrom } from './calendar-months';
import { figuresFromCounts } from './figures-from-counts';
import {
  RectificationFigures,
  ScopeRank,
  StatisticsScopeKind,
  type RectificationStatistics,
  type StatisticsScopeInput,
  type TrendPoint,
} from './statistics.models';
import { StatisticsRepository, type CountsGroup, type FindingScopeFilter } from './statistics.repository';

/** A trend longer than this is refused: ten years of month ends is already more than a chart shows. */
const MAX_TREND_MONTHS = 120;

/** A scope the caller may read, and which findings it covers. */
interface ReadableScope {
  kind: StatisticsScopeKind;
  id: string;
  filter: FindingScopeFilter;
}

function present(figures: Figures): RectificationFigures {
  return {
    asOf: new Date(figures.asOf),
    recorded: figures.recorded,
    verified: figures.verified,
    verifiedOnTime: figures.verifiedOnTime,
    withdrawn: figures.withdrawn,
    rate: figures.rectificationRate,
    overdue: figures.overdue,
    byState: FINDING_STATUSES.map((state) => ({ state: state as FindingStatusValue, count: figures.byState[state] })),
    warningColours: {
      green: figures.warningColours.GREEN,
      yellow: figures.warningColours.YELLOW,
      red: figures.warningColours.RED,
      none: figures.warningColours.NONE,
    },
  };
}

const earliest = (...instants: Date[]): Date => new Date(Math.min(...instants.map((instant) => instant.getTime())));

/**
 * 整改率 and the other figures, for any scope and any instant. Findings are counted in PostgreSQL
 * from the status periods as they stood then, and the figures made of those counts with the
 * domain's derivations (figuresFromCounts, rankScopes). A scope the caller may not read answers
 * NOT_FOUND, exactly like one that does not exist.
 */
@Injectable()
export class StatisticsService {
  constructor(
    @Inject(StatisticsRepository) private readonly statistics: StatisticsRepository,
    @Inject(Authorization) private readonly authorization: Authorization,
    @Inject(TenancyRepository) private readonly tenancy: TenancyRepository,
    @Inject(TenantDirectory) private readonly directory: TenantDirectory,
  ) {}

  async figures(caller: Caller, scopeInput: StatisticsScopeInput, asOf: Date | null): Promise<RectificationStatistics> {
    const scope = await this.readableScope(caller, scopeInput);
    const at = asOf ?? new Date();
    const [counts] = await this.statistics.countsAt(scope.filter, [at]);
    return { ...present(figuresFromCounts(counts!.get(null) ?? [], at)), scopeKind: scope.kind, scopeId: scope.id };
  }

  /** The districts of a city, best first: for the city's inspectors. */
  async districtRanking(caller: Caller, cityId: string, asOf: Date | null): Promise<ScopeRank[]> {
    const scope = await this.readableScope(caller, { cityId });
    const districts = (await this.tenancy.tenants({ cityId: scope.id })).filter((tenant) => scope.filter.tenantIds.includes(tenant.id));
    return this.rank(scope.filter, districts, 'tenant_id', asOf ?? new Date());
  }

  /** The units of a district, best first: for the district and its city. */
  async unitRanking(caller: Caller, tenantId: string, asOf: Date | null): Promise<ScopeRank[]> {
    const scope = await this.readableScope(caller, { tenantId });
    const units = await this.statistics.activeUnits(scope.id);
    return this.rank(scope.filter, units, 'unit_id', asOf ?? new Date());
  }

  /** The figures at each month's end from `from` to `to` (China time); the current month's as of now. */
  async trend(caller: Caller, scopeInput: StatisticsScopeInput, from: Date, to: Date): Promise<TrendPoint[]> {
    const months = monthsFrom(monthOf(from), monthOf(to));
    if (months.length === 0) throw validationFailed({ to: 'must not be before from' });
    if (months.length > MAX_TREND_MONTHS) throw validationFailed({ to: `at most ${MAX_TREND_MONTHS} months after from` });
    const scope = await this.readableScope(caller, scopeInput);
    const now = new Date();
    const instants = months.map((month) => earliest(endOfMonth(month), to, now));
    const counts = await this.statistics.countsAt(scope.filter, instants);
    return months.map((month, index) => ({ ...present(figuresFromCounts(counts[index]!.get(null) ?? [], instants[index]!)), month }));
  }

  private async rank(
    filter: FindingScopeFilter,
    members: ReadonlyArray<{ id: string; name: string }>,
    group: CountsGroup,
    at: Date,
  ): Promise<ScopeRank[]> {
    const [byMember] = await this.statistics.countsAt(filter, [at], group);
    // Members without findings are ranked too (last, with no rate); findings of a member no longer listed are not.
    const ranked = rankScopes(members.map((member) => ({ ...member, figures: figuresFromCounts(byMember!.get(member.id) ?? [], at) })));
    return ranked.map(({ id, name, rank, figures }) => ({ ...present(figures), id, name, rank }));
  }

  private async readableScope(caller: Caller, input: StatisticsScopeInput): Promise<ReadableScope> {
    const named = (['cityId', 'tenantId', 'unitId', 'inspectionId'] as const).filter((key) => input[key]);
    if (named.length !== 1) throw validationFailed({ scope: 'name exactly one of cityId, tenantId, unitId, inspectionId' });
    const assertReadable = (subject: { tenantId: string | null; cityId: string | null; unitId: string | null }, id: string): void => {
      this.authorization.assertCanRead(caller, 'Statistics', subject, id);
    };
    if (input.cityId) {
      const cityId = input.cityId.toLowerCase();
      assertReadable({ cityId, tenantId: null, unitId: null }, cityId);
      const tenantIds = (await this.directory.tenantsOfCity(cityId)).filter((id) => caller.tenantIds.includes(id));
      return { kind: StatisticsScopeKind.CITY, id: cityId, filter: { tenantIds } };
    }
    if (input.tenantId) {
      const tenantId = input.tenantId.toLowerCase();
      await this.assertDistrictReadable(caller, tenantId, null, assertReadable);
      return { kind: StatisticsScopeKind.TENANT, id: tenantId, filter: { tenantIds: [tenantId] } };
    }
    if (input.unitId) {
      const unitId = input.unitId.toLowerCase();
      const unit = await this.statistics.unit(caller.tenantIds, unitId);
      if (!unit) throw new RecordNotFoundError('Statistics', unitId);
      await this.assertDistrictReadable(caller, unit.tenantId, unitId, assertReadable);
      return { kind: StatisticsScopeKind.UNIT, id: unitId, filter: { tenantIds: [unit.tenantId], unitId } };
    }
    const inspectionId = input.inspectionId!.toLowerCase();
    const tenantId = await this.statistics.inspectionTenant(caller.tenantIds, inspectionId);
    if (!tenantId) throw new RecordNotFoundError('Statistics', inspectionId);
    await this.assertDistrictReadable(caller, tenantId, null, assertReadable);
    return { kind: StatisticsScopeKind.INSPECTION, id: inspectionId, filter: { tenantIds: [tenantId], inspectionId } };
  }

  /** A district's (or one of its units') figures: the rules read the district, its city and the unit. */
  private async assertDistrictReadable(
    caller: Caller,
    tenantId: string,
    unitId: string | null,
    assertReadable: (subject: { tenantId: string | null; cityId: string | null; unitId: string | null }, id: string) => void,
  ): Promise<void> {
    const cityId = caller.tenantIds.includes(tenantId) ? await this.directory.cityOfTenant(tenantId) : null;
    assertReadable({ tenantId, cityId, unitId }, unitId ?? tenantId);
  }
}
