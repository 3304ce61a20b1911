import { InputNumber, Space, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import { useI18n } from '../i18n/locale';
import { DistrictSelect, useDefaultDistrict } from '../shared/district-select';
import { PageHeader } from '../shared/page-header';
import { AssessmentTab } from './assessment-tab';
import { LettersTab } from './letters-tab';
import { ListsTab } from './lists-tab';
import { MonthlyReportsTab } from './monthly-reports-tab';
import { ProjectsTab } from './projects-tab';

/** What every tab works on: the year and the district (a city inspector picks one of its city's). */
export interface CycleScope {
  year: number;
  tenantId: string | null;
}

/** 责任考核: the year's 责任清单, 目标责任书, 重点工作项目, 分析研判月报告 and the 考核 ranking. */
export default function ResponsibilityPage() {
  const { t } = useI18n();
  const { viewer } = useSignedIn();
  const defaultDistrict = useDefaultDistrict();
  const [year, setYear] = useState(() => dayjs().year());
  const [district, setDistrict] = useState<string | null>(null);
  const tenantId = viewer.tenant?.id ?? district ?? defaultDistrict;
  const scope: CycleScope = { year, tenantId };
  return (
    <>
      <PageHeader
        title={t('responsibility.title')}
        extra={
          <Space>
            <DistrictSelect value={tenantId} onChange={setDistrict} />
            <Typography.Text>{t('responsibility.year')}</Typography.Text>
            <InputNumber min={2000} max={2100} value={year} onChange={(next) => next && setYear(next)} data-testid="cycle-year" />
          </Space>
        }
      />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'lists', label: t('responsibility.tabLists'), children: <ListsTab scope={scope} /> },
          { key: 'letters', label: t('responsibility.tabLetters'), children: <LettersTab scope={scope} /> },
          { key: 'projects', label: t('responsibility.tabProjects'), children: <ProjectsTab scope={scope} /> },
          { key: 'reports', label: t('responsibility.tabReports'), children: <MonthlyReportsTab scope={scope} /> },
          { key: 'assessment', label: t('responsibility.tabAssessment'), children: <AssessmentTab scope={scope} /> },
        ]}
      />
    </>
  );
}
