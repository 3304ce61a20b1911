import { Inject } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Caller } from '../identity/authenticator';
import { CurrentCaller } from '../identity/current-caller.decorator';
import { RectificationStatistics, ScopeRank, StatisticsScopeInput, TrendPoint } from './statistics.models';
import { StatisticsService } from './statistics.service';

/** 整改率, rankings and trends for the dashboard; every figure can be had as of any instant. */
@Resolver()
export class StatisticsResolver {
  constructor(@Inject(StatisticsService) private readonly statistics: StatisticsService) {}

  @Query(() => RectificationStatistics, { description: '整改统计: recorded, verified, 整改率, states, overdue and 三色预警 of a scope' })
  rectificationStatistics(
    @CurrentCaller() caller: Caller,
    @Args('scope', { type: () => StatisticsScopeInput, description: 'A city, district, unit or inspection' }) scope: StatisticsScopeInput,
    @Args('asOf', { type: () => Date, nullable: true, description: 'As the findings stood at this instant; now when omitted' }) asOf: Date | null,
  ): Promise<RectificationStatistics> {
    return this.statistics.figures(caller, scope, asOf);
  }

  @Query(() => [ScopeRank], { description: '区县排名: the districts of a city by 整改率 (then fewest overdue)' })
  districtRanking(
    @CurrentCaller() caller: Caller,
    @Args('cityId', { type: () => ID, description: 'The city' }) cityId: string,
    @Args('asOf', { type: () => Date, nullable: true, description: 'As of this instant; now when omitted' }) asOf: Date | null,
  ): Promise<ScopeRank[]> {
    return this.statistics.districtRanking(caller, cityId, asOf);
  }

  @Query(() => [ScopeRank], { description: '单位排名: the units of a district by 整改率 (then fewest overdue)' })
  unitRanking(
    @CurrentCaller() caller: Caller,
    @Args('tenantId', { type: () => ID, description: 'The district' }) tenantId: string,
    @Args('asOf', { type: () => Date, nullable: true, description: 'As of this instant; now when omitted' }) asOf: Date | null,
  ): Promise<ScopeRank[]> {
    return this.statistics.unitRanking(caller, tenantId, asOf);
  }

  @Query(() => [TrendPoint], { description: '整改率趋势: the figures at each month’s end (China time) from `from` to `to`' })
  rectificationTrend(
    @CurrentCaller() caller: Caller,
    @Args('scope', { type: () => StatisticsScopeInput, description: 'A city, district, unit or inspection' }) scope: StatisticsScopeInput,
    @Args('from', { type: () => Date, description: 'First month: the one this instant falls in' }) from: Date,
    @Args('to', { type: () => Date, description: 'Last month: the one this instant falls in (its point is as of this instant at the latest)' }) to: Date,
  ): Promise<TrendPoint[]> {
    return this.statistics.trend(caller, scope, from, to);
  }
}
