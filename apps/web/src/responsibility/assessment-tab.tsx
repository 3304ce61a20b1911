import { useQuery } from '@apollo/client/react';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { AssessmentRanking } from './assessment-ranking';
import type { CycleScope } from './responsibility-page';
import { AssessmentQuery } from './responsibility.documents';

/** 年度考核: a city inspector sees its districts ranked, a district its units; every line opens into the events it counts. */
export function AssessmentTab({ scope }: { scope: CycleScope }) {
  const { t } = useI18n();
  const { viewer } = useSignedIn();
  // A city inspector ranks the districts; the district picker then only chooses where the other tabs work.
  const tenantId = viewer.tenant ? scope.tenantId : null;
  const { data, loading, error, refetch } = useQuery(AssessmentQuery, { variables: { year: scope.year, tenantId } });
  return (
    <>
      <ApiErrorAlert error={error} onReload={() => void refetch()} />
      {data && (
        <Typography.Paragraph type="secondary" data-testid="assessment-rules">
          {t('responsibility.rules', { version: data.assessment.rulesVersion, asOf: dayjs(data.assessment.asOf).format('YYYY-MM-DD HH:mm') })}
        </Typography.Paragraph>
      )}
      <AssessmentRanking ranking={data?.assessment.ranking ?? []} loading={loading && !data} />
    </>
  );
}
