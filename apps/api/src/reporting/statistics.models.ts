import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FindingStatusValue } from '../findings/finding.models';

export enum StatisticsScopeKind {
  CITY = 'CITY',
  TENANT = 'TENANT',
  UNIT = 'UNIT',
  INSPECTION = 'INSPECTION',
}
registerEnumType(StatisticsScopeKind, {
  name: 'StatisticsScopeKind',
  description: 'What a set of figures covers',
  valuesMap: {
    CITY: { description: '全市: every district of a city' },
    TENANT: { description: '区县: one district' },
    UNIT: { description: '单位: the findings assigned to one unit' },
    INSPECTION: { description: '检查: the findings of one inspection' },
  },
});

@InputType({ description: 'What to count: exactly one of a city, a district, a unit or an inspection' })
export class StatisticsScopeInput {
  @Field(() => ID, { nullable: true, description: 'Every district of this city' }) cityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'One district' }) tenantId?: string | null;
  @Field(() => ID, { nullable: true, description: 'One unit' }) unitId?: string | null;
  @Field(() => ID, { nullable: true, description: 'One inspection' }) inspectionId?: string | null;
}

@ObjectType({ description: 'How many findings were in one status' })
export class FindingStateCount {
  @Field(() => FindingStatusValue, { description: '整改状态' }) state!: FindingStatusValue;
  @Field(() => Int, { description: 'Findings in it' }) count!: number;
}

@ObjectType({ description: '三色预警: open findings by the colour their deadline is in' })
export class WarningColourCounts {
  @Field(() => Int, { description: '绿色: 20 days or less to the deadline' }) green!: number;
  @Field(() => Int, { description: '黄色: 10 days or less' }) yellow!: number;
  @Field(() => Int, { description: '红色: overdue' }) red!: number;
  @Field(() => Int, { description: 'More than 20 days left' }) none!: number;
}

/** The figures of one scope at one instant (libs/domain rectificationFigures); shared by every reporting type. */
@ObjectType({ isAbstract: true })
export abstract class RectificationFigures {
  @Field({ description: 'The instant the figures are as of' }) asOf!: Date;
  @Field(() => Int, { description: '问题数: findings recorded by then, withdrawn ones excluded' }) recorded!: number;
  @Field(() => Int, { description: '已销号' }) verified!: number;
  @Field(() => Int, { description: '按期销号: signed off before the deadline in force passed' }) verifiedOnTime!: number;
  @Field(() => Int, { description: '已撤销' }) withdrawn!: number;
  @Field(() => Float, { nullable: true, description: '整改率: verified ÷ recorded (0–1); null when nothing was recorded' }) rate!: number | null;
  @Field(() => Int, { description: '逾期: open and past the deadline' }) overdue!: number;
  @Field(() => [FindingStateCount], { description: 'Findings per status' }) byState!: FindingStateCount[];
  @Field(() => WarningColourCounts, { description: 'Open findings per 三色预警 colour' }) warningColours!: WarningColourCounts;
}

@ObjectType({ description: '整改统计 of one scope as of an instant' })
export class RectificationStatistics extends RectificationFigures {
  @Field(() => StatisticsScopeKind, { description: 'What the figures cover' }) scopeKind!: StatisticsScopeKind;
  @Field(() => ID, { description: 'The city, district, unit or inspection' }) scopeId!: string;
}

@ObjectType({ description: '排名: a district or unit with its figures and place' })
export class ScopeRank extends RectificationFigures {
  @Field(() => Int, { description: '名次: by rate (highest first, none last), then fewest overdue; equal figures share a place' }) rank!: number;
  @Field(() => ID, { description: 'District or unit id' }) id!: string;
  @Field({ description: '名称' }) name!: string;
}

@ObjectType({ description: 'One point of a trend: the figures at a month’s end' })
export class TrendPoint extends RectificationFigures {
  @Field({ description: 'Month, YYYY-MM (China time); asOf is its last instant, or now for the current month' }) month!: string;
}
