import { Inject } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import {
  AddKeyProjectInput,
  AddResponsibilityItemInput,
  Assessment,
  ConfirmKeyProjectPlanInput,
  CreateResponsibilityListInput,
  DraftKeyProjectPlanInput,
  DraftTargetLetterInput,
  KeyProjectPlan,
  MonthlyReport,
  ReportKeyProjectProgressInput,
  ResponsibilityList,
  ScheduleMonthlyReportInput,
  SignTargetLetterInput,
  SubmitMonthlyReportInput,
  TargetLetter,
  UnitRef,
} from './responsibility.models';
import { ResponsibilityService } from './responsibility.service';

const yearArg = { type: () => Int, description: '年度' };
const tenantArg = { type: () => ID, nullable: true, description: 'One district of the caller’s scope; all of them when omitted' };

/** 责任清单, 目标责任书, 重点工作项目, 分析研判月报告 and the annual 考核. */
@Resolver()
export class ResponsibilityResolver {
  constructor(@Inject(ResponsibilityService) private readonly service: ResponsibilityService) {}

  @Query(() => [ResponsibilityList], { description: '责任清单 of a year the caller may read' })
  responsibilityLists(
    @CurrentCaller() caller: Caller,
    @Args('year', yearArg) year: number,
    @Args('tenantId', tenantArg) tenantId: string | null,
    @Args('unitId', { type: () => ID, nullable: true, description: 'One unit' }) unitId: string | null,
  ): Promise<ResponsibilityList[]> {
    return this.service.responsibilityLists(caller, year, tenantId, unitId);
  }

