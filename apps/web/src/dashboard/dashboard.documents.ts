import { graphql } from '../generated';

export const FigureFields = graphql(`
  fragment FigureFields on RectificationStatistics {
    asOf
    recorded
    verified
    verifiedOnTime
    rate
    overdue
    warningColours {
      green
      yellow
      red
      none
    }
  }
`);

export const DashboardStatisticsQuery = graphql(`
  query DashboardStatistics($scope: StatisticsScopeInput!, $asOf: DateTime) {
    rectificationStatistics(scope: $scope, asOf: $asOf) {
      ...FigureFields
    }
  }
`);

export const RankFields = graphql(`
  fragment RankFields on ScopeRank {
    id
    name
    rank
    recorded
    verified
    rate
    overdue
    warningColours {
      green
      yellow
      red
    }
  }
`);

export const DistrictRankingQuery = graphql(`
  query DistrictRanking($cityId: ID!, $asOf: DateTime) {
    districtRanking(cityId: $cityId, asOf: $asOf) {
      ...RankFields
    }
  }
`);

export const UnitRankingQuery = graphql(`
  query UnitRanking($tenantId: ID!, $asOf: DateTime) {
    unitRanking(tenantId: $tenantId, asOf: $asOf) {
      ...RankFields
    }
  }
`);

export const RectificationTrendQuery = graphql(`
  query RectificationTrend($scope: StatisticsScopeInput!, $from: DateTime!, $to: DateTime!) {
    rectificationTrend(scope: $scope, from: $from, to: $to) {
      month
      recorded
      verified
      rate
      overdue
    }
  }
`);
