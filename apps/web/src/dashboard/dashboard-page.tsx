import { useQuery } from '@apollo/client/react';
import { Card, Col, DatePicker, Empty, Row, Space, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { DistrictSelect } from '../shared/district-select';
import { PageHeader } from '../shared/page-header';
import { AssessmentRankingCard } from './assessment-ranking-card';
import { dashboardScopeOf, statisticsScope } from './dashboard-scope';
import { DashboardStatisticsQuery, DistrictRankingQuery, RectificationTrendQuery, UnitRankingQuery } from './dashboard.documents';
import { FigureCards } from './figure-cards';
import { RankingTable } from './ranking-table';

// ECharts is most of the page's weight: the figures and ranking show first, the chart follows.
const TrendChart = lazy(() => import('./trend-chart'));

/** The instant a chosen day stands for: its end, or now for today (figures then match the live ledger). */
export function asOfInstant(day: Dayjs | null, now = dayjs()): string | null {
  if (!day || !day.isBefore(now, 'day')) return null;
  return day.endOf('day').toISOString();
}

/** 首页: 整改率, overdue and warnings of the viewer's scope, the ranking below it, and the monthly trend, all as of a chosen day. */
export default function DashboardPage() {
  const { t } = useI18n();
  const { viewer } = useSignedIn();
  const [day, setDay] = useState<Dayjs | null>(null);
  const [district, setDistrict] = useState<string | null>(null);
  // One "now" per visit: query variables must not change on every render.
  const [now] = useState(() => dayjs());
  const scope = dashboardScopeOf(viewer, district);
  const asOf = asOfInstant(day, now);
  const skip = scope === null;
  const apiScope = scope ? statisticsScope(scope) : {};
  const statistics = useQuery(DashboardStatisticsQuery, { variables: { scope: apiScope, asOf }, skip });
  const rankingTenant = scope?.kind === 'district' ? scope.tenantId : scope?.kind === 'city' ? scope.districtId : null;
  const districtRanking = useQuery(DistrictRankingQuery, { variables: { cityId: scope?.kind === 'city' ? scope.cityId : '', asOf }, skip: scope?.kind !== 'city' || rankingTenant !== null });
  const unitRanking = useQuery(UnitRankingQuery, { variables: { tenantId: rankingTenant ?? '', asOf }, skip: rankingTenant === null });
  const end = asOf ? dayjs(asOf) : now;
  const trend = useQuery(RectificationTrendQuery, { variables: { scope: apiScope, from: end.subtract(11, 'month').startOf('month').toISOString(), to: end.toISOString() }, skip });
  if (!scope) return <Empty description={t('dashboard.noFigures')} />;

  const ranking = rankingTenant ? unitRanking : districtRanking;
  const ranks = rankingTenant ? (unitRanking.data?.unitRanking ?? []) : (districtRanking.data?.districtRanking ?? []);
  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        extra={
          <Space>
            {scope.kind === 'city' && <DistrictSelect value={district} onChange={setDistrict} allowAll />}
            <Typography.Text>{t('common.asOf')}</Typography.Text>
            <DatePicker value={day} onChange={setDay} placeholder={t('common.asOfNow')} disabledDate={(date) => date.isAfter(dayjs(), 'day')} data-testid="as-of" />
          </Space>
        }
      />
      <ApiErrorAlert error={statistics.error ?? ranking.error ?? trend.error} onReload={() => void statistics.refetch()} />
      {statistics.data && <FigureCards figures={statistics.data.rectificationStatistics} />}
      <Row gutter={[16, 16]}>
        {scope.kind !== 'unit' && (
          <Col xs={24} xl={12}>
            <Card title={rankingTenant ? t('dashboard.byUnit') : t('dashboard.byDistrict')}>
              <RankingTable ranks={ranks} loading={ranking.loading && !ranking.data} onPick={scope.kind === 'city' && !rankingTenant ? setDistrict : undefined} />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={scope.kind === 'unit' ? 24 : 12}>
          <Card title={t('dashboard.trend')}>
            <Suspense fallback={<Spin />}>{trend.data ? <TrendChart points={trend.data.rectificationTrend} /> : <Empty />}</Suspense>
          </Card>
        </Col>
        {scope.kind !== 'unit' && (
          <Col xs={24} xl={12}>
            <AssessmentRankingCard tenantId={rankingTenant} />
          </Col>
        )}
      </Row>
    </>
  );
}
