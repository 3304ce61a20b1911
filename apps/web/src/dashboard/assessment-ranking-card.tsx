import { useQuery } from '@apollo/client/react';
import { Card } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/locale';
import { AssessmentRanking } from '../responsibility/assessment-ranking';
import { AssessmentQuery } from '../responsibility/responsibility.documents';

/** 年度考核排名 of this year so far: the city's districts, or a district's units (`tenantId`). */
export function AssessmentRankingCard({ tenantId }: { tenantId: string | null }) {
  const { t } = useI18n();
  const year = dayjs().year();
  const { data, loading } = useQuery(AssessmentQuery, { variables: { year, tenantId } });
  return (
    <Card title={t('responsibility.rankingCard', { year })} extra={<Link to="/responsibility">{t('responsibility.details')}</Link>} data-testid="assessment-card">
      <AssessmentRanking ranking={data?.assessment.ranking ?? []} loading={loading && !data} compact />
    </Card>
  );
}
