import { Inject } from '@nestjs/common';
import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { RecordEvent } from '../audit-trail/record-event.model';
import type { Caller } from '../identity/authenticator';
import { Authorization } from '../identity/authorization';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { RecordHistory } from '../records/record-history';
import { UnitLoaders } from './unit.loaders';
import { toUnit } from './unit.mapper';
import { AssignUnitPersonInput, CreateUnitInput, DeactivateUnitInput, MoveUnitInput, RenameUnitInput, Unit } from './unit.models';
import { UnitsRepository } from './units.repository';
import { UnitsService } from './units.service';

/** 单位: the unit tree of a district, managed by its district office. */
@Resolver(() => Unit)
export class UnitsResolver {
  constructor(
    @Inject(UnitsService) private readonly service: UnitsService,
    @Inject(UnitsRepository) private readonly repository: UnitsRepository,
    @Inject(UnitLoaders) private readonly loaders: UnitLoaders,
    @Inject(RecordHistory) private readonly recordHistory: RecordHistory,
    @Inject(Authorization) private readonly authorization: Authorization,
  ) {}

  @Query(() => [Unit], { description: '单位 the caller may see, parents before children (a flat tree: follow parentId or children)' })
  async units(
    @CurrentCaller() caller: Caller,
    @Args('tenantId', { type: () => ID, nullable: true, description: 'One district; default every district the caller sees' }) tenantId?: string | null,
    @Args('includeDeactivated', { defaultValue: false, description: 'Also list 已停用 units' }) includeDeactivated?: boolean,
  ): Promise<Unit[]> {
    const rows = await this.repository.list(caller.tenantIds, this.authorization.abilityOf(caller), { tenantId, includeDeactivated: includeDeactivated ?? false });
    return rows.map((row) => toUnit(row));
  }

  @Query(() => Unit, { description: '单位; with asOf, as it stood at that instant' })
  async unit(
    @CurrentCaller() caller: Caller,
    @Args('id', { type: () => ID }) id: string,
    @Args('asOf', { type: () => Date, nullable: true, description: 'Time travel: the unit as of this instant' }) asOf?: Date | null,
  ): Promise<Unit> {
    return asOf ? toUnit(await this.service.asOf(caller, id, asOf), asOf) : toUnit(await this.service.visible(caller, id));
  }

  @ResolveField(() => Unit, { nullable: true, description: '上级单位' })
  async parent(@CurrentCaller() caller: Caller, @Parent() unit: Unit): Promise<Unit | null> {
    if (!unit.parentId) return null;
    const parent = await this.loaders.unit(caller, { tenantId: unit.tenantId, id: unit.parentId });
    return parent ? toUnit(parent) : null;
  }

  @ResolveField(() => [Unit], { description: '下级单位 (current, including deactivated ones)' })
  async children(@CurrentCaller() caller: Caller, @Parent() unit: Unit): Promise<Unit[]> {
    return (await this.loaders.children(caller, { tenantId: unit.tenantId, id: unit.id })).map((child) => toUnit(child));
  }

  @ResolveField(() => [RecordEvent], { description: '操作记录: the unit’s events, oldest first (up to asOf when time-travelling)' })
  history(@CurrentCaller() caller: Caller, @Parent() unit: Unit): Promise<RecordEvent[]> {
    return this.recordHistory.of(caller, { tenantId: unit.tenantId, streamId: unit.id, upToVersion: unit.asOf ? unit.version : null });
  }

  @Mutation(() => Unit, { description: '新建单位 (district office)' })
  createUnit(@CurrentCaller() caller: Caller, @Args('input') input: CreateUnitInput): Promise<Unit> {
    return this.service.create(caller, input).then((row) => toUnit(row));
  }

  @Mutation(() => Unit, { description: '修改单位名称' })
  renameUnit(@CurrentCaller() caller: Caller, @Args('input') input: RenameUnitInput): Promise<Unit> {
    return this.service.rename(caller, input).then((row) => toUnit(row));
  }

  @Mutation(() => Unit, { description: '调整上级单位; a unit cannot move under itself or its descendants' })
  moveUnit(@CurrentCaller() caller: Caller, @Args('input') input: MoveUnitInput): Promise<Unit> {
    return this.service.move(caller, input).then((row) => toUnit(row));
  }

  @Mutation(() => Unit, { description: '指定分管领导' })
  assignUnitLeader(@CurrentCaller() caller: Caller, @Args('input') input: AssignUnitPersonInput): Promise<Unit> {
    return this.service.assign(caller, input, 'AssignUnitLeader').then((row) => toUnit(row));
  }

  @Mutation(() => Unit, { description: '指定主要负责人' })
  assignUnitHead(@CurrentCaller() caller: Caller, @Args('input') input: AssignUnitPersonInput): Promise<Unit> {
    return this.service.assign(caller, input, 'AssignUnitHead').then((row) => toUnit(row));
  }

  @Mutation(() => Unit, { description: '指定联络员' })
  assignUnitLiaison(@CurrentCaller() caller: Caller, @Args('input') input: AssignUnitPersonInput): Promise<Unit> {
    return this.service.assign(caller, input, 'AssignUnitLiaison').then((row) => toUnit(row));
  }

  @Mutation(() => Unit, { description: '停用单位: refused while it has active child units or open findings' })
  deactivateUnit(@CurrentCaller() caller: Caller, @Args('input') input: DeactivateUnitInput): Promise<Unit> {
    return this.service.deactivate(caller, input).then((row) => toUnit(row));
  }
}