  @Query(() => ResponsibilityList, { description: '责任清单, with the findings raised against each item' })
  responsibilityList(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'List id' }) id: string): Promise<ResponsibilityList> {
    return this.service.responsibilityList(caller, id);
  }

  @Query(() => [TargetLetter], { description: '目标责任书 of a year the caller may read' })
  targetLetters(@CurrentCaller() caller: Caller, @Args('year', yearArg) year: number, @Args('tenantId', tenantArg) tenantId: string | null): Promise<TargetLetter[]> {
    return this.service.targetLetters(caller, year, tenantId);
  }

  @Query(() => [UnitRef], { description: 'Units of a district (the caller’s own by default) with no signed 目标责任书 for the year' })
  unitsWithoutSignedLetter(
    @CurrentCaller() caller: Caller,
    @Args('year', yearArg) year: number,
    @Args('tenantId', { type: () => ID, nullable: true, description: 'District; defaults to the caller’s own' }) tenantId: string | null,
  ): Promise<UnitRef[]> {
    return this.service.unsignedUnits(caller, year, tenantId);
  }

  @Query(() => [KeyProjectPlan], { description: '重点工作项目 plans of a year the caller may read' })
  keyProjectPlans(@CurrentCaller() caller: Caller, @Args('year', yearArg) year: number, @Args('tenantId', tenantArg) tenantId: string | null): Promise<KeyProjectPlan[]> {
    return this.service.keyProjectPlans(caller, year, tenantId);
  }

  @Query(() => KeyProjectPlan, { description: '重点工作项目计划 with every milestone and its progress report' })
  keyProjectPlan(@CurrentCaller() caller: Caller, @Args('id', { type: () => ID, description: 'Plan id' }) id: string): Promise<KeyProjectPlan> {
    return this.service.keyProjectPlan(caller, id);
  }

  @Query(() => [MonthlyReport], { description: '分析研判月报告 of a year the caller may read, by month' })
  monthlyReports(@CurrentCaller() caller: Caller, @Args('year', yearArg) year: number, @Args('tenantId', tenantArg) tenantId: string | null): Promise<MonthlyReport[]> {
    return this.service.monthlyReports(caller, year, tenantId);
  }

  @Query(() => Assessment, { description: '年度考核: the city’s districts ranked, or a district’s units when one is named; every score line lists the events it counts' })
  assessment(
    @CurrentCaller() caller: Caller,
    @Args('year', yearArg) year: number,
    @Args('tenantId', { type: () => ID, nullable: true, description: 'Rank this district’s units; omitted: a city inspector’s districts, or the caller’s own district’s units' }) tenantId: string | null,
    @Args('rulesVersion', { type: () => String, nullable: true, description: 'Score by this rule set; defaults to the one in force for the year' }) rulesVersion: string | null,
    @Args('asOf', { type: () => Date, nullable: true, description: 'Count only events recorded before this instant (a running year)' }) asOf: Date | null,
  ): Promise<Assessment> {
    return this.service.assessment(caller, year, tenantId, rulesVersion, asOf);
  }

  @Mutation(() => ResponsibilityList, { description: '建立责任清单 (one per unit per year)' })
  createResponsibilityList(@CurrentCaller() caller: Caller, @Args('input') input: CreateResponsibilityListInput): Promise<ResponsibilityList> {
    return this.service.createResponsibilityList(caller, input);
  }

  @Mutation(() => ResponsibilityList, { description: '添加责任事项' })
  addResponsibilityItem(@CurrentCaller() caller: Caller, @Args('input') input: AddResponsibilityItemInput): Promise<ResponsibilityList> {
    return this.service.addResponsibilityItem(caller, input);
  }

  @Mutation(() => TargetLetter, { description: '起草目标责任书 (one per level, unit and year)' })
  draftTargetLetter(@CurrentCaller() caller: Caller, @Args('input') input: DraftTargetLetterInput): Promise<TargetLetter> {
    return this.service.draftTargetLetter(caller, input);
  }

  @Mutation(() => TargetLetter, { description: '签订目标责任书' })
  signTargetLetter(@CurrentCaller() caller: Caller, @Args('input') input: SignTargetLetterInput): Promise<TargetLetter> {
    return this.service.signTargetLetter(caller, input);
  }

  @Mutation(() => KeyProjectPlan, { description: '制定重点工作项目计划 (one per owner and year)' })
  draftKeyProjectPlan(@CurrentCaller() caller: Caller, @Args('input') input: DraftKeyProjectPlanInput): Promise<KeyProjectPlan> {
    return this.service.draftKeyProjectPlan(caller, input);
  }

  @Mutation(() => KeyProjectPlan, { description: '添加重点工作项目' })
  addKeyProject(@CurrentCaller() caller: Caller, @Args('input') input: AddKeyProjectInput): Promise<KeyProjectPlan> {
    return this.service.addKeyProject(caller, input);
  }

  @Mutation(() => KeyProjectPlan, { description: '确定重点工作项目计划; refused unless the weights sum to 100' })
  confirmKeyProjectPlan(@CurrentCaller() caller: Caller, @Args('input') input: ConfirmKeyProjectPlanInput): Promise<KeyProjectPlan> {
    return this.service.confirmKeyProjectPlan(caller, input);
  }

  @Mutation(() => KeyProjectPlan, { description: '报送项目月度进展' })
  reportKeyProjectProgress(@CurrentCaller() caller: Caller, @Args('input') input: ReportKeyProjectProgressInput): Promise<KeyProjectPlan> {
    return this.service.reportKeyProjectProgress(caller, input);
  }

  @Mutation(() => MonthlyReport, { description: '布置分析研判月报告 (one per district and month)' })
  scheduleMonthlyReport(@CurrentCaller() caller: Caller, @Args('input') input: ScheduleMonthlyReportInput): Promise<MonthlyReport> {
    return this.service.scheduleMonthlyReport(caller, input);
  }

  @Mutation(() => MonthlyReport, { description: '报送分析研判月报告' })
  submitMonthlyReport(@CurrentCaller() caller: Caller, @Args('input') input: SubmitMonthlyReportInput): Promise<MonthlyReport> {
    return this.service.submitMonthlyReport(caller, input);
  }
}
