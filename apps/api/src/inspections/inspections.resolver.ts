import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RecordEvent } from '../audit-trail/record-event.model';
import type { Connection } from '../graphql/connection';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { RecordHistory } from '../records/record-history';
import { toInspection } from './inspection.mapper';
import {
  CancelInspectionInput,
  ChangeInspectionInput,
  Inspection,
  InspectionConnection,
  InspectionFilter,
  InspectionOrder,
  IssueInspectionReportInput,
  PlanInspectionInput,
} from './inspection.models';
import { InspectionsService } from './inspections.service';

/** 检查: planned and run by the city office (on a district) or a district office (on its units). */
@Resolver(() => Inspection)
export class InspectionsResolver {
  constructor(
    @Inject(InspectionsService) private readonly service: InspectionsService,
    @Inject(RecordHistory) private readonly recordHistory: RecordHistory,
  ) {}

  @Query(() => InspectionConnection, { description: '检查 the caller may see, a page at a time' })
  inspections(
    @CurrentCaller() caller: Caller,
    @Args('filter', { type: () => InspectionFilter, nullable: true }) filter?: InspectionFilter | null,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'endCursor of the previous page' }) after?: string | null,
    @Args('orderBy', { type: () => InspectionOrder, defaultValue: InspectionOrder.PLANNED_AT_DESC, description: 'Order (ties broken by id)' }) orderBy?: InspectionOrder,
  ): Promise<Connection<Inspection>> {
    return this.service.list(caller, filter, first ?? undefined, after, orderBy ?? InspectionOrder.PLANNED_AT_DESC);
  }

  @Query(() => Inspection, { description: '检查; with asOf, as it stood at that instant' })
  async inspection(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => Date, nullable: true, description: 'Time travel: the inspection as of this instant' }) asOf?: Date | null,
  ): Promise<Inspection> {
    return asOf ? toInspection(await this.service.asOf(caller, id, asOf), asOf) : toInspection(await this.service.visible(caller, id));
  }

  @ResolveField(() => [RecordEvent], { description: '操作记录: the inspection’s events, oldest first (up to asOf when time-travelling)' })
  history(@CurrentCaller() caller: Caller, @Parent() inspection: Inspection): Promise<RecordEvent[]> {
    return this.recordHistory.of(caller, { tenantId: inspection.tenantId, streamId: inspection.id, upToVersion: inspection.asOf ? inspection.version : null });
  }

  @Mutation(() => Inspection, { description: '制定检查计划' })
  async planInspection(@CurrentCaller() caller: Caller, @Args('input') input: PlanInspectionInput): Promise<Inspection> {
    return toInspection(await this.service.plan(caller, input));
  }

  @Mutation(() => Inspection, { description: '开始检查 (from 已计划)' })
  async startInspection(@CurrentCaller() caller: Caller, @Args('input') input: ChangeInspectionInput): Promise<Inspection> {
    return toInspection(await this.service.start(caller, input));
  }

  @Mutation(() => Inspection, { description: '反馈检查报告 (from 检查中)' })
  async issueInspectionReport(@CurrentCaller() caller: Caller, @Args('input') input: IssueInspectionReportInput): Promise<Inspection> {
    return toInspection(await this.service.issueReport(caller, input));
  }

  @Mutation(() => Inspection, { description: '结束检查 (from 已反馈报告)' })
  async closeInspection(@CurrentCaller() caller: Caller, @Args('input') input: ChangeInspectionInput): Promise<Inspection> {
    return toInspection(await this.service.close(caller, input));
  }

  @Mutation(() => Inspection, { description: '取消检查 (only while 已计划)' })
  async cancelInspection(@CurrentCaller() caller: Caller, @Args('input') input: CancelInspectionInput): Promise<Inspection> {
    return toInspection(await this.service.cancel(caller, input));
  }
}
