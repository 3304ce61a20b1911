import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Card, Form, Input, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSignedIn } from '../auth/session-context';
import type { InterviewFieldsFragment } from '../generated/graphql';
import { useI18n } from '../i18n/locale';
import { canAny } from '../permissions/ability';
import { ApiErrorAlert } from '../shared/api-error-alert';
import { CursorPager, useCursorPages } from '../shared/cursor-pager';
import { FormModal } from '../shared/form-modal';
import { PageHeader } from '../shared/page-header';
import { showsSpinner } from '../shared/query-state';
import { usePeople } from '../shared/use-people';
import { InterviewCalendar } from './interview-calendar';
import { InterviewList } from './interview-list';
import { CancelInterviewMutation, InterviewsQuery } from './interviews.documents';
import { RecordHeldModal } from './record-held-modal';
import { ScheduleInterviewModal } from './schedule-interview-modal';

const PAGE_SIZE = 20;
type View = 'list' | 'calendar';

/** 约谈: a list and a month calendar; confidential talks appear only to the people named in them (the API leaves them out). */
export default function InterviewsPage() {
  const { t } = useI18n();
  const { ability } = useSignedIn();
  const [view, setView] = useState<View>('list');
  const [month, setMonth] = useState<Dayjs>(dayjs().startOf('month'));
  const pages = useCursorPages();
  const variables =
    view === 'list'
      ? { order: 'SCHEDULED_AT_DESC' as const, first: PAGE_SIZE, after: pages.after }
      : { order: 'SCHEDULED_AT_ASC' as const, first: 100, filter: { months: { from: month.format('YYYY-MM') } } };
  const list = useQuery(InterviewsQuery, { variables });
  const { data, error, refetch } = list;
  const { nameOf } = usePeople();
  const [cancel] = useMutation(CancelInterviewMutation);
  const [scheduling, setScheduling] = useState(false);
  const [recording, setRecording] = useState<InterviewFieldsFragment | null>(null);
  const [cancelling, setCancelling] = useState<InterviewFieldsFragment | null>(null);
  const interviews = data?.interviews.edges.map((edge) => edge.node) ?? [];
  const reload = (): void => void refetch();

  return (
    <>
      <PageHeader
        title={t('interviews.title')}
        extra={
          canAny(ability, 'schedule', 'Interview') && (
            <Button type="primary" onClick={() => setScheduling(true)} data-testid="schedule-interview">
              {t('interviews.schedule')}
            </Button>
          )
        }
      />
      <Card>
        <Segmented<View>
          className="block-gap"
          value={view}
          onChange={setView}
          options={[
            { value: 'list', label: t('interviews.list') },
            { value: 'calendar', label: t('interviews.calendar') },
          ]}
        />
        <ApiErrorAlert error={error} onReload={reload} />
        {view === 'list' ? (
          <>
            <InterviewList interviews={interviews} loading={showsSpinner(list)} nameOf={nameOf} onRecordHeld={setRecording} onCancel={setCancelling} onReload={reload} />
            <CursorPager pages={pages} pageSize={PAGE_SIZE} totalCount={data?.interviews.totalCount ?? 0} hasNextPage={data?.interviews.pageInfo.hasNextPage ?? false} endCursor={data?.interviews.pageInfo.endCursor ?? null} />
          </>
        ) : (
          <InterviewCalendar month={month} interviews={interviews} onMonthChange={(next) => setMonth(next.startOf('month'))} />
        )}
      </Card>
      <ScheduleInterviewModal open={scheduling} onClose={() => setScheduling(false)} />
      <RecordHeldModal interview={recording} onClose={() => setRecording(null)} onReload={reload} />
      <FormModal<{ reason: string }>
        open={cancelling !== null}
        title={t('interviews.cancel')}
        onClose={() => setCancelling(null)}
        onReload={reload}
        onSubmit={({ reason }) => cancel({ variables: { input: { id: cancelling!.id, expectedVersion: cancelling!.version, reason: reason.trim() } } })}
      >
        <Form.Item name="reason" label={t('common.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </FormModal>
    </>
  );
}
