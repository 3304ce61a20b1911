import { Inject } from '@nestjs/common';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RecordEvent } from '../audit-trail/record-event.model';
import { pageSize, toConnection, type Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { toInspection } from '../inspections/inspection.mapper';
import { Inspection } from '../inspections/inspection.models';
import { InspectionLoaders } from '../inspections/inspection.loaders';
import { RecordHistory } from '../records/record-history';
import { toUnit } from '../units/unit.mapper';
import { UnitLoaders } from '../units/unit.loaders';
import { Unit } from '../units/unit.models';
import { toCheckIn } from './finding-check-ins.repository';
import { FindingLoaders } from './finding.loaders';
import { toFinding } from './finding.mapper';
import { CheckIn, CheckInConnection, Finding, FindingAsOfFilter, FindingConnection, FindingFilter, FindingOrder } from './finding.models';
import { toFindingRecord } from './findings.repository';
import { FindingsService } from './findings.service';

/** 问题 and the 整改台账: reads, and the fields that reach other records (batched per request). */
@Resolver(() => Finding)
export class FindingsResolver {
  constructor(
    @Inject(FindingsService) private readonly service: FindingsService,
    @Inject(FindingLoaders) private readonly loaders: FindingLoaders,
    @Inject(UnitLoaders) private readonly units: UnitLoaders,
    @Inject(InspectionLoaders) private readonly inspections: InspectionLoaders,
    @Inject(RecordHistory) private readonly recordHistory: RecordHistory,
  ) {}

  @Query(() => FindingConnection, { description: '整改台账: the findings the caller may see (a unit officer: its unit’s), filtered, sorted, a page at a time' })
  findings(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => FindingFilter, nullable: true }) filter?: FindingFilter | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
    @Args('orderBy', { type: () => FindingOrder, defaultValue: FindingOrder.RECORDED_AT_DESC, description: 'Order (ties broken by id)' }) orderBy?: FindingOrder,
  ): Promise<Connection<Finding>> {
    return this.service.list(caller, filter, first ?? undefined, after, orderBy ?? FindingOrder.RECORDED_AT_DESC);
  }

  @Query(() => FindingConnection, { description: '整改台账 as of a past instant: the findings that existed then, each as it stood then (most recently recorded first)' })
  findingsAsOf(
    @CurrentCaller() caller: Caller,
    @Args('asOf', { type: () => Date, description: 'The instant' }) asOf: Date,
    @Args('filter', { type: () => FindingAsOfFilter, nullable: true }) filter?: FindingAsOfFilter | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<Connection<Finding>> {
    return this.service.listAsOf(caller, asOf, filter, first ?? undefined, after);
  }

  @Query(() => Finding, { description: '问题; with asOf, as it stood at that instant' })
  async finding(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => Date, nullable: true, description: 'Time travel: the finding as of this instant' }) asOf?: Date | null,
  ): Promise<Finding> {
    return asOf ? toFinding(await this.service.asOf(caller, id, asOf), asOf, asOf) : toFinding(await this.service.visible(caller, id), new Date());
  }

  @ResolveField(() => Unit, { nullable: true, description: '责任单位 (null if the caller may not see it)' })
  async unit(@CurrentCaller() caller: Caller, @Parent() finding: Finding): Promise<Unit | null> {
    const unit = await this.units.unit(caller, { tenantId: finding.tenantId, id: finding.unitId });
    return unit && toUnit(unit);
  }

  @ResolveField(() => Inspection, { nullable: true, description: 'The inspection that recorded it (null if the caller may not see it)' })
  async inspection(@CurrentCaller() caller: Caller, @Parent() finding: Finding): Promise<Inspection | null> {
    const inspection = await this.inspections.inspection(caller, { tenantId: finding.tenantId, id: finding.inspectionId });
    return inspection && toInspection(inspection);
  }

  @ResolveField(() => CheckIn, { nullable: true, description: '最新整改进展' })
  async latestCheckIn(@CurrentCaller() caller: Caller, @Parent() finding: Finding): Promise<CheckIn | null> {
    const row = await this.loaders.latestCheckIn(caller, { tenantId: finding.tenantId, findingId: finding.id, upToVersion: finding.version });
    return row && toCheckIn(row);
  }

  @ResolveField(() => CheckInConnection, { description: '整改进展, newest first' })
  async checkIns(
    @CurrentCaller() caller: Caller,
    @Parent() finding: Finding,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<Connection<CheckIn>> {
    const size = pageSize(first ?? undefined);
    const page = await this.loaders.checkInPage(caller, { tenantId: finding.tenantId, findingId: finding.id, upToVersion: finding.version }, { limit: size, after });
    return toConnection(page.rows, size, page.totalCount, page.cursorOf, toCheckIn, after);
  }

  @ResolveField(() => [RecordEvent], { description: '操作记录: the finding’s events, oldest first (up to asOf when time-travelling)' })
  history(@CurrentCaller() caller: Caller, @Parent() finding: Finding): Promise<RecordEvent[]> {
    return this.recordHistory.of(caller, { tenantId: finding.tenantId, streamId: finding.id, upToVersion: finding.asOf ? finding.version : null });
  }
}

/** Inspection.findings lives with the findings: it is the ledger of one inspection. */
@Resolver(() => Inspection)
export class InspectionFindingsResolver {
  constructor(@Inject(FindingLoaders) private readonly loaders: FindingLoaders) {}

  @ResolveField(() => FindingConnection, { description: '问题 recorded in this inspection that the caller may see, in the order recorded' })
  async findings(
    @CurrentCaller() caller: Caller,
    @Parent() inspection: Inspection,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
  ): Promise<Connection<Finding>> {
    const size = pageSize(first ?? undefined);
    const now = new Date();
    const page = await this.loaders.findingsOfInspection(caller, { tenantId: inspection.tenantId, id: inspection.id }, { limit: size, after });
    return toConnection(page.rows, size, page.totalCount, page.cursorOf, (row) => toFinding(toFindingRecord(row), now), after);
  }
}
